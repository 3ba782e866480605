import { PutBucketCorsCommand, type S3Client } from '@aws-sdk/client-s3';
import { API_CORS, DOCUMENTS_CORS } from '../infra/deployment-settings';

/**
 * CORS locally, from the same setting (`allowedOrigins` in cdk.json) and the same rules as the
 * cloud stack: the HTTP API's corsPreflight and the documents bucket's CORS rule.
 */

export interface CorsHeaders {
  /** Headers for a preflight answer, or undefined when the origin or the request is not allowed. */
  preflight(headers: Record<string, string | undefined>): Record<string, string> | undefined;
  /** Headers to add to an actual response for this request's Origin (none when not allowed). */
  response(origin: string | undefined): Record<string, string>;
}

/**
 * The HTTP API's behaviour with corsPreflight configured: API Gateway answers every OPTIONS
 * preflight itself, before routes, authorizers and functions, and adds the CORS headers to
 * every answer (including its own 401 and 404) for an allowed origin. A preflight from another
 * origin, or asking for a method or header not allowed, gets no CORS headers, so the browser
 * refuses the actual request.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html
 */
export function apiCors(allowedOrigins: readonly string[]): CorsHeaders {
  const origins = new Set(allowedOrigins);
  const methods = new Set<string>([...API_CORS.allowMethods, 'OPTIONS']);
  const allowedHeaders = new Set(API_CORS.allowHeaders);
  return {
    preflight(headers) {
      const origin = headers.origin;
      const method = headers['access-control-request-method']?.toUpperCase();
      if (!origin || !origins.has(origin) || !method || !methods.has(method)) return undefined;
      const requested = (headers['access-control-request-headers'] ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter(Boolean);
      if (requested.some((name) => !allowedHeaders.has(name))) return undefined;
      return {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': [...methods].join(','),
        'access-control-allow-headers': API_CORS.allowHeaders.join(','),
        'access-control-max-age': String(API_CORS.maxAgeSeconds),
        vary: 'origin',
      };
    },
    response(origin): Record<string, string> {
      if (!origin || !origins.has(origin)) return {};
      return {
        'access-control-allow-origin': origin,
        'access-control-expose-headers': API_CORS.exposeHeaders.join(','),
        vary: 'origin',
      };
    },
  };
}

/** Gives the local documents bucket the CORS rule the stack gives the real one (PutBucketCors, as CloudFormation does). */
export async function applyDocumentsCors(
  s3: S3Client,
  bucket: string,
  allowedOrigins: readonly string[],
): Promise<void> {
  await s3.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [...allowedOrigins],
            AllowedMethods: [...DOCUMENTS_CORS.allowMethods],
            AllowedHeaders: DOCUMENTS_CORS.allowHeaders,
            ExposeHeaders: DOCUMENTS_CORS.exposeHeaders,
            MaxAgeSeconds: DOCUMENTS_CORS.maxAgeSeconds,
          },
        ],
      },
    }),
  );
}
