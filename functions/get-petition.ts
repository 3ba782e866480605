import { petitionAdaptersFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { petitionView } from '../shared/http/views';
import { petitionPathSchema } from '../shared/schemas/petition';
import { parseInput } from '../shared/schemas/validate';
import { readPetition } from '../shared/use-cases/petitions';

// Reading needs no S3 client: one less SDK in the bundle and at cold start.
const deps = petitionAdaptersFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const { petitionId } = parseInput(petitionPathSchema, event.pathParameters, 'path');
  return ok(petitionView(await readPetition(deps, principalOf(context), petitionId)));
});
