import { courtPathSchema, courtSchema } from '../schemas/court';
import { defineRoute, REGISTRY_READERS } from './define';

export const route = defineRoute({
  id: 'get-court',
  method: 'GET',
  path: '/v1/courts/{courtCode}',
  auth: REGISTRY_READERS,
  table: [{ actions: ['GetItem'] }],
  summary: 'One court of the registry (province-admin: own province)',
  request: { path: courtPathSchema },
  responses: { 200: { description: 'The court', schema: courtSchema } },
});
