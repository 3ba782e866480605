import { feeScheduleDetailSchema, feeSchedulePathSchema } from '../schemas/fees';
import { defineRoute, FEE_SCHEDULE_READERS } from './define';

export const route = defineRoute({
  id: 'get-fee-schedule',
  method: 'GET',
  path: '/v1/fee-schedules/{versionId}',
  auth: FEE_SCHEDULE_READERS,
  table: [{ actions: ['GetItem'], leadingKeys: ['FEESCHEDULE#*'] }],
  summary: 'One fee schedule version: every rule and tariff item with its legal source and how far it is confirmed',
  request: { path: feeSchedulePathSchema },
  responses: {
    200: { description: 'The version', schema: feeScheduleDetailSchema },
    404: { description: 'No such version' },
  },
});
