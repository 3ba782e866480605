import { documentDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { created } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { declareDocumentsSchema, petitionPathSchema } from '../shared/schemas/petition';
import { parseRequest } from '../shared/schemas/validate';
import { addDocuments } from '../shared/use-cases/documents';

const deps = documentDepsFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const { path, body } = parseRequest({
    path: { schema: petitionPathSchema, value: event.pathParameters },
    body: { schema: declareDocumentsSchema, value: context.body },
  });
  return created(await addDocuments(deps, principalOf(context), path.petitionId, body.documents));
});
