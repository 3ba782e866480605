import { gunzipSync } from 'node:zlib';
import compressed from '../client/openapi.json.gz.b64' with { type: 'text' };
import { apiHandler } from '../shared/http/api-handler';
import { route } from '../shared/routes/openapi';

// The committed document (`npm run client` writes it from the route table and schemas, and a test
// fails when it is stale): building it here would load every route's schemas at each cold start,
// and inlining it uncompressed would put 170 KB of JSON in the bundle.
const body = gunzipSync(Buffer.from(compressed, 'base64')).toString('utf8');

export const handler = apiHandler(route).handler(async () => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  body,
}));
