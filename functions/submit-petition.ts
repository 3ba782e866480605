import { submissionDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { MetricUnit, metrics } from '../shared/observability/metrics';
import { route } from '../shared/routes/submit-petition';
import { submitPetition } from '../shared/use-cases/petitions';

const deps = submissionDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, body, idempotencyKey } = context.request;
  const submission = await submitPetition(deps, principalOf(context), path.petitionId, { key: idempotencyKey, body });
  metrics.addMetric('PetitionsSubmitted', MetricUnit.Count, 1);
  return ok(submission);
});
