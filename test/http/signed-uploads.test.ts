import { randomUUID } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { handler as createPetition } from '../../functions/create-petition';
import { STORED_CHECKSUM } from '../../local/s3-checksums';
import { createS3Client } from '../../shared/adapters/s3-client';
import type { UploadInstruction } from '../../shared/ports';
import { apiEvent, asFunction, type Caller, call } from '../support/api-event';
import { declaration, documentUrlsAt, keyOf, scan, sha256, sha256Base64 } from '../support/documents';
import { activeOffice, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * Presigned uploads over real HTTP through the local AWS edge, checked as S3 checks them: the
 * signature (recomputed with the SDK's signer), the signed headers, the expiry, the checksum, and
 * the IAM policy of the function that signed the URL. Rules: sigv4-query-string-auth.html,
 * ErrorResponses.html and checking-object-integrity.html (Amazon S3 docs).
 */
beforeAll(provisionStores);
afterAll(dropStores);

/** A draft with one declared PDF, made by the real create-petition handler: its upload instruction. */
async function instructionFor(bytes: Buffer): Promise<UploadInstruction> {
  const clerk: Caller = { role: 'clerk', officeCode: await activeOffice() };
  const answer = await call(
    createPetition,
    apiEvent('create-petition', { caller: clerk, body: petitionBody(undefined, { documents: [declaration(bytes)] }) }),
  );
  expect(answer.status).toBe(201);
  return answer.body.uploads[0] as UploadInstruction;
}

/** A PUT with exactly these headers (fetch adds content-length from the body). */
async function put(url: string, headers: Record<string, string>, body: Buffer) {
  const { 'content-length': _length, ...rest } = headers;
  const response = await fetch(url, { method: 'PUT', headers: rest, body });
  const text = await response.text();
  return { status: response.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1], message: text };
}

/** The document URL adapter, presigning as the named function (with a clock of its own). */
function presignAs(functionId: string, key: string, bytes: Buffer, now = new Date()) {
  const urls = documentUrlsAt(now);
  return asFunction(functionId, () =>
    urls.presignUpload(key, { contentType: 'application/pdf', size: bytes.length, sha256: sha256(bytes) }),
  );
}

it('accepts the declared bytes with the instruction’s headers, and the URL names the function that signed it', async () => {
  const bytes = scan.pdf();
  const instruction = await instructionFor(bytes);

  const answer = await put(instruction.uploadUrl, instruction.headers, bytes);

  expect(answer.status).toBe(200);
  expect(new URL(instruction.uploadUrl).searchParams.get('X-Amz-Credential')).toMatch(
    new RegExp(`^LOCAL\\.fn\\.${process.env.TEST_TENANT}\\.create-petition/`),
  );
});

it('refuses a changed content type: it is a signed header', async () => {
  const bytes = scan.pdf();
  const instruction = await instructionFor(bytes);

  const answer = await put(instruction.uploadUrl, { ...instruction.headers, 'content-type': 'image/png' }, bytes);

  expect(answer).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
});

it('refuses a changed checksum header, and bytes that do not match the signed checksum', async () => {
  const bytes = scan.pdf();
  const other = scan.pdf(bytes.length);
  const instruction = await instructionFor(bytes);
  const otherChecksum = sha256Base64(other);

  const changedHeader = await put(
    instruction.uploadUrl,
    { ...instruction.headers, 'x-amz-checksum-sha256': otherChecksum },
    other,
  );
  const otherBytes = await put(instruction.uploadUrl, instruction.headers, other);

  expect(changedHeader).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
  expect(otherBytes).toMatchObject({ status: 400, code: 'BadDigest' });
});

it('refuses a shorter body than the signed length', async () => {
  const bytes = scan.pdf();
  const instruction = await instructionFor(bytes);

  const answer = await put(instruction.uploadUrl, instruction.headers, bytes.subarray(0, bytes.length - 1));

  expect(answer).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
});

it('refuses an expired URL', async () => {
  const bytes = scan.pdf();
  const key = keyOf((await instructionFor(bytes)).uploadUrl);
  const expired = await presignAs('create-petition', key, bytes, new Date(Date.now() - 3600_000));

  const answer = await put(expired.uploadUrl, expired.headers, bytes);

  expect(answer).toMatchObject({ status: 403, code: 'AccessDenied' });
  expect(answer.message).toContain('Request has expired');
});

it('refuses a URL reused for another key', async () => {
  const bytes = scan.pdf();
  const instruction = await instructionFor(bytes);
  const url = new URL(instruction.uploadUrl);
  url.pathname = url.pathname.replace(/[^/]+$/, randomUUID());

  const answer = await put(url.toString(), instruction.headers, bytes);

  expect(answer).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
});

it('refuses a tampered signature', async () => {
  const bytes = scan.pdf();
  const instruction = await instructionFor(bytes);
  const url = new URL(instruction.uploadUrl);
  const signature = url.searchParams.get('X-Amz-Signature')!;
  url.searchParams.set('X-Amz-Signature', `${signature[0] === 'a' ? 'b' : 'a'}${signature.slice(1)}`);

  const answer = await put(url.toString(), instruction.headers, bytes);

  expect(answer).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
});

it.each([
  ['x-amz-acl', 'public-read'],
  ['x-amz-meta-note', 'planted'],
  ['x-amz-storage-class', 'REDUCED_REDUNDANCY'],
  ['x-amz-website-redirect-location', 'https://example.com/'],
])(
  'refuses, as S3 does, the declared bytes sent with %s, a header the URL does not sign, and stores nothing',
  async (name, value) => {
    const bytes = scan.pdf();
    const instruction = await instructionFor(bytes);
    const s3 = createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });

    const answer = await put(instruction.uploadUrl, { ...instruction.headers, [name]: value }, bytes);
    const stored = await s3
      .send(new HeadObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET!, Key: keyOf(instruction.uploadUrl) }))
      .then(
        () => 'stored',
        (error: Error) => error.name,
      );
    s3.destroy();

    expect(answer).toMatchObject({ status: 403, code: 'AccessDenied' });
    expect(answer.message).toContain(
      '<Message>There were headers present in the request which were not signed</Message>',
    );
    expect(answer.message).toContain(`<HeadersNotSigned>${name}</HeadersNotSigned>`);
    expect(stored).toBe('NotFound');
  },
);

