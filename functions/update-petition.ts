import { feeScheduleRepositoryFromEnv, petitionRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { petitionView } from '../shared/http/views';
import { systemClock } from '../shared/ports';
import { route } from '../shared/routes/update-petition';
import { updatePetition } from '../shared/use-cases/petitions';

// The petition and the fee schedules only: an update declares no documents.
const deps = { petitions: petitionRepositoryFromEnv(), schedules: feeScheduleRepositoryFromEnv(), clock: systemClock };

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, body } = context.request;
  return ok(petitionView(await updatePetition(deps, principalOf(context), path.petitionId, body)));
});
