import { citizenDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { route } from '../shared/routes/track-petition';
import { trackPetition } from '../shared/use-cases/citizen';

const deps = citizenDepsFromEnv();

export const handler = apiHandler(route).handler(async (event, context) => {
  const { path, query } = context.request;
  const request = {
    trackingCode: path.trackingCode,
    nationalId: query.nationalId,
    address: event.requestContext.http.sourceIp,
  };
  return ok(await trackPetition(deps, request, context.language));
});
