import { courtRepositoryFromEnv } from '../shared/adapters/from-env';
import { asProvinceAdmin } from '../shared/domain/roles';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { courtView } from '../shared/http/views';
import { systemClock } from '../shared/ports';
import { route } from '../shared/routes/update-court';
import { changeCourt } from '../shared/use-cases/courts';

const courts = courtRepositoryFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, body } = context.request;
  const admin = asProvinceAdmin(principalOf(context));
  return ok(courtView(await changeCourt(courts, systemClock, admin, path.courtCode, body)));
});
