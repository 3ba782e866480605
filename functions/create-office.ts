import { registryWriteDepsFromEnv } from '../shared/adapters/from-env';
import { asProvinceAdmin } from '../shared/domain/roles';
import { apiHandler } from '../shared/http/api-handler';
import { created } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { officeView } from '../shared/http/views';
import { systemClock } from '../shared/ports';
import { route } from '../shared/routes/create-office';
import { registerOffice } from '../shared/use-cases/offices';

const { offices, settings } = registryWriteDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const admin = asProvinceAdmin(principalOf(context));
  const office = await registerOffice(offices, systemClock, admin, context.request.body, settings);
  return created(officeView(office), `/v1/offices/${office.officeCode}`);
});
