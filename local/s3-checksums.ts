import type { IncomingMessage } from 'node:http';
import type S3rver from 's3rver';

/**
 * What S3 does with checksums that s3rver does not, added to s3rver itself so that every client
 * of the local S3 server sees it: the local AWS edge in front of it (`npm start`, the tests) and the
 * bench, which talks to it directly.
 *
 * - S3 keeps the SHA-256 an upload carried with the object and answers it (`x-amz-checksum-sha256`,
 *   type FULL_OBJECT) to a HEAD or whole GET that asks with `x-amz-checksum-mode: ENABLED`, never
 *   to a ranged GET (https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html).
 *   Here it is kept as metadata of the server's own, which no answer shows and no client can set.
 *   S3 refuses an upload whose bytes do not match its checksum (BadDigest): that check is the
 *   edge's, which sees every request from outside; s3rver keeps what it is sent.
 * - S3 cannot range over an empty object (416 InvalidRange); s3rver answers 206 and announces one
 *   byte it never sends, and the client waits for ever.
 */
export function keepChecksumsAsS3Does(server: S3rver): void {
  // Koa composes its middleware when the server starts listening: this runs before s3rver's own.
  (server as unknown as { middleware: KoaMiddleware[] }).middleware.unshift(checksums);
}

export const STORED_CHECKSUM = 'x-amz-meta-local-checksum-sha256';
const CHECKSUM = 'x-amz-checksum-sha256';

/** The parts of Koa's context used here (s3rver ships no types for it). */
interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  req: IncomingMessage;
  status: number;
  body: unknown;
  set(field: string, value: string): void;
  remove(field: string): void;
  response: { get(field: string): string | undefined };
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

const checksums: KoaMiddleware = async (ctx, next) => {
  const headers = ctx.req.headers;
  // s3rver takes any x-amz-* query parameter as a header: the stored checksum may not come that way.
  if (Object.keys(ctx.query).some((name) => name.toLowerCase() === STORED_CHECKSUM))
    return answerError(ctx, 400, 'InvalidArgument', `${STORED_CHECKSUM} is reserved by the local S3 server`);
  delete headers[STORED_CHECKSUM];
  const objectKey = /^\/[^/]+\/.+/.test(ctx.path);
  const sent = headers[CHECKSUM] ?? ctx.query[CHECKSUM];
  const upload =
    ctx.method === 'PUT' &&
    objectKey &&
    !headers['x-amz-copy-source'] &&
    Object.keys(ctx.query).every((name) => !/^(tagging|acl|uploadId|partNumber)$/.test(name));
  if (upload && typeof sent === 'string') headers[STORED_CHECKSUM] = sent;
  await next();
  const stored = ctx.response.get(STORED_CHECKSUM);
  ctx.remove(STORED_CHECKSUM);
  const reads = (ctx.method === 'GET' || ctx.method === 'HEAD') && objectKey;
  if (!reads) return;
  if (ctx.status === 206 && /\/0$/.test(ctx.response.get('content-range') ?? '')) {
    (ctx.body as { destroy?: () => void } | undefined)?.destroy?.();
    ctx.remove('content-range');
    return answerError(ctx, 416, 'InvalidRange', 'The requested range is not satisfiable');
  }
  const asked = String(headers['x-amz-checksum-mode']).toUpperCase() === 'ENABLED';
  if (stored && asked && headers.range === undefined && ctx.status === 200) {
    ctx.set(CHECKSUM, stored);
    ctx.set('x-amz-checksum-type', 'FULL_OBJECT');
  }
};

/** An error in S3's XML form (ErrorResponses.html). */
function answerError(ctx: KoaContext, status: number, code: string, message: string): void {
  ctx.status = status;
  ctx.set('content-type', 'application/xml');
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}
