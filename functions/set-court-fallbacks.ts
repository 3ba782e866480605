import { courtRepositoryFromEnv } from '../shared/adapters/from-env';
import { asProvinceAdmin } from '../shared/domain/roles';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/set-court-fallbacks';
import { setCourtFallbacks } from '../shared/use-cases/courts';

const courts = courtRepositoryFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const admin = asProvinceAdmin(principalOf(context));
  return ok({ fallbacks: await setCourtFallbacks(courts, admin, context.request.body.fallbacks) });
});
