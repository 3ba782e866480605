import { paymentDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { json } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/start-payment';
import { startPayment } from '../shared/use-cases/payments';

const deps = paymentDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, body } = context.request;
  const started = await startPayment(deps, principalOf(context), path.petitionId, body.payee);
  return json(started.created ? 201 : 200, started);
});
