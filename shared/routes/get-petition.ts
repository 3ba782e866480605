import { petitionPathSchema, petitionSchema } from '../schemas/petition';
import { ALL_STAFF, defineRoute } from './define';

export const route = defineRoute({
  id: 'get-petition',
  method: 'GET',
  path: '/v1/petitions/{petitionId}',
  auth: ALL_STAFF,
  table: [{ actions: ['GetItem', 'Query'] }],
  summary: 'A petition with its parties, documents and history (office staff: own office only)',
  request: { path: petitionPathSchema },
  responses: {
    200: { description: 'The petition', schema: petitionSchema },
    404: { description: 'Unknown, or of another office' },
  },
});
