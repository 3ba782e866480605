import { lunarHolidayCalendarSchema, lunarHolidaysLoadedSchema } from '../schemas/holidays';
import { defineRoute, NATIONAL_ADMIN, READ_WRITE_ITEMS } from './define';

export const route = defineRoute({
  id: 'load-lunar-holidays',
  method: 'POST',
  path: '/v1/holidays/lunar',
  auth: NATIONAL_ADMIN,
  // The year's load is read, then put on a condition: none stored, or the one expectedVersion names.
  table: READ_WRITE_ITEMS,
  summary: "Load a Solar Hijri year's lunar holidays; replacing a loaded year names its version (expectedVersion)",
  request: { body: lunarHolidayCalendarSchema },
  responses: {
    200: { description: 'Loaded, or the same calendar again (nothing written)', schema: lunarHolidaysLoadedSchema },
    409: { description: 'The year is loaded and expectedVersion does not name its load, or it is not loaded' },
  },
});
