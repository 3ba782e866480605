import { calendarRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { systemClock } from '../shared/ports';
import { route } from '../shared/routes/load-lunar-holidays';
import { loadLunarHolidays } from '../shared/use-cases/holidays';

const calendars = calendarRepositoryFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) =>
  ok(await loadLunarHolidays(calendars, systemClock, context.request.body)),
);
