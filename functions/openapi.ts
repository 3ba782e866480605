import document from '../client/openapi.json';
import { apiHandler } from '../shared/http/api-handler';
import { route } from '../shared/routes/openapi';

// The committed document (`npm run client` writes it from the route table and schemas, and a test
// fails when it is stale): building it here would load every route's schemas at each cold start.
const body = JSON.stringify(document);

export const handler = apiHandler(route).handler(async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  body,
}));
