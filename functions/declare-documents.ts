import { documentUrlDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { created } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/declare-documents';
import { addDocuments } from '../shared/use-cases/documents';

const deps = documentUrlDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, body } = context.request;
  return created(await addDocuments(deps, principalOf(context), path.petitionId, body.documents));
});
