import { apiHandler } from '../shared/http/api-handler';
import { json } from '../shared/http/response';
import { buildOpenApiDocument } from '../shared/openapi';

// Built once per cold start: the document depends only on the route table and schemas.
const document = JSON.stringify(buildOpenApiDocument());

export const handler = apiHandler().handler(async () => ({
  ...json(200, null, { 'cache-control': 'public, max-age=300' }),
  body: document,
}));
