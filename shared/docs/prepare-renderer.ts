import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * The docs renderer as the function serves it, made when the function is built: the build
 * (infra/prepared-renderer.ts), the local runtime (local/import-attribute-hook.ts) and jest
 * (test/support/renderer-transform.cjs) all call this on Redoc's file. Made at each cold start
 * instead, the gzip at level 9 and the hash took 35 ms of the function's module load, and its
 * bundle held the 1.1 MB script; it now holds the 320 KB gzip, in base64 (437 KB).
 *
 * The ETag is a hash of the script, so it is the same wherever it is made. The gzip's bytes may
 * differ with Node's zlib (a new Node changes the bundle's hash and redeploys the function), never
 * what they unzip to.
 *
 * Only node: imports and erasable TypeScript: jest's transform loads this file with Node's own
 * type stripping.
 */
export interface PreparedRenderer {
  /** A strong ETag of the script (its gzip is served under this tag with a `-gzip` suffix). */
  etag: string;
  /** The script, gzip-compressed at level 9, in base64 (API Gateway's encoding of a binary body). */
  gzipBase64: string;
}

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

export function prepareRenderer(redocStandalone: string): PreparedRenderer {
  const script = withoutVendorLogo(redocStandalone);
  return {
    etag: `"${createHash('sha256').update(script).digest('base64url').slice(0, 32)}"`,
    // About a quarter of the size; API Gateway does not compress Lambda answers itself.
    gzipBase64: gzipSync(script, { level: 9 }).toString('base64'),
  };
}

/** The import attribute that asks for the prepared renderer instead of the file's text. */
export const PREPARED_RENDERER = 'prepared-renderer';
