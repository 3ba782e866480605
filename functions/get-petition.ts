import { petitionReaderFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { petitionView } from '../shared/http/views';
import { route } from '../shared/routes/get-petition';
import { readPetition } from '../shared/use-cases/petitions';

const deps = { petitions: petitionReaderFromEnv() };

export const handler = apiHandler(route).handler(async (_event, context) =>
  ok(petitionView(await readPetition(deps, principalOf(context), context.request.path.petitionId))),
);
