import { documentDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { documentPathSchema } from '../shared/schemas/petition';
import { parseRequest } from '../shared/schemas/validate';
import { removeDocument } from '../shared/use-cases/documents';

const deps = documentDepsFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const { path } = parseRequest({ path: { schema: documentPathSchema, value: event.pathParameters } });
  return ok(await removeDocument(deps, principalOf(context), path.petitionId, path.documentId));
});
