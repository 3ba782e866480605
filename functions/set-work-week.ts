import { calendarRepositoryFromEnv } from '../shared/adapters/from-env';
import { asProvinceAdmin } from '../shared/domain/roles';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { systemClock } from '../shared/ports';
import { route } from '../shared/routes/set-work-week';
import { setWorkWeek } from '../shared/use-cases/holidays';

const calendars = calendarRepositoryFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const admin = asProvinceAdmin(principalOf(context));
  return ok(await setWorkWeek(calendars, systemClock, admin, context.request.body));
});
