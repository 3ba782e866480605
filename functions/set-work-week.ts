import { calendarChangeDepsFromEnv } from '../shared/adapters/from-env';
import { asProvinceAdmin } from '../shared/domain/roles';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { logRecount } from '../shared/observability/recount-log';
import { route } from '../shared/routes/set-work-week';
import { setWorkWeek } from '../shared/use-cases/holidays';

const deps = calendarChangeDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const admin = asProvinceAdmin(principalOf(context));
  const { week, recount } = await setWorkWeek(deps, admin, context.request.body);
  logRecount(recount);
  return ok(week);
});
