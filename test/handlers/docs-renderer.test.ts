import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { handler } from '../../functions/docs-renderer';
import { withoutVendorLogo } from '../../shared/docs/prepare-renderer';
import { apiEvent, invokeRoute } from '../support/api-event';

/** Redoc's file as installed, less the vendor logo's URL: what every answer must hand out. */
const expectedScript = withoutVendorLogo(readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8'));

describe('GET /v1/docs/redoc.standalone.js', () => {
  it('serves the same script gzipped to a browser and plain to a client that does not accept gzip, under one ETag', async () => {
    const gzipped = await invokeRoute(
      handler,
      apiEvent('docs-renderer', { headers: { 'accept-encoding': 'gzip, br' } }),
    );
    const plain = await invokeRoute(handler, apiEvent('docs-renderer'));

    expect(gzipped.statusCode).toBe(200);
    expect(gzipped.headers?.['content-encoding']).toBe('gzip');
    expect(gzipped.isBase64Encoded).toBe(true);
    expect(gunzipSync(Buffer.from(gzipped.body ?? '', 'base64')).toString('utf8')).toBe(expectedScript);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers?.['content-encoding']).toBeUndefined();
    expect(plain.isBase64Encoded).toBe(false);
    expect(plain.body).toBe(expectedScript);
    expect(plain.headers?.etag).toMatch(/^"[\w-]{32}"$/);
    expect(plain.headers?.etag).toBe(gzipped.headers?.etag);
  });

  it('answers 304 with no body when If-None-Match names the current ETag, weak or in a list', async () => {
    const { headers } = await invokeRoute(handler, apiEvent('docs-renderer'));
    const etag = String(headers?.etag);

    const answer = await invokeRoute(
      handler,
      apiEvent('docs-renderer', { headers: { 'if-none-match': `"stale", W/${etag}` } }),
    );
    const stale = await invokeRoute(handler, apiEvent('docs-renderer', { headers: { 'if-none-match': '"stale"' } }));

    expect(answer.statusCode).toBe(304);
    expect(answer.body).toBeUndefined();
    expect(stale.statusCode).toBe(200);
  });
});
