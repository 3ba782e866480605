import { citizenDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { created } from '../shared/http/response';
import { feedbackSchema } from '../shared/schemas/petition';
import { parseInput } from '../shared/schemas/validate';
import { giveFeedback } from '../shared/use-cases/citizen';

const deps = citizenDepsFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const input = parseInput(feedbackSchema, context.body, 'body');
  return created(await giveFeedback(deps, input, event.requestContext.http.sourceIp));
});
