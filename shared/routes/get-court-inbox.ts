import { courtPathSchema } from '../schemas/court';
import { courtInboxQuerySchema, courtInboxSchema } from '../schemas/petition';
import { defineRoute } from './define';

export const route = defineRoute({
  id: 'get-court-inbox',
  method: 'GET',
  path: '/v1/courts/{courtCode}/inbox',
  auth: ['court', 'province-admin'],
  // Query: the court's inbox index (gsi4), one partition per court and status. For a province
  // administrator, GetItem: the court (its province); BatchGetItem: the listed petitions' offices.
  table: [
    { actions: ['Query'], indexes: ['gsi4'] },
    { actions: ['GetItem'], leadingKeys: ['COURT#*'] },
    { actions: ['BatchGetItem'], leadingKeys: ['OFFICE#*'] },
  ],
  summary:
    "A page of a court's petitions in one status, newest change first (the court's own users, and its " +
    "province's administrators)",
  request: { path: courtPathSchema, query: courtInboxQuerySchema },
  responses: {
    200: {
      description: "One page (an administrator's may be short: other provinces' left out); nextCursor: the next",
      schema: courtInboxSchema,
    },
    404: { description: "Another court's inbox, or a court of another province, answered as an unknown court" },
  },
});
