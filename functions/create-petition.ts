import { petitionDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { created } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { createPetitionSchema } from '../shared/schemas/petition';
import { parseInput } from '../shared/schemas/validate';
import { createDraft } from '../shared/use-cases/petitions';

const deps = petitionDepsFromEnv();

export const handler = apiHandler().handler(async (_event, context) => {
  const input = parseInput(createPetitionSchema, context.body, 'body');
  const { petition, uploads } = await createDraft(deps, principalOf(context), input);
  return created(
    { petitionId: petition.petitionId, status: petition.status, version: petition.version, uploads },
    `/v1/petitions/${petition.petitionId}`,
  );
});
