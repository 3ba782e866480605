import { officePathSchema, officeSchema } from '../schemas/office';
import { defineRoute, REGISTRY_READERS } from './define';

export const route = defineRoute({
  id: 'get-office',
  method: 'GET',
  path: '/v1/offices/{officeCode}',
  auth: REGISTRY_READERS,
  table: [{ actions: ['GetItem'] }],
  summary: 'One office of the registry',
  request: { path: officePathSchema },
  responses: { 200: { description: 'The office', schema: officeSchema } },
});
