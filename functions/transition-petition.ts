import { petitionDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { petitionView } from '../shared/http/views';
import { route } from '../shared/routes/transition-petition';
import { transitionPetition } from '../shared/use-cases/petitions';

const deps = petitionDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, body } = context.request;
  return ok(petitionView(await transitionPetition(deps, principalOf(context), path.petitionId, body)));
});
