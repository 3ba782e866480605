import { eNoticeDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/print-notice';
import { printNotice } from '../shared/use-cases/e-notices';

const deps = eNoticeDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { petitionId, noticeId } = context.request.path;
  return ok(await printNotice(deps, principalOf(context), petitionId, noticeId, context.language));
});
