import { feedbackDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { created } from '../shared/http/response';
import { route } from '../shared/routes/give-feedback';
import { giveFeedback } from '../shared/use-cases/citizen';

const deps = feedbackDepsFromEnv();

export const handler = apiHandler(route).handler(async (event, context) =>
  created(await giveFeedback(deps, context.request.body, event.requestContext.http.sourceIp)),
);
