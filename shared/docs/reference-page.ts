import type { ApiResult } from '../http/types';

/** The renderer's file name under /v1/docs/; the route table's docs-renderer entry serves it. */
export const RENDERER_FILE = 'redoc.standalone.js';

/**
 * The API reference page: Redoc renders /v1/openapi.json. Both URLs are relative, so the page
 * works under any base path a custom domain maps the API to. Redoc starts itself on the
 * `<redoc spec-url>` element, so the page has no inline script. The empty icon link keeps the
 * browser from asking for /favicon.ico, which the API does not have.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Judicial Electronic Services Offices API: reference</title>
<link rel="icon" href="data:,">
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<redoc spec-url="openapi.json" required-props-first="true"></redoc>
<script src="docs/${RENDERER_FILE}"></script>
</body>
</html>
`;

/**
 * Only what the renderer needs. Scripts are the API's own file and nothing else: no inline
 * script, no eval. Styles must allow inline ones: Redoc's styled-components and its bundled
 * scrollbar CSS insert <style> elements at run time, the scrollbar's before any nonce could be
 * set. Injected CSS could only leak data through a request, and every fetch directive below
 * names this API alone.
 */
export const CONTENT_SECURITY_POLICY = [
  // Nothing that a directive below does not name.
  "default-src 'none'",
  // The renderer, from this API.
  "script-src 'self'",
  // Generated CSS, inserted by the renderer at run time.
  "style-src 'self' 'unsafe-inline'",
  // The OpenAPI document, fetched from this API.
  "connect-src 'self'",
  // Redoc's search index runs in a worker built from a Blob of its own code.
  'worker-src blob:',
  // Icons that Redoc inlines as data: URIs, and the empty favicon.
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function referencePage(): ApiResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      // As the OpenAPI document's: the page changes only with a deployment.
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
    body: PAGE,
  };
}