it('names every unsigned header it refuses, and lets x-amz-content-sha256 through unsigned, as S3 does', async () => {
  const bytes = scan.pdf();
  const instruction = await instructionFor(bytes);
  const payloadHash = { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };

  const planted = {
    ...instruction.headers,
    ...payloadHash,
    'x-amz-storage-class': 'GLACIER',
    'x-amz-acl': 'public-read',
  };
  const refused = await put(instruction.uploadUrl, planted, bytes);
  const accepted = await put(instruction.uploadUrl, { ...instruction.headers, ...payloadHash }, bytes);

  expect(refused).toMatchObject({ status: 403, code: 'AccessDenied' });
  expect(refused.message).toContain('<HeadersNotSigned>x-amz-acl, x-amz-storage-class</HeadersNotSigned>');
  expect(accepted.status).toBe(200);
});

it('refuses an upload that would not carry the draft tag, which the clean-up of abandoned drafts needs', async () => {
  const bytes = scan.pdf();
  const key = keyOf((await instructionFor(bytes)).uploadUrl);
  const s3 = createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });
  const untagged = new PutObjectCommand({
    Bucket: process.env.DOCUMENTS_BUCKET!,
    Key: key,
    ContentType: 'application/pdf',
    ContentLength: bytes.length,
  });
  const url = await asFunction('create-petition', () => getSignedUrl(s3, untagged, { expiresIn: 300 }));

  const answer = await put(url, { 'content-type': 'application/pdf' }, bytes);

  expect(answer).toMatchObject({ status: 403, code: 'AccessDenied' });
});

it.each([
  ['download-document', 'may only read documents'],
  ['keep-documents', 'may only mark documents kept or delete removed ones'],
  ['submit-petition', 'has no document access at all'],
])('refuses an upload URL presigned by %s, which %s', async (functionId) => {
  const bytes = scan.pdf();
  const key = keyOf((await instructionFor(bytes)).uploadUrl);
  const presigned = await presignAs(functionId, key, bytes);

  const answer = await put(presigned.uploadUrl, presigned.headers, bytes);

  expect(answer).toMatchObject({ status: 403, code: 'AccessDenied' });
  expect(answer.message).toContain(`/${functionId} is not authorized to perform: s3:PutObject`);
});

