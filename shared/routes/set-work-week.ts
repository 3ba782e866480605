import { workWeekSchema } from '../schemas/holidays';
import { defineRoute, PROVINCE_ADMIN } from './define';

export const route = defineRoute({
  id: 'set-work-week',
  method: 'PUT',
  path: '/v1/holidays/work-week',
  auth: PROVINCE_ADMIN,
  table: [{ actions: ['PutItem'] }],
  summary: "Set the province's closed weekdays besides Friday (Thursdays in some provinces and years)",
  request: { body: workWeekSchema },
  responses: { 200: { description: 'The setting as stored', schema: workWeekSchema } },
});
