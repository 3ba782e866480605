import { courtRepositoryFromEnv, officeRepositoryFromEnv, petitionReaderFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/get-court-inbox';
import { courtInbox } from '../shared/use-cases/petitions';

const deps = {
  petitions: petitionReaderFromEnv(),
  courts: courtRepositoryFromEnv(),
  offices: officeRepositoryFromEnv(),
};

export const handler = apiHandler(route).handler(async (_event, context) =>
  ok(await courtInbox(deps, principalOf(context), context.request.path.courtCode, context.request.query)),
);
