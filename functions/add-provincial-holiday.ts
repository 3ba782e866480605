import { calendarRepositoryFromEnv } from '../shared/adapters/from-env';
import { asProvinceAdmin } from '../shared/domain/roles';
import { apiHandler } from '../shared/http/api-handler';
import { created } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/add-provincial-holiday';
import { addProvincialHoliday } from '../shared/use-cases/holidays';

const calendars = calendarRepositoryFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const admin = asProvinceAdmin(principalOf(context));
  return created(await addProvincialHoliday(calendars, admin, context.request.body));
});
