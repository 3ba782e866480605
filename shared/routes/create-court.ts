import { courtSchema, createCourtSchema } from '../schemas/court';
import { defineRoute, PROVINCE_ADMIN } from './define';

export const route = defineRoute({
  id: 'create-court',
  method: 'POST',
  path: '/v1/courts',
  auth: PROVINCE_ADMIN,
  table: [{ actions: ['PutItem'] }],
  summary: "Register a court in the administrator's province: code, name, judicial district, kind, status",
  request: { body: createCourtSchema },
  responses: {
    201: { description: 'Registered', schema: courtSchema },
    409: { description: 'A court with this code exists' },
  },
});
