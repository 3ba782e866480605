import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import redocStandalone from 'redoc/bundles/redoc.standalone.js' with { type: 'text' };
import type { ApiResult } from '../http/types';

/**
 * Redoc's side menu shows its vendor's logo from a CDN, with no option to turn it off. An empty
 * src fires the image's error event without a request, and Redoc then drops the image (the
 * "API docs by Redocly" link stays). The page must not reach outside this API.
 */
const VENDOR_LOGO = '"https://cdn.redoc.ly/redoc/logo-mini.svg"';

export function withoutVendorLogo(script: string): string {
  const parts = script.split(VENDOR_LOGO);
  // Exactly one occurrence; anything else means a new Redoc release that needs a fresh look.
  if (parts.length !== 2) throw new Error(`expected one vendor logo URL in the renderer, found ${parts.length - 1}`);
  return parts.join('""');
}

// Prepared once per cold start: the script changes only with a new deployment.
const script = withoutVendorLogo(redocStandalone);
const etag = `"${createHash('sha256').update(script).digest('base64url').slice(0, 32)}"`;
// About a quarter of the size; API Gateway does not compress Lambda answers itself.
const gzipped = gzipSync(script, { level: 9 }).toString('base64');

const COMMON_HEADERS = {
  // A day: a new Redoc release reaches browsers within a day, and the ETag makes revalidation cheap.
  'cache-control': 'public, max-age=86400',
  etag,
  vary: 'accept-encoding',
  'x-content-type-options': 'nosniff',
};

/** The renderer, gzip-compressed when the browser accepts it, or 304 when its copy is current. */
export function rendererResponse(headers: Record<string, string | undefined>): ApiResult {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag))
    return { statusCode: 304, headers: COMMON_HEADERS };
  const gzip = /\bgzip\b/i.test(headers['accept-encoding'] ?? '');
  return {
    statusCode: 200,
    headers: {
      ...COMMON_HEADERS,
      'content-type': 'text/javascript; charset=utf-8',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    },
    body: gzip ? gzipped : script,
    isBase64Encoded: gzip,
  };
}
