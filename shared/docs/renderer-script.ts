import { gunzipSync } from 'node:zlib';
import renderer from 'redoc/bundles/redoc.standalone.js' with { type: 'prepared-renderer' };
import type { ApiResult } from '../http/types';

const COMMON_HEADERS = {
  // A day: a new Redoc release reaches browsers within a day, and the ETag makes revalidation cheap.
  'cache-control': 'public, max-age=86400',
  etag: renderer.etag,
  vary: 'accept-encoding',
  'x-content-type-options': 'nosniff',
};

// Browsers all accept gzip; for a client that does not, the script is unzipped once (11 ms).
let plainScript: string | undefined;
function plain(): string {
  plainScript ??= gunzipSync(Buffer.from(renderer.gzipBase64, 'base64')).toString('utf8');
  return plainScript;
}

/** The renderer, gzip-compressed when the browser accepts it, or 304 when its copy is current. */
export function rendererResponse(headers: Record<string, string | undefined>): ApiResult {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === renderer.etag))
    return { statusCode: 304, headers: COMMON_HEADERS };
  const gzip = /\bgzip\b/i.test(headers['accept-encoding'] ?? '');
  return {
    statusCode: 200,
    headers: {
      ...COMMON_HEADERS,
      'content-type': 'text/javascript; charset=utf-8',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    },
    body: gzip ? renderer.gzipBase64 : plain(),
    isBase64Encoded: gzip,
  };
}
