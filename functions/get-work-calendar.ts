import { calendarRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/get-work-calendar';
import { readWorkCalendar } from '../shared/use-cases/holidays';

const calendars = calendarRepositoryFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, query } = context.request;
  return ok(await readWorkCalendar(calendars, principalOf(context), path.year, query.province));
});
