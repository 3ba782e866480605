import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Signature Version 4 checks for the local AWS edge. The signature is never computed by hand: the
 * request is rebuilt from what it carries (method, path, query, the headers it says it signed,
 * its date) and signed again with the AWS SDK's own signer, `sign` for an Authorization header and
 * `presign` for a presigned URL, then compared.
 * AWS: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html.
 */

/** SHA-256 for the signer, from node:crypto (the hash primitive only; canonical forms are the SDK's). */
class Sha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data);
}

export interface EdgeRequest {
  method: string;
  /** The path as sent, still percent-encoded. */
  rawPath: string;
  /** Decoded query parameters in order (a name may repeat). */
  query: Array<[string, string]>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface Signed {
  accessKeyId: string;
  presigned: boolean;
  date: Date;
  signedHeaders: string[];
  /** Presigned: when the URL stops working. */
  expiresAt?: Date;
}

export type SignatureFailure =
  | { code: 'missing' }
  | { code: 'malformed'; detail: string }
  | { code: 'unknown-key'; accessKeyId: string }
  | { code: 'mismatch'; accessKeyId: string }
  | { code: 'expired'; date: Date; expiresAt: Date }
  | { code: 'unsigned-headers'; headers: string[] }
  | { code: 'skewed'; date: Date };

const AUTHORIZATION = new RegExp(
  '^AWS4-HMAC-SHA256 Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,' +
    '\\s*SignedHeaders=([a-z0-9;-]+),\\s*Signature=([0-9a-f]{64})$',
);
const CREDENTIAL = /^([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request$/;
const PRESIGN_PARAMS = new Set([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-signedheaders',
  'x-amz-signature',
]);

/**
 * S3 refuses a presigned request that carries an `x-amz-*` header its signature does not cover
 * (403 AccessDenied, "There were headers present in the request which were not signed", the names
 * in HeadersNotSigned): such a header would change what the URL's signer allowed (an ACL, user
 * metadata, a storage class, a website redirect). What this relies on: the S3 docs
 * (sigv4-query-string-auth.html, X-Amz-SignedHeaders) require the host and every `x-amz-*` header
 * the request will carry to be signed, and name no exception; S3's answer is reported word for word
 * in SDK issues (aws-sdk-js#896, ex_aws#335). The one header left out here is
 * `x-amz-content-sha256`, which S3 is reported to accept unsigned on a presigned URL (not in its
 * docs); its value cannot change what is stored, since a hash is checked against the body
 * (s3BodyProblem in edge.ts) and UNSIGNED-PAYLOAD is what a presigned URL means anyway.
 */
const UNSIGNED_ALLOWED = new Set(['x-amz-content-sha256']);

function unsignedAmzHeaders(request: EdgeRequest, signedHeaders: readonly string[]): string[] {
  return Object.keys(request.headers)
    .filter((name) => name.startsWith('x-amz-') && !signedHeaders.includes(name) && !UNSIGNED_ALLOWED.has(name))
    .sort();
}

/** `20260101T120000Z` → Date. */
export function parseAmzDate(text: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? '');
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function queryRecord(query: Array<[string, string]>): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const [name, value] of query) {
    const existing = record[name];
    record[name] = existing === undefined ? value : [existing, value].flat();
  }
  return record;
}

export interface VerifyOptions {
  service: 'dynamodb' | 's3';
  region: string;
  secretOf(accessKeyId: string): string | undefined;
  now: Date;
  /** How far a header-signed request's date may be from now (DynamoDB 5 min, S3 15 min). */
  maxSkewMs: number;
}

export async function verifySignature(
  request: EdgeRequest,
  options: VerifyOptions,
): Promise<{ ok: true; signed: Signed } | { ok: false; failure: SignatureFailure }> {
  const authorization = request.headers.authorization;
  const presigned = request.query.some(([name]) => name.toLowerCase() === 'x-amz-algorithm');
  if (!authorization && !presigned) return { ok: false, failure: { code: 'missing' } };
  if (authorization && presigned)
    return { ok: false, failure: { code: 'malformed', detail: 'both an Authorization header and a presigned query' } };
  return authorization ? verifyHeader(request, authorization, options) : verifyPresigned(request, options);
}

function signerFor(options: VerifyOptions, accessKeyId: string, secretAccessKey: string): SignatureV4 {
  return new SignatureV4({
    credentials: { accessKeyId, secretAccessKey },
    region: options.region,
    service: options.service,
    sha256: Sha256,
    // S3 signs the path as sent; other services normalise and encode it again.
    uriEscapePath: options.service !== 's3',
    // The payload hash header is part of what the client signed, or it is not: never added here.
    applyChecksum: false,
  });
}

function scopeProblem(
  parts: { date: string; region: string; service: string },
  amzDate: Date,
  options: VerifyOptions,
): string | undefined {
  if (parts.region !== options.region) return `credential scoped to region ${parts.region}, not ${options.region}`;
  if (parts.service !== options.service) return `credential scoped to service ${parts.service}`;
  if (parts.date !== amzDate.toISOString().slice(0, 10).replace(/-/g, ''))
    return 'credential date is not the request date';
  return undefined;
}

async function verifyHeader(request: EdgeRequest, authorization: string, options: VerifyOptions) {
  const m = AUTHORIZATION.exec(authorization);
  if (!m) return { ok: false as const, failure: { code: 'malformed' as const, detail: 'Authorization header' } };
  const [, accessKeyId, date, region, service, signedList, signature] = m as unknown as string[];
  const amzDate = parseAmzDate(request.headers['x-amz-date']);
  if (!amzDate) return { ok: false as const, failure: { code: 'malformed' as const, detail: 'X-Amz-Date' } };
  const problem = scopeProblem({ date: date!, region: region!, service: service! }, amzDate, options);
  if (problem) return { ok: false as const, failure: { code: 'malformed' as const, detail: problem } };
  const secret = options.secretOf(accessKeyId!);
  if (!secret) return { ok: false as const, failure: { code: 'unknown-key' as const, accessKeyId: accessKeyId! } };
  if (Math.abs(options.now.getTime() - amzDate.getTime()) > options.maxSkewMs)
    return { ok: false as const, failure: { code: 'skewed' as const, date: amzDate } };

  const signedHeaders = signedList!.split(';');
  const missing = signedHeaders.filter((h) => request.headers[h] === undefined);
  if (missing.length > 0)
    return { ok: false as const, failure: { code: 'mismatch' as const, accessKeyId: accessKeyId! } };
  const headers = Object.fromEntries(signedHeaders.map((h) => [h, request.headers[h]!]));
  // A payload hash the client claims must be the body's: S3 checks it (XAmzContentSHA256Mismatch,
  // the caller's concern), other services hash the body themselves, so a wrong claim is a bad signature.
  const claimed = headers['x-amz-content-sha256'];
  if (options.service !== 's3' && claimed && claimed !== createHash('sha256').update(request.body).digest('hex'))
    return { ok: false as const, failure: { code: 'mismatch' as const, accessKeyId: accessKeyId! } };
  const resigned = await signerFor(options, accessKeyId!, secret).sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: 'localhost',
      path: request.rawPath,
      query: queryRecord(request.query),
      headers,
      body: request.body,
    },
    { signingDate: amzDate, signableHeaders: new Set(signedHeaders) },
  );
  const expected = AUTHORIZATION.exec(String(resigned.headers.authorization));
  if (!expected || expected[5] !== signedList || !sameHex(expected[6]!, signature!))
    return { ok: false as const, failure: { code: 'mismatch' as const, accessKeyId: accessKeyId! } };
  return { ok: true as const, signed: { accessKeyId: accessKeyId!, presigned: false, date: amzDate, signedHeaders } };
}

