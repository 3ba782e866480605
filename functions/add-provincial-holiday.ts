import { calendarChangeDepsFromEnv } from '../shared/adapters/from-env';
import { asProvinceAdmin } from '../shared/domain/roles';
import { apiHandler } from '../shared/http/api-handler';
import { created } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { logRecount } from '../shared/observability/recount-log';
import { route } from '../shared/routes/add-provincial-holiday';
import { addProvincialHoliday } from '../shared/use-cases/holidays';

const deps = calendarChangeDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const admin = asProvinceAdmin(principalOf(context));
  const { holiday, recount } = await addProvincialHoliday(deps, admin, context.request.body);
  logRecount(recount);
  return created(holiday);
});
