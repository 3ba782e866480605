import { setCourtFallbacksSchema } from '../schemas/court';
import { defineRoute, PROVINCE_ADMIN, READ_WRITE_ITEMS } from './define';

export const route = defineRoute({
  id: 'set-court-fallbacks',
  method: 'PUT',
  path: '/v1/courts/fallbacks',
  auth: PROVINCE_ADMIN,
  // GetItem: each named court is checked; PutItem: the province's setting.
  table: READ_WRITE_ITEMS,
  summary: 'Name, per court kind, the court that takes petitions of districts without one (flagged for review)',
  request: { body: setCourtFallbacksSchema },
  responses: {
    200: { description: 'The setting as stored', schema: setCourtFallbacksSchema },
  },
});
