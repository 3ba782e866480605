import { feeScheduleSchema } from '../schemas/fee-schedule';
import { feeScheduleLoadedSchema, feeSchedulePathSchema } from '../schemas/fees';
import { defineRoute, NATIONAL_ADMIN } from './define';

export const route = defineRoute({
  id: 'put-fee-schedule',
  method: 'PUT',
  path: '/v1/fee-schedules/{versionId}',
  auth: NATIONAL_ADMIN,
  // Reads the version's item, then a conditional put: absent, or the content read and never used.
  table: [{ actions: ['GetItem', 'PutItem'], leadingKeys: ['FEESCHEDULE#*'] }],
  summary:
    'Load a version of the national fee schedule; once used by a quote it never changes (correct by a new revision)',
  request: { path: feeSchedulePathSchema, body: feeScheduleSchema },
  responses: {
    200: { description: 'The same content again, or an unused version corrected', schema: feeScheduleLoadedSchema },
    201: { description: 'A new version stored', schema: feeScheduleLoadedSchema },
    409: {
      description: 'The version has priced a petition and cannot change, or it changed while this was being loaded',
    },
  },
});
