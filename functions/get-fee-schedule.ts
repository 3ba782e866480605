import { feeDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { route } from '../shared/routes/get-fee-schedule';
import { readFeeSchedule } from '../shared/use-cases/fees';

const deps = feeDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) =>
  ok(await readFeeSchedule(deps, context.request.path.versionId)),
);
