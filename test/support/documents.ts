import { createHash, randomBytes } from 'node:crypto';
import type { ObjectCreatedEvent } from '../../functions/verify-document';
import { createDynamoClient, urlSigningOf } from '../../shared/adapters/aws-clients';
import { S3PresignedUrls } from '../../shared/adapters/s3-presigned-urls';

/** Bytes that start like a real PDF, PNG or JPEG scan, with random content after the signature. */
export const scan = {
  pdf: (size = 2048) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]),
  png: (size = 2048) =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]),
  jpeg: (size = 2048) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 4)]),
};

/** The document URLs as a function makes them (documentUrlsFromEnv), with a clock stopped at `now`. */
export function documentUrlsAt(now: Date): S3PresignedUrls {
  const env = { AWS_REGION: process.env.AWS_REGION!, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT };
  return new S3PresignedUrls(
    { bucket: process.env.DOCUMENTS_BUCKET!, region: env.AWS_REGION, endpoint: process.env.S3_ENDPOINT },
    urlSigningOf(createDynamoClient(env)),
    { now: () => now },
  );
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The SHA-256 as S3's checksum headers carry it (`x-amz-checksum-sha256`, `ChecksumSHA256`). */
export const sha256Base64 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

export function declaration(bytes: Buffer, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'evidence',
    fileName: 'سند مالکیت.pdf',
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: sha256(bytes),
    ...overrides,
  };
}

/**
 * PUTs bytes as a browser would: the instruction's headers, except content-length, which fetch
 * sets, and any `extra` headers a client adds that the URL does not sign.
 */
export async function upload(
  instruction: { uploadUrl: string; headers: Record<string, string> },
  bytes: Buffer,
  extra: Record<string, string> = {},
): Promise<number> {
  const { 'content-length': _length, ...headers } = instruction.headers;
  const response = await fetch(instruction.uploadUrl, {
    method: 'PUT',
    headers: { ...headers, ...extra },
    body: bytes,
  });
  await response.arrayBuffer();
  return response.status;
}

/** The EventBridge event S3 sends when an object is created in the documents bucket. */
export function objectCreated(key: string): ObjectCreatedEvent {
  return {
    'detail-type': 'Object Created',
    source: 'aws.s3',
    detail: { bucket: { name: process.env.DOCUMENTS_BUCKET! }, object: { key } },
  };
}

export function keyOf(uploadUrl: string): string {
  const path = new URL(uploadUrl).pathname.split('/').slice(2).join('/');
  return decodeURIComponent(path);
}
