import { paymentDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { paymentResultPage } from '../shared/http/payment-result-page';
import { ok } from '../shared/http/response';
import { route } from '../shared/routes/payment-callback';
import { acceptCallback } from '../shared/use-cases/payments';

const deps = paymentDepsFromEnv();

export const handler = apiHandler(route).handler(async (event, context) => {
  const result = await acceptCallback(deps, context.request.body);
  // The payer's browser lands here: a page in their language; a program asking for JSON gets JSON.
  const wantsJson = /application\/json/i.test(event.headers?.accept ?? '');
  return wantsJson ? ok(result) : paymentResultPage(result, context.language);
});
