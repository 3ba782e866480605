import { lunarHolidayCalendarSchema, lunarHolidaysLoadedSchema } from '../schemas/holidays';
import { defineRoute, NATIONAL_ADMIN } from './define';

export const route = defineRoute({
  id: 'load-lunar-holidays',
  method: 'POST',
  path: '/v1/holidays/lunar',
  auth: NATIONAL_ADMIN,
  table: [{ actions: ['PutItem'] }],
  summary: "Load a Solar Hijri year's lunar holidays from the official calendar (replaces that year's earlier load)",
  request: { body: lunarHolidayCalendarSchema },
  responses: { 200: { description: 'Loaded', schema: lunarHolidaysLoadedSchema } },
});
