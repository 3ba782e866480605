import { feeDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { json } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/put-fee-schedule';
import { loadFeeSchedule } from '../shared/use-cases/fees';

const deps = feeDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, body } = context.request;
  const loaded = await loadFeeSchedule(deps, principalOf(context), path.versionId, body);
  return json(loaded.outcome === 'created' ? 201 : 200, loaded);
});
