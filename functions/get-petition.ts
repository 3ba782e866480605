import { petitionDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { petitionPathSchema } from '../shared/schemas/petition';
import { parseInput } from '../shared/schemas/validate';
import { readPetition } from '../shared/use-cases/petitions';

const deps = petitionDepsFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const { petitionId } = parseInput(petitionPathSchema, event.pathParameters, 'path');
  return ok(await readPetition(deps, principalOf(context), petitionId));
});
