import { apiHandler } from '../shared/http/api-handler';
import { buildOpenApiDocument } from '../shared/openapi';
import { route } from '../shared/routes/openapi';

// Built once per cold start: the document depends only on the route table and schemas.
const document = JSON.stringify(buildOpenApiDocument());

export const handler = apiHandler(route).handler(async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  body: document,
}));
