import { eNoticeDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/list-petition-notices';
import { petitionNotices } from '../shared/use-cases/e-notices';

const deps = eNoticeDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) =>
  ok(await petitionNotices(deps, principalOf(context), context.request.path.petitionId, context.language)),
);
