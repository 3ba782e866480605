import { courtRepositoryFromEnv } from '../shared/adapters/from-env';
import { asProvinceAdmin } from '../shared/domain/roles';
import { apiHandler } from '../shared/http/api-handler';
import { created } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { courtView } from '../shared/http/views';
import { systemClock } from '../shared/ports';
import { route } from '../shared/routes/create-court';
import { registerCourt } from '../shared/use-cases/courts';

const courts = courtRepositoryFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const admin = asProvinceAdmin(principalOf(context));
  const court = await registerCourt(courts, systemClock, admin, context.request.body);
  return created(courtView(court), `/v1/courts/${court.courtCode}`);
});
