import { listOfficesQuerySchema, officeListSchema } from '../schemas/office';
import { defineRoute, REGISTRY_READERS } from './define';

export const route = defineRoute({
  id: 'list-offices',
  method: 'GET',
  path: '/v1/offices',
  auth: REGISTRY_READERS,
  table: [{ actions: ['GetItem'] }, { actions: ['Query'], indexes: ['gsi3'] }],
  summary: 'The office registry with the network view (offices per status, deprived areas served)',
  request: { query: listOfficesQuerySchema },
  responses: {
    200: { description: 'Offices, ordered by code', schema: officeListSchema },
    404: { description: 'province-admin: another province, answered as an unknown one' },
  },
});
