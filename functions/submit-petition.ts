import { idempotencyStoreConfigFromEnv, petitionDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { idempotent } from '../shared/http/idempotency';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { petitionPathSchema, submitPetitionSchema } from '../shared/schemas/petition';
import { parseInput } from '../shared/schemas/validate';
import { submitPetition } from '../shared/use-cases/petitions';

const deps = petitionDepsFromEnv();

export const handler = apiHandler()
  .use(idempotent(idempotencyStoreConfigFromEnv()))
  .handler(async (event, context) => {
    const { petitionId } = parseInput(petitionPathSchema, event.pathParameters, 'path');
    if (context.body !== undefined) parseInput(submitPetitionSchema, context.body, 'body');
    return ok(await submitPetition(deps, principalOf(context), petitionId));
  });
