import { listOfficesQuerySchema, officeListSchema } from '../schemas/office';
import { ALL_STAFF, defineRoute } from './define';

export const route = defineRoute({
  id: 'list-offices',
  method: 'GET',
  path: '/v1/offices',
  auth: ALL_STAFF,
  table: [{ actions: ['GetItem'] }, { actions: ['Query'], indexes: ['gsi3'] }],
  summary: 'The office registry with the network view (offices per status, deprived areas served)',
  request: { query: listOfficesQuerySchema },
  responses: { 200: { description: 'Offices, ordered by code', schema: officeListSchema } },
});
