import { calendarPathSchema, calendarQuerySchema, workCalendarSchema } from '../schemas/holidays';
import { defineRoute, REGISTRY_READERS } from './define';

export const route = defineRoute({
  id: 'get-work-calendar',
  method: 'GET',
  path: '/v1/holidays/{year}',
  auth: REGISTRY_READERS,
  table: [{ actions: ['BatchGetItem'] }],
  summary: "A Solar Hijri year's closed days in a province: fixed, lunar and provincial holidays, closed weekdays",
  request: { path: calendarPathSchema, query: calendarQuerySchema },
  responses: {
    200: { description: 'The calendar; lunar is null while the year is not loaded', schema: workCalendarSchema },
  },
});
