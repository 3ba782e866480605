import { feeScheduleListQuerySchema, feeScheduleListSchema } from '../schemas/fees';
import { defineRoute, FEE_SCHEDULE_READERS } from './define';

export const route = defineRoute({
  id: 'list-fee-schedules',
  method: 'GET',
  path: '/v1/fee-schedules',
  auth: FEE_SCHEDULE_READERS,
  table: [{ actions: ['Query'], leadingKeys: ['FEESCHEDULE#*'] }],
  summary: 'The fee schedule versions of a Solar Hijri year (the current one by default), and whether each is used',
  request: { query: feeScheduleListQuerySchema },
  responses: {
    200: { description: 'Versions of the year', schema: feeScheduleListSchema },
  },
});
