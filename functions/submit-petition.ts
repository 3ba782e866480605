import { submissionDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { idempotencyKeyOf } from '../shared/http/idempotency';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { MetricUnit, metrics } from '../shared/observability/metrics';
import { petitionPathSchema, submitPetitionSchema } from '../shared/schemas/petition';
import { parseRequest } from '../shared/schemas/validate';
import { submitPetition } from '../shared/use-cases/petitions';

const deps = submissionDepsFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const key = idempotencyKeyOf(event);
  const { path, body } = parseRequest({
    path: { schema: petitionPathSchema, value: event.pathParameters },
    body: { schema: submitPetitionSchema, value: context.body ?? {} },
  });
  const submission = await submitPetition(deps, principalOf(context), path.petitionId, { key, body });
  metrics.addMetric('PetitionsSubmitted', MetricUnit.Count, 1);
  return ok(submission);
});
