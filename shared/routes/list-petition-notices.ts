import { petitionNoticesSchema, petitionPathSchema } from '../schemas/e-notices';
import { ALL_STAFF, defineRoute } from './define';

export const route = defineRoute({
  id: 'list-petition-notices',
  method: 'GET',
  path: '/v1/petitions/{petitionId}/notices',
  auth: ALL_STAFF,
  table: [{ actions: ['GetItem'] }, { actions: ['Query'], leadingKeys: ['ENOTICE#*'] }],
  summary: "Staff read a petition's served notices (never counted as the party's view)",
  request: { path: petitionPathSchema },
  responses: {
    200: { description: 'Service time, SMS delivery, views and prints of each notice', schema: petitionNoticesSchema },
    404: { description: 'Unknown, or not yours to see' },
  },
});