async function verifyPresigned(request: EdgeRequest, options: VerifyOptions) {
  const param = (name: string) => request.query.find(([n]) => n.toLowerCase() === name)?.[1];
  const credential = CREDENTIAL.exec(param('x-amz-credential') ?? '');
  const amzDate = parseAmzDate(param('x-amz-date'));
  const expires = Number(param('x-amz-expires'));
  const signedList = param('x-amz-signedheaders') ?? '';
  const signature = param('x-amz-signature') ?? '';
  if (param('x-amz-algorithm') !== 'AWS4-HMAC-SHA256' || !credential || !amzDate || !/^[a-z0-9;-]+$/.test(signedList))
    return { ok: false as const, failure: { code: 'malformed' as const, detail: 'presigned query parameters' } };
  // X-Amz-Expires: seconds, at most seven days (sigv4-query-string-auth.html).
  if (!Number.isInteger(expires) || expires < 1 || expires > 604_800)
    return { ok: false as const, failure: { code: 'malformed' as const, detail: 'X-Amz-Expires' } };
  const [, accessKeyId, date, region, service] = credential as unknown as string[];
  const problem = scopeProblem({ date: date!, region: region!, service: service! }, amzDate, options);
  if (problem) return { ok: false as const, failure: { code: 'malformed' as const, detail: problem } };
  const secret = options.secretOf(accessKeyId!);
  if (!secret) return { ok: false as const, failure: { code: 'unknown-key' as const, accessKeyId: accessKeyId! } };
  const expiresAt = new Date(amzDate.getTime() + expires * 1000);

  const signedHeaders = signedList.split(';');
  if (signedHeaders.some((h) => request.headers[h] === undefined))
    return { ok: false as const, failure: { code: 'mismatch' as const, accessKeyId: accessKeyId! } };
  const headers: Record<string, string> = Object.fromEntries(signedHeaders.map((h) => [h, request.headers[h]!]));
  const query = request.query.filter(([name]) => !PRESIGN_PARAMS.has(name.toLowerCase()));
  // A presigned URL's payload is UNSIGNED-PAYLOAD. The SDK's presigner carries that in a header
  // it hoists into the query; given back as that header, the signer hoists it to the same place.
  const hoisted = query.findIndex(([name]) => name.toLowerCase() === 'x-amz-content-sha256');
  const unsignable = new Set<string>();
  if (hoisted >= 0) {
    const [[name, value]] = query.splice(hoisted, 1) as [[string, string]];
    headers[name] = value;
  } else {
    headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    unsignable.add('x-amz-content-sha256');
  }
  const unhoistable = new Set([...signedHeaders.filter((h) => h.startsWith('x-amz-')), ...unsignable]);
  const resigned = await signerFor(options, accessKeyId!, secret).presign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: 'localhost',
      path: request.rawPath,
      query: queryRecord(query),
      headers,
    },
    {
      signingDate: amzDate,
      expiresIn: expires,
      signableHeaders: new Set(signedHeaders),
      unsignableHeaders: unsignable,
      unhoistableHeaders: unhoistable,
    },
  );
  const expectedSigned = String(resigned.query?.['X-Amz-SignedHeaders'] ?? '');
  const expectedSignature = String(resigned.query?.['X-Amz-Signature'] ?? '');
  if (expectedSigned !== signedList || !sameHex(expectedSignature, signature))
    return { ok: false as const, failure: { code: 'mismatch' as const, accessKeyId: accessKeyId! } };
  const unsigned = options.service === 's3' ? unsignedAmzHeaders(request, signedHeaders) : [];
  if (unsigned.length > 0)
    return { ok: false as const, failure: { code: 'unsigned-headers' as const, headers: unsigned } };
  // Checked after the signature, as S3 does: a forged URL is a bad signature whatever its dates.
  if (options.now > expiresAt)
    return { ok: false as const, failure: { code: 'expired' as const, date: amzDate, expiresAt } };
  return {
    ok: true as const,
    signed: { accessKeyId: accessKeyId!, presigned: true, date: amzDate, signedHeaders, expiresAt },
  };
}