describe('the checksum S3 keeps with an object', () => {
  /** The user metadata the local S3 server keeps the checksum in: no client may name it. */
  const STORED_METADATA = STORED_CHECKSUM.replace(/^x-amz-meta-/, '');
  const Bucket = () => process.env.DOCUMENTS_BUCKET!;
  const operatorS3 = () =>
    createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });

  it('answers the checked SHA-256 to a HEAD or whole GET that asks for it, and never to a ranged GET', async () => {
    const bytes = scan.pdf();
    const instruction = await instructionFor(bytes);
    await put(instruction.uploadUrl, instruction.headers, bytes);
    const s3 = operatorS3();
    const Key = keyOf(instruction.uploadUrl);

    const head = await s3.send(new HeadObjectCommand({ Bucket: Bucket(), Key, ChecksumMode: 'ENABLED' }));
    // The SDK checks a whole GET's body against the checksum answered with it.
    const whole = await s3.send(new GetObjectCommand({ Bucket: Bucket(), Key, ChecksumMode: 'ENABLED' }));
    const wholeBytes = await whole.Body!.transformToByteArray();
    const ranged = await s3.send(
      new GetObjectCommand({ Bucket: Bucket(), Key, Range: 'bytes=0-15', ChecksumMode: 'ENABLED' }),
    );
    const rangedBytes = await ranged.Body!.transformToByteArray();
    s3.destroy();

    const expected = sha256Base64(bytes);
    expect(head).toMatchObject({ ChecksumSHA256: expected, ChecksumType: 'FULL_OBJECT', ContentLength: bytes.length });
    expect(whole.ChecksumSHA256).toBe(expected);
    expect(Buffer.from(wholeBytes).equals(bytes)).toBe(true);
    expect(ranged.ChecksumSHA256).toBeUndefined();
    expect(Buffer.from(rangedBytes).equals(bytes.subarray(0, 16))).toBe(true);
    expect(head.Metadata).toEqual({});
  });

  it('keeps none for an upload that carried none, even one naming the local store’s metadata itself', async () => {
    const bytes = scan.pdf();
    const Key = keyOf((await instructionFor(bytes)).uploadUrl);
    const s3 = operatorS3();
    const planted = sha256Base64(bytes);

    await s3.send(
      new PutObjectCommand({ Bucket: Bucket(), Key, Body: bytes, Metadata: { [STORED_METADATA]: planted } }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: Bucket(), Key, ChecksumMode: 'ENABLED' }));
    s3.destroy();

    expect(head.ChecksumSHA256).toBeUndefined();
    expect(head.ContentLength).toBe(bytes.length);
  });

  it('refuses an upload naming the local store’s metadata in its query, which the engine would take as a header', async () => {
    const bytes = scan.pdf();
    const Key = keyOf((await instructionFor(bytes)).uploadUrl);
    const s3 = operatorS3();
    const planted = sha256Base64(bytes);
    const url = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: Bucket(), Key, Metadata: { [STORED_METADATA]: planted } }),
      { expiresIn: 300 },
    );
    s3.destroy();

    const answer = await put(url, {}, bytes);

    expect(new URL(url).searchParams.has(STORED_CHECKSUM)).toBe(true);
    expect(answer).toMatchObject({ status: 400, code: 'InvalidArgument' });
  });

  it('refuses a ranged GET of an empty object with 416, as S3 does', async () => {
    const Key = `petitions/${randomUUID()}/${randomUUID()}`;
    const s3 = operatorS3();
    await s3.send(new PutObjectCommand({ Bucket: Bucket(), Key, Body: Buffer.alloc(0) }));

    const ranged = s3.send(new GetObjectCommand({ Bucket: Bucket(), Key, Range: 'bytes=0-15' }));

    await expect(ranged).rejects.toMatchObject({ name: 'InvalidRange', $metadata: { httpStatusCode: 416 } });
    s3.destroy();
  });
});
