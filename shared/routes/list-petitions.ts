import { listPetitionsQuerySchema, petitionPageSchema } from '../schemas/petition';
import { defineRoute } from './define';

export const route = defineRoute({
  id: 'list-petitions',
  method: 'GET',
  path: '/v1/petitions',
  // A court lists its own petitions in its inbox (GET /v1/courts/{courtCode}/inbox), not an office's.
  auth: ['clerk', 'manager', 'province-admin'],
  // GetItem: a province administrator's listing first checks the office is in their province.
  table: [{ actions: ['GetItem'] }, { actions: ['Query'], indexes: ['gsi1', 'gsi2'] }],
  summary: "A page of an office's petitions, newest first",
  request: { query: listPetitionsQuerySchema },
  responses: {
    200: { description: 'One page; pass nextCursor back as cursor for the next', schema: petitionPageSchema },
    404: { description: 'province-admin: an office unknown or of another province' },
  },
});
