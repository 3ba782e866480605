import { petitionAdaptersFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { listPetitionsQuerySchema } from '../shared/schemas/petition';
import { parseInput } from '../shared/schemas/validate';
import { listPetitions } from '../shared/use-cases/petitions';

// Reading needs no S3 client: one less SDK in the bundle and at cold start.
const deps = petitionAdaptersFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const query = parseInput(listPetitionsQuerySchema, event.queryStringParameters ?? {}, 'query');
  return ok(await listPetitions(deps, principalOf(context), query));
});
