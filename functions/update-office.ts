import { registryWriteDepsFromEnv } from '../shared/adapters/from-env';
import { asProvinceAdmin } from '../shared/domain/roles';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { officeView } from '../shared/http/views';
import { systemClock } from '../shared/ports';
import { route } from '../shared/routes/update-office';
import { changeOffice } from '../shared/use-cases/offices';

const { offices, settings } = registryWriteDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, body } = context.request;
  const admin = asProvinceAdmin(principalOf(context));
  return ok(officeView(await changeOffice(offices, systemClock, admin, path.officeCode, body, settings)));
});
