import { petitionRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { petitionView } from '../shared/http/views';
import { systemClock } from '../shared/ports';
import { route } from '../shared/routes/record-indigency';
import { decideIndigency } from '../shared/use-cases/fees';

const deps = { petitions: petitionRepositoryFromEnv(), clock: systemClock };

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, body } = context.request;
  return ok(petitionView(await decideIndigency(deps, principalOf(context), path.petitionId, body)));
});
