import { documentRemovalDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/remove-document';
import { removeDocument } from '../shared/use-cases/documents';

const deps = documentRemovalDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { petitionId, documentId } = context.request.path;
  return ok(await removeDocument(deps, principalOf(context), petitionId, documentId));
});
