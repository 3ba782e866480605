import { officeRepositoryFromEnv, petitionReaderFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/list-petitions';
import { listPetitions } from '../shared/use-cases/petitions';

const deps = { petitions: petitionReaderFromEnv(), offices: officeRepositoryFromEnv() };

export const handler = apiHandler(route).handler(async (_event, context) =>
  ok(await listPetitions(deps, principalOf(context), context.request.query)),
);
