import { gunzipSync } from 'node:zlib';
import renderer from 'redoc/bundles/redoc.standalone.js' with { type: 'prepared-renderer' };
import type { ApiResult } from '../http/types';

const COMMON_HEADERS = {
  // A day: a new Redoc release reaches browsers within a day, and the ETag makes revalidation cheap.
  'cache-control': 'public, max-age=86400',
  vary: 'accept-encoding',
  'x-content-type-options': 'nosniff',
};

// Each representation its own strong ETag (RFC 9110, 8.8.3): the gzip is other bytes than the script.
const PLAIN_ETAG = renderer.etag;
const GZIP_ETAG = `${renderer.etag.slice(0, -1)}-gzip"`;

// Browsers all accept gzip; for a client that does not, the script is unzipped once (11 ms).
let plainScript: string | undefined;
function plain(): string {
  plainScript ??= gunzipSync(Buffer.from(renderer.gzipBase64, 'base64')).toString('utf8');
  return plainScript;
}

/** Whether Accept-Encoding allows gzip: named, or by `*`, with a quality above 0 (RFC 9110, 12.5.3). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  const weights = new Map(
    (acceptEncoding ?? '').split(',').map((entry) => {
      const [coding = '', ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
      const quality = parameters.find((parameter) => parameter.startsWith('q='));
      return [coding, quality ? Number(quality.slice(2)) : 1] as const;
    }),
  );
  const weight = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*') ?? 0;
  return weight > 0;
}

/** The renderer, gzip-compressed when the browser accepts it, or 304 when its copy is current. */
export function rendererResponse(headers: Record<string, string | undefined>): ApiResult {
  const gzip = acceptsGzip(headers['accept-encoding']);
  const etag = gzip ? GZIP_ETAG : PLAIN_ETAG;
  const ifNoneMatch = headers['if-none-match'];
  // If-None-Match compares weakly (RFC 9110, 13.1.2): a W/ prefix does not matter.
  if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
    return { statusCode: 304, headers: { ...COMMON_HEADERS, etag } };
  return {
    statusCode: 200,
    headers: {
      ...COMMON_HEADERS,
      etag,
      'content-type': 'text/javascript; charset=utf-8',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    },
    body: gzip ? renderer.gzipBase64 : plain(),
    isBase64Encoded: gzip,
  };
}
