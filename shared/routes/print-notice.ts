import { eNoticeSchema, noticePathSchema } from '../schemas/e-notices';
import { defineRoute, OFFICE_STAFF } from './define';

export const route = defineRoute({
  id: 'print-notice',
  method: 'POST',
  path: '/v1/petitions/{petitionId}/notices/{noticeId}/print',
  auth: OFFICE_STAFF,
  table: [{ actions: ['GetItem'] }, { actions: ['Query', 'UpdateItem'], leadingKeys: ['ENOTICE#*'] }],
  summary: 'The office prints a notice for a party; logged, the service time unchanged',
  request: { path: noticePathSchema },
  responses: {
    200: { description: 'The notice, with this print logged', schema: eNoticeSchema },
    404: { description: 'Unknown notice, or a petition of another office' },
  },
});
