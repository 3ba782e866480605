import { petitionDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { petitionView } from '../shared/http/views';
import { petitionPathSchema, transitionSchema } from '../shared/schemas/petition';
import { parseRequest } from '../shared/schemas/validate';
import { transitionPetition } from '../shared/use-cases/petitions';

const deps = petitionDepsFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const { path, body } = parseRequest({
    path: { schema: petitionPathSchema, value: event.pathParameters },
    body: { schema: transitionSchema, value: context.body },
  });
  return ok(petitionView(await transitionPetition(deps, principalOf(context), path.petitionId, body)));
});
