import { draftDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { created } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/create-petition';
import { createDraft } from '../shared/use-cases/petitions';

const deps = draftDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { petition, uploads } = await createDraft(deps, principalOf(context), context.request.body);
  return created(
    {
      petitionId: petition.petitionId,
      status: petition.status,
      version: petition.version,
      uploads,
      quote: petition.quote,
    },
    `/v1/petitions/${petition.petitionId}`,
  );
});
