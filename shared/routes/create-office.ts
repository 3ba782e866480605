import { createOfficeSchema, officeSchema } from '../schemas/office';
import { defineRoute, PROVINCE_ADMIN } from './define';

export const route = defineRoute({
  id: 'create-office',
  method: 'POST',
  path: '/v1/offices',
  auth: PROVINCE_ADMIN,
  // The office, and its province added to the set the report job reads (its own key, OFFICE-PROVINCES).
  table: [{ actions: ['PutItem'] }, { actions: ['UpdateItem'], leadingKeys: ['OFFICE-PROVINCES'] }],
  summary: 'Register an office',
  request: { body: createOfficeSchema },
  responses: {
    201: { description: 'Registered', schema: officeSchema },
    409: { description: 'An office with this code exists' },
  },
});
