import { petitionPathSchema, petitionSchema, reassignSchema } from '../schemas/petition';
import { defineRoute, PROVINCE_ADMIN, READ_WRITE_ITEMS } from './define';

export const route = defineRoute({
  id: 'reassign-petition',
  method: 'POST',
  path: '/v1/petitions/{petitionId}/reassign',
  auth: PROVINCE_ADMIN,
  // GetItem: the petition and the court; one transaction: the petition and its event.
  table: READ_WRITE_ITEMS,
  summary: 'Move a petition of your province to another court of it, audited with the reason',
  request: { path: petitionPathSchema, body: reassignSchema },
  responses: {
    200: { description: 'The petition, held by the new court', schema: petitionSchema },
    404: { description: 'A petition or court of another province, answered as an unknown one' },
    409: { description: 'The court is inactive or of a kind it never goes to, not with a court, or stale version' },
  },
});
