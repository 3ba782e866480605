import { citizenDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { trackPathSchema, trackQuerySchema } from '../shared/schemas/petition';
import { parseRequest } from '../shared/schemas/validate';
import { trackPetition } from '../shared/use-cases/citizen';

const deps = citizenDepsFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const { path, query } = parseRequest({
    path: { schema: trackPathSchema, value: event.pathParameters },
    query: { schema: trackQuerySchema, value: event.queryStringParameters ?? {} },
  });
  const request = {
    trackingCode: path.trackingCode,
    nationalId: query.nationalId,
    address: event.requestContext.http.sourceIp,
  };
  return ok(await trackPetition(deps, request, context.language));
});
