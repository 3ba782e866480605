import { documentDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { documentPathSchema } from '../shared/schemas/petition';
import { parseInput } from '../shared/schemas/validate';
import { grantDownload } from '../shared/use-cases/documents';

const deps = documentDepsFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const { petitionId, documentId } = parseInput(documentPathSchema, event.pathParameters, 'path');
  return ok(await grantDownload(deps, principalOf(context), petitionId, documentId));
});
