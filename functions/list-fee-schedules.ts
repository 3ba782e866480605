import { feeDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { route } from '../shared/routes/list-fee-schedules';
import { listFeeSchedules } from '../shared/use-cases/fees';

const deps = feeDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) =>
  ok(await listFeeSchedules(deps, context.request.query.year)),
);
