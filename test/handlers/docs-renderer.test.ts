import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { handler } from '../../functions/docs-renderer';
import { withoutVendorLogo } from '../../shared/docs/prepare-renderer';
import { acceptsGzip } from '../../shared/docs/renderer-script';
import { apiEvent, invokeRoute } from '../support/api-event';

/** Redoc's file as installed, less the vendor logo's URL: what every answer must hand out. */
const expectedScript = withoutVendorLogo(readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8'));

describe('GET /v1/docs/redoc.standalone.js', () => {
  it('serves the same script gzipped to a browser and plain to a client that does not accept gzip', async () => {
    const browser = apiEvent('docs-renderer', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const plainClient = apiEvent('docs-renderer', { headers: { 'accept-encoding': 'gzip;q=0, identity' } });

    const gzipped = await invokeRoute(handler, browser);
    const plain = await invokeRoute(handler, plainClient);

    expect(gzipped.statusCode).toBe(200);
    expect(gzipped.headers?.['content-encoding']).toBe('gzip');
    expect(gzipped.isBase64Encoded).toBe(true);
    expect(gunzipSync(Buffer.from(gzipped.body ?? '', 'base64')).toString('utf8') === expectedScript).toBe(true);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers?.['content-encoding']).toBeUndefined();
    expect(plain.isBase64Encoded).toBe(false);
    expect(plain.body === expectedScript).toBe(true);
    // Booleans: a failure would otherwise print the megabyte.
    expect(plain.body?.includes('cdn.redoc.ly')).toBe(false);
  });

  it('gives each encoding its own strong ETag, and 304 only for the tag of the encoding asked for', async () => {
    const gzipEvent = (ifNoneMatch?: string) =>
      apiEvent('docs-renderer', {
        headers: { 'accept-encoding': 'gzip', ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) },
      });
    const { headers: gzipHeaders } = await invokeRoute(handler, gzipEvent());
    const { headers: plainHeaders } = await invokeRoute(handler, apiEvent('docs-renderer'));
    const gzipTag = String(gzipHeaders?.etag);
    const plainTag = String(plainHeaders?.etag);

    const current = await invokeRoute(handler, gzipEvent(`"stale", W/${gzipTag}`));
    const otherEncoding = await invokeRoute(handler, gzipEvent(plainTag));
    const stale = await invokeRoute(handler, gzipEvent('"stale"'));

    expect(plainTag).toMatch(/^"[\w-]{32}"$/);
    expect(gzipTag).toBe(`${plainTag.slice(0, -1)}-gzip"`);
    expect(current.statusCode).toBe(304);
    expect(current.body).toBeUndefined();
    expect(current.headers?.etag).toBe(gzipTag);
    expect(otherEncoding.statusCode).toBe(200);
    expect(stale.statusCode).toBe(200);
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['x-gzip', true],
    ['GZIP', true],
    ['gzip;q=0', false],
    ['gzip;q=0, *;q=1', false],
    ['identity', false],
    ['br, *;q=0', false],
    [undefined, false],
  ])('reads %p as %p', (header, accepted) => {
    expect(acceptsGzip(header)).toBe(accepted);
  });
});
