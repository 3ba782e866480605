import { petitionPathSchema, petitionSchema, updatePetitionSchema } from '../schemas/petition';
import { defineRoute, OFFICE_STAFF, QUOTING } from './define';

export const route = defineRoute({
  id: 'update-petition',
  method: 'PATCH',
  path: '/v1/petitions/{petitionId}',
  auth: OFFICE_STAFF,
  table: QUOTING,
  summary: 'Change a draft or a returned petition (claim, parties, stage, judgment, category); the fees are re-quoted',
  request: { path: petitionPathSchema, body: updatePetitionSchema },
  responses: {
    200: { description: 'The petition with its new quote', schema: petitionSchema },
    409: {
      description:
        "Not draft or returned, a stale expectedVersion, no fee schedule, or a returned petition's claimant changed",
    },
  },
});
