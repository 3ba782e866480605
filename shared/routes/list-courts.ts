import { courtListSchema, listCourtsQuerySchema } from '../schemas/court';
import { defineRoute, REGISTRY_READERS } from './define';

export const route = defineRoute({
  id: 'list-courts',
  method: 'GET',
  path: '/v1/courts',
  auth: REGISTRY_READERS,
  // GetItem: the province's fallback setting; Query: the court registry (gsi3).
  table: [{ actions: ['GetItem'] }, { actions: ['Query'], indexes: ['gsi3'] }],
  summary: "A province's courts and its fallback court per kind (`province` required except for province-admin)",
  request: { query: listCourtsQuerySchema },
  responses: {
    200: { description: 'Courts, ordered by code, and the fallbacks', schema: courtListSchema },
    404: { description: 'province-admin: another province, answered as an unknown one' },
  },
});
