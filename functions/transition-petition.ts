import { petitionDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { petitionPathSchema, transitionSchema } from '../shared/schemas/petition';
import { parseInput } from '../shared/schemas/validate';
import { transitionPetition } from '../shared/use-cases/petitions';

const deps = petitionDepsFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const { petitionId } = parseInput(petitionPathSchema, event.pathParameters, 'path');
  const request = parseInput(transitionSchema, context.body, 'body');
  return ok(await transitionPetition(deps, principalOf(context), petitionId, request));
});
