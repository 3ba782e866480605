import { eNoticeDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { route } from '../shared/routes/read-own-notices';
import { readOwnNotices } from '../shared/use-cases/e-notices';

const deps = eNoticeDepsFromEnv();

export const handler = apiHandler(route).handler(async (event, context) => {
  const { path, query } = context.request;
  const request = {
    trackingCode: path.trackingCode,
    nationalId: query.nationalId,
    address: event.requestContext.http.sourceIp,
  };
  return ok(await readOwnNotices(deps, request, query.channel, context.language));
});
