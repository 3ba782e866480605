import { paymentRepositoryFromEnv, petitionReaderFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/get-petition-fees';
import { readFees } from '../shared/use-cases/fees';

const deps = { petitions: petitionReaderFromEnv(), payments: paymentRepositoryFromEnv() };

export const handler = apiHandler(route).handler(async (_event, context) =>
  ok(await readFees(deps, principalOf(context), context.request.path.petitionId)),
);
