import { courtRepositoryFromEnv, cryptoIds, petitionRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { petitionView } from '../shared/http/views';
import { systemClock } from '../shared/ports';
import { route } from '../shared/routes/reassign-petition';
import { reassignPetition } from '../shared/use-cases/petitions';

// Only what reassignment reads and writes: the petition, the court, a clock and event ids.
const deps = {
  petitions: petitionRepositoryFromEnv(),
  courts: courtRepositoryFromEnv(),
  clock: systemClock,
  ids: cryptoIds,
};

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, body } = context.request;
  return ok(petitionView(await reassignPetition(deps, principalOf(context), path.petitionId, body)));
});
