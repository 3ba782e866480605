import type { Socket } from 'node:net';
import {
  DeleteObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type PutObjectCommandInput,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { handler as createPetition } from '../../functions/create-petition';
import { handler as declareDocuments } from '../../functions/declare-documents';
import { handler as downloadDocument } from '../../functions/download-document';
import { handler as getPetition } from '../../functions/get-petition';
import { handler as keepDocuments } from '../../functions/keep-documents';
import { handler as removeDocument } from '../../functions/remove-document';
import { handler as verifyDocument } from '../../functions/verify-document';
import { cryptoIds, documentObjectsFromEnv, petitionAdaptersFromEnv } from '../../shared/adapters/from-env';
import { createS3Client } from '../../shared/adapters/s3-client';
import { S3DocumentObjects } from '../../shared/adapters/s3-document-objects';
import { DOCUMENT_POLICY } from '../../shared/domain/document-policy';
import { toBusEvent } from '../../shared/events/petition-events';
import { systemClock } from '../../shared/ports';
import { verifyArrival } from '../../shared/use-cases/documents';
import { apiEvent, asFunction, type Caller, call, invoke } from '../support/api-event';
import {
  declaration,
  documentUrlsAt,
  keyOf,
  objectCreated,
  scan,
  sha256,
  sha256Base64,
  upload,
} from '../support/documents';
import { outboxEventsOf } from '../support/outbox';
import { payInFull } from '../support/payments';
import { activeOffice, petitionBody } from '../support/petitions';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';
import { submit } from '../support/submit';

beforeAll(provisionStores);
afterAll(dropStores);

type Upload = { documentId: string; uploadUrl: string; headers: Record<string, string>; expiresAt: string };

async function draftWith(documents: unknown[]) {
  const officeCode = await activeOffice();
  const clerk: Caller = { role: 'clerk', officeCode, userId: `clerk-${officeCode}` };
  const answer = await call(
    createPetition,
    apiEvent('create-petition', { caller: clerk, body: petitionBody(undefined, { documents }) }),
  );
  return {
    clerk,
    answer,
    petitionId: answer.body?.petitionId as string,
    uploads: (answer.body?.uploads ?? []) as Upload[],
  };
}

const verify = (instruction: Upload) =>
  invoke('verify-document', verifyDocument, objectCreated(keyOf(instruction.uploadUrl)));

/** A draft with one scan declared, uploaded through its presigned URL and verified. */
async function draftWithVerifiedScan() {
  const bytes = scan.pdf();
  const draft = await draftWith([declaration(bytes)]);
  await upload(draft.uploads[0]!, bytes);
  await verify(draft.uploads[0]!);
  return { ...draft, bytes, documentId: draft.uploads[0]!.documentId };
}

/**
 * Writes an object with the operator's key, outside any function: no presigned URL involved. With
 * `checksummed`, the upload carries the SHA-256 of the bytes it sends, which S3 checks and keeps.
 */
async function putDirectly(
  key: string,
  body: Buffer,
  checksummed = false,
  headers: Pick<PutObjectCommandInput, 'ContentType' | 'CacheControl'> = {},
): Promise<void> {
  const s3 = createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.DOCUMENTS_BUCKET!,
      Key: key,
      Body: body,
      ContentType: 'application/pdf',
      ...(checksummed ? { ChecksumSHA256: sha256Base64(body) } : {}),
      ...headers,
    }),
  );
  s3.destroy();
}

/**
 * Verification's dependencies as verify-document makes them, on an S3 client of the test's own
 * whose downloads are counted, and that `instrument` may change or make fail (the local S3 server
 * cannot be made to fail on demand, nor give a multipart upload's checksum).
 */
function verificationOn(instrument: (s3: S3Client) => void = () => undefined) {
  const s3 = createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });
  const downloads = watchDownloads(s3);
  instrument(s3);
  const deps = {
    ...petitionAdaptersFromEnv(),
    documents: new S3DocumentObjects(s3, process.env.DOCUMENTS_BUCKET!),
    clock: systemClock,
    ids: cryptoIds,
  };
  return { verify: (key: string) => asFunction('verify-document', () => verifyArrival(deps, key)), downloads };
}

/** Counts the bytes that reached the client's sockets from S3, answers to the requests it watched. */
function watchDownloads(s3: S3Client): { requests: number; bytesReceived: () => number } {
  const sockets: Socket[] = [];
  const watched = { requests: 0, bytesReceived: () => sockets.reduce((sum, socket) => sum + socket.bytesRead, 0) };
  s3.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      watched.requests++;
      const socket = (result.response as { body?: { socket?: Socket } }).body?.socket;
      if (socket && !sockets.includes(socket)) sockets.push(socket);
      return result;
    },
    { step: 'deserialize', name: 'watchDownloads' },
  );
  return watched;
}

async function documentsOf(clerk: Caller, petitionId: string) {
  const read = await call(getPetition, apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId } }));
  return read.body.documents as Array<{ documentId: string; status: string; reason?: string }>;
}

/** The document rejected for `reason`, its event in the outbox, its object moved to quarantine. */
async function expectQuarantined(clerk: Caller, petitionId: string, instruction: Upload, reason: string) {
  expect((await documentsOf(clerk, petitionId))[0]).toMatchObject({ status: 'rejected', reason });
  expect(await outboxEventsOf(petitionId)).toEqual([
    expect.objectContaining({ type: 'document-rejected', data: { documentId: instruction.documentId, reason } }),
  ]);
  const store = documentObjectsFromEnv();
  expect(await store.inspect(keyOf(instruction.uploadUrl))).toBeUndefined();
  expect(await store.inspect(keyOf(instruction.uploadUrl).replace(/^petitions\//, 'quarantine/'))).toBeDefined();
}

describe('declaring documents', () => {
  it('answers one presigned upload per document, bound to type, length and SHA-256, expiring in minutes', async () => {
    const bytes = scan.pdf();

    const { answer, uploads } = await draftWith([
      declaration(bytes),
      declaration(scan.png(), { contentType: 'image/png', fileName: 'kart-meli.png' }),
    ]);

    expect(answer.status).toBe(201);
    expect(uploads).toHaveLength(2);
    const [first] = uploads;
    expect(first!.headers).toEqual({
      'content-type': 'application/pdf',
      'content-length': String(bytes.length),
      'x-amz-checksum-sha256': sha256Base64(bytes),
      'x-amz-tagging': 'lifecycle=draft',
    });
    expect(new URL(first!.uploadUrl).searchParams.get('X-Amz-SignedHeaders')).toBe(
      'content-length;content-type;host;x-amz-checksum-sha256;x-amz-tagging',
    );
    const minutes = (Date.parse(first!.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(1);
    expect(minutes).toBeLessThanOrEqual(DOCUMENT_POLICY.uploadUrlSeconds / 60);
    expect(keyOf(first!.uploadUrl)).toMatch(/^petitions\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
  });

  it('answers 413 for a declared size over the limit, 400 for an unknown type or a malformed SHA-256, and writes nothing', async () => {
    const bytes = scan.pdf();
    const officeCode = await activeOffice();
    const clerk: Caller = { role: 'clerk', officeCode };
    const before = await tableSnapshot();

    const tooBig = await call(
      createPetition,
      apiEvent('create-petition', {
        caller: clerk,
        body: petitionBody(undefined, { documents: [declaration(bytes, { size: DOCUMENT_POLICY.maxBytes + 1 })] }),
      }),
    );
    const badType = await call(
      createPetition,
      apiEvent('create-petition', {
        caller: clerk,
        body: petitionBody(undefined, { documents: [declaration(bytes, { contentType: 'application/zip' })] }),
      }),
    );
    const badHash = await call(
      createPetition,
      apiEvent('create-petition', {
        caller: clerk,
        body: petitionBody(undefined, { documents: [declaration(bytes, { sha256: 'abc' })] }),
      }),
    );

    expect([tooBig.status, badType.status, badHash.status]).toEqual([413, 400, 400]);
    expect(tooBig.body.errors[0].field).toBe('body.documents.0.size');
    expect(badType.body.errors[0].field).toBe('body.documents.0.contentType');
    expect(badHash.body.errors[0].field).toBe('body.documents.0.sha256');
    expect(await tableSnapshot()).toEqual(before);
  });

  it('declares more documents on a draft, and refuses them once the petition is submitted', async () => {
    const { clerk, petitionId } = await draftWith([]);
    const photo = scan.jpeg();
    const more = await call(
      declareDocuments,
      apiEvent('declare-documents', {
        caller: clerk,
        pathParameters: { petitionId },
        body: { documents: [declaration(photo, { contentType: 'image/jpeg' })] },
      }),
    );
    const [instruction] = more.body.uploads as Upload[];
    await upload(instruction!, photo);
    await verify(instruction!);
    await payInFull(clerk, petitionId);
    const submitted = await submit(clerk, petitionId);

    const late = await call(
      declareDocuments,
      apiEvent('declare-documents', {
        caller: clerk,
        pathParameters: { petitionId },
        body: { documents: [declaration(scan.pdf())] },
      }),
    );

    expect(more.status).toBe(201);
    expect(submitted.status).toBe(200);
    expect(late.status).toBe(409);
  });
});

describe('verification on arrival', () => {
  it('marks the right bytes verified', async () => {
    const bytes = scan.pdf();
    const { clerk, petitionId, uploads } = await draftWith([declaration(bytes)]);

    const status = await upload(uploads[0]!, bytes);
    const outcome = await verify(uploads[0]!);

    expect(status).toBe(200);
    expect(outcome).toMatchObject({ outcome: 'verified' });
    expect((await documentsOf(clerk, petitionId))[0]).toMatchObject({ status: 'verified' });
  });

  it.each([
    ['other bytes of the declared length', (declared: Buffer) => scan.pdf(declared.length), 'checksum-mismatch'],
    ['a truncated file', (declared: Buffer) => declared.subarray(0, declared.length - 100), 'size-mismatch'],
  ])('rejects %s and moves it to quarantine', async (_name, arriving, reason) => {
    const bytes = scan.pdf();
    const { clerk, petitionId, uploads } = await draftWith([declaration(bytes)]);
    const instruction = uploads[0]!;

    // The presigned URL itself refuses such bytes (checksum and length are signed, as in S3), so
    // they arrive by another path: an operator writing the object directly, without a checksum.
    const refused = await upload(instruction, arriving(bytes));
    await putDirectly(keyOf(instruction.uploadUrl), arriving(bytes));
    const outcome = await verify(instruction);

    expect([400, 403]).toContain(refused);
    expect(outcome).toMatchObject({ outcome: 'rejected' });
    await expectQuarantined(clerk, petitionId, instruction, reason);
  });

  it.each([
    [
      'a content encoding, which would make every download fail to decode',
      'content-encoding',
      'gzip',
      'encoding-mismatch',
    ],
    [
      'a cache control, which would let shared caches keep a case file',
      'cache-control',
      'public, max-age=31536000',
      'cache-control-mismatch',
    ],
  ])(
    'rejects the declared bytes uploaded through their URL with %s, and quarantines them',
    async (_name, header, value, reason) => {
      const bytes = scan.pdf();
      const { clerk, petitionId, uploads } = await draftWith([declaration(bytes)]);
      const instruction = uploads[0]!;

      // S3 stores both headers with the object though the URL does not sign them (nor can it sign
      // their absence): only verification can refuse such an object.
      const status = await upload(instruction, bytes, { [header]: value });
      const outcome = await verify(instruction);

      expect(status).toBe(200);
      expect(outcome).toMatchObject({ outcome: 'rejected' });
      await expectQuarantined(clerk, petitionId, instruction, reason);
    },
  );

  it('rejects a PNG declared as a PDF', async () => {
    const png = scan.png();
    const { clerk, petitionId, uploads } = await draftWith([declaration(png, { contentType: 'application/pdf' })]);

    await upload(uploads[0]!, png);
    await verify(uploads[0]!);

    expect((await documentsOf(clerk, petitionId))[0]).toMatchObject({ status: 'rejected', reason: 'type-mismatch' });
  });

  it('refuses an upload through an expired URL, leaving the document pending and the petition unsubmittable', async () => {
    const bytes = scan.pdf();
    const { clerk, petitionId, uploads } = await draftWith([declaration(bytes)]);
    const expired = await documentUrlsAt(new Date(Date.now() - 3600_000)).presignUpload(keyOf(uploads[0]!.uploadUrl), {
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
    });

    const status = await upload(expired, bytes);
    const submission = await submit(clerk, petitionId);

    expect(status).toBe(403);
    expect((await documentsOf(clerk, petitionId))[0]).toMatchObject({ status: 'pending' });
    expect(submission.status).toBe(409);
    expect(submission.body.type).toBe('urn:judicial-e-services:problem:documents-not-verified');
  });

  it('treats a repeated event for a verified document as done, and ignores keys it does not know', async () => {
    const { uploads } = await draftWithVerifiedScan();

    const again = await verify(uploads[0]!);
    const stranger = await invoke('verify-document', verifyDocument, objectCreated('petitions/not-a-petition/x'));

    expect(again).toMatchObject({ outcome: 'verified' });
    expect(stranger).toMatchObject({ outcome: 'ignored' });
  });
});

describe('what verification reads', () => {
  it('verifies an upload from the checksum S3 kept with it and its first bytes, without downloading it', async () => {
    const bytes = scan.pdf(8 * 1024 * 1024);
    const { clerk, petitionId, uploads } = await draftWith([declaration(bytes)]);
    await upload(uploads[0]!, bytes);
    const { verify: verifyWatched, downloads } = verificationOn();

    const outcome = await verifyWatched(keyOf(uploads[0]!.uploadUrl));

    expect(outcome).toBe('verified');
    expect(downloads.requests).toBe(1);
    expect(downloads.bytesReceived()).toBeLessThan(bytes.length / 2);
    expect((await documentsOf(clerk, petitionId))[0]).toMatchObject({ status: 'verified' });
  });

  it.each([
    ['other bytes of the declared length', (declared: Buffer) => scan.pdf(declared.length), 'checksum-mismatch'],
    ['a truncated file', (declared: Buffer) => declared.subarray(0, declared.length - 100), 'size-mismatch'],
  ])('rejects %s from the checksum S3 kept of them, without downloading them', async (_name, arriving, reason) => {
    const bytes = scan.pdf(8 * 1024 * 1024);
    const { clerk, petitionId, uploads } = await draftWith([declaration(bytes)]);
    const arrived = arriving(bytes);
    await putDirectly(keyOf(uploads[0]!.uploadUrl), arrived, true);
    const { verify: verifyWatched, downloads } = verificationOn();

    const outcome = await verifyWatched(keyOf(uploads[0]!.uploadUrl));

    expect(outcome).toBe('rejected');
    expect(downloads.bytesReceived()).toBeLessThan(arrived.length / 2);
    expect((await documentsOf(clerk, petitionId))[0]).toMatchObject({ status: 'rejected', reason });
  });

  it('hashes a multipart upload’s object, whose kept checksum is one of its parts’ (older objects name no type)', async () => {
    const bytes = scan.pdf();
    const { clerk, petitionId, uploads } = await draftWith([declaration(bytes)]);
    await upload(uploads[0]!, bytes);
    // The local S3 server makes no multipart checksums: the answer is given one, as S3 gives it.
    const { verify: verifyWatched, downloads } = verificationOn((s3) => {
      s3.middlewareStack.add(
        (next) => async (args) => {
          const result = await next(args);
          Object.assign(result.output as object, {
            ChecksumSHA256: 'Gx3Q5V1k2m0pXb7lqS9uZ8dW4yR6tE1oI3aN5cF7hJ0=-3',
            ChecksumType: undefined,
          });
          return result;
        },
        { step: 'initialize', name: 'multipartChecksum' },
      );
    });

    const outcome = await verifyWatched(keyOf(uploads[0]!.uploadUrl));

    expect(outcome).toBe('verified');
    expect(downloads.bytesReceived()).toBeGreaterThan(bytes.length);
    expect((await documentsOf(clerk, petitionId))[0]).toMatchObject({ status: 'verified' });
  });

  it('hashes an object S3 holds no SHA-256 of (a direct put) as it downloads, and verifies the right bytes', async () => {
    const bytes = scan.pdf(8 * 1024 * 1024);
    const { clerk, petitionId, uploads } = await draftWith([declaration(bytes)]);
    await putDirectly(keyOf(uploads[0]!.uploadUrl), bytes);
    const { verify: verifyWatched, downloads } = verificationOn();

    const outcome = await verifyWatched(keyOf(uploads[0]!.uploadUrl));

    expect(outcome).toBe('verified');
    expect(downloads.bytesReceived()).toBeGreaterThan(bytes.length);
    expect((await documentsOf(clerk, petitionId))[0]).toMatchObject({ status: 'verified' });
  });
});

describe('objects that are gone', () => {
  it('ignores an arrival whose object vanished before verification, as S3 lets it see (404, not 403)', async () => {
    const bytes = scan.pdf();
    const { clerk, petitionId, uploads } = await draftWith([declaration(bytes)]);
    await upload(uploads[0]!, bytes);
    const s3 = createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });
    await s3.send(
      new DeleteObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET!, Key: keyOf(uploads[0]!.uploadUrl) }),
    );
    s3.destroy();

    const outcome = await verify(uploads[0]!);

    expect(outcome).toMatchObject({ outcome: 'ignored' });
    expect((await documentsOf(clerk, petitionId))[0]).toMatchObject({ status: 'pending' });
  });
});

describe('no dead ends', () => {
  const remove = (clerk: Caller, petitionId: string, documentId: string) =>
    call(removeDocument, apiEvent('remove-document', { caller: clerk, pathParameters: { petitionId, documentId } }));

  it('lets the clerk remove a rejected scan and submit with the good one', async () => {
    // Prepare: two documents; the second upload carries other bytes than declared, so it is rejected.
    const good = scan.pdf();
    const declaredBad = scan.pdf(4096);
    const { clerk, petitionId, uploads } = await draftWith([declaration(good), declaration(declaredBad)]);
    const badUpload = uploads[1]!;
    await upload(uploads[0]!, good);
    // S3 would refuse other bytes at its presigned URL; they can still arrive another way.
    await putDirectly(keyOf(badUpload.uploadUrl), scan.pdf(4096));
    await verify(uploads[0]!);
    await verify(badUpload);
    const blocked = await submit(clerk, petitionId);

    // Act
    const removed = await remove(clerk, petitionId, badUpload.documentId);
    await payInFull(clerk, petitionId);
    const submitted = await submit(clerk, petitionId);

    // Assess
    expect(blocked.status).toBe(409);
    expect(blocked.body.detail).toContain('۱ مدرک ردشده');
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ petitionId, documents: 1 });
    expect(submitted.status).toBe(200);
    const read = await call(getPetition, apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId } }));
    expect(read.body.history.map((h: { action: string }) => h.action)).toContain('remove-document');
  });

  it('leaves the object to the document keeper, which deletes it from the removal’s event', async () => {
    // Prepare
    const { clerk, petitionId, documentId, uploads } = await draftWithVerifiedScan();
    const key = keyOf(uploads[0]!.uploadUrl);
    const s3 = createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });
    const stored = () =>
      s3.send(new HeadObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET!, Key: key })).then(
        () => true,
        (error: Error) => (error.name === 'NotFound' ? false : Promise.reject(error)),
      );

    // Act
    const removed = await remove(clerk, petitionId, documentId);
    const storedAfterRemoval = await stored();
    const event = (await outboxEventsOf(petitionId)).find((e) => e.type === 'document-removed');
    const busEvent = toBusEvent(event!, { id: 'bus-1', account: '000000000000', region: 'me-central-1' });
    const deleted = await invoke('keep-documents', keepDocuments, busEvent);
    const storedAfterKeeper = await stored();
    const redelivered = await invoke('keep-documents', keepDocuments, busEvent);
    s3.destroy();

    // Assess: the removal's transaction carried the event; the keeper, under its own policy, deleted
    expect(removed.status).toBe(200);
    expect(event).toMatchObject({ type: 'document-removed', officeCode: clerk.officeCode, data: { documentId } });
    expect(storedAfterRemoval).toBe(true);
    expect(deleted).toEqual({ removed: 1 });
    expect(storedAfterKeeper).toBe(false);
    expect(redelivered).toEqual({ removed: 1 });
  });

  it('answers 409 to a removal once the petition is with the court, and 404 for an unknown document', async () => {
    const { clerk, petitionId, uploads } = await draftWithVerifiedScan();
    await payInFull(clerk, petitionId);
    await submit(clerk, petitionId);
    const before = await tableSnapshot();

    const closed = await remove(clerk, petitionId, uploads[0]!.documentId);
    const unknown = await remove(clerk, petitionId, '00000000-0000-4000-8000-000000000000');

    expect(closed.status).toBe(409);
    expect(unknown.status).toBe(404);
    expect(await tableSnapshot()).toEqual(before);
  });

  it('settles every document when a bad and a good upload of one petition are verified at the same time', async () => {
    // Four trials: the race used to leave the bad one pending in every one of them.
    for (let trial = 0; trial < 4; trial++) {
      const good = scan.pdf();
      const declaredBad = scan.png();
      const { clerk, petitionId, uploads } = await draftWith([
        declaration(good),
        declaration(declaredBad, { contentType: 'image/png', fileName: 'kart.png' }),
      ]);
      await upload(uploads[0]!, good);
      await putDirectly(keyOf(uploads[1]!.uploadUrl), scan.png(declaredBad.length));

      const outcomes = await Promise.all([verify(uploads[0]!), verify(uploads[1]!), verify(uploads[0]!)]);

      const statuses = (await documentsOf(clerk, petitionId)).map((d) => d.status).sort();
      expect(statuses).toEqual(['rejected', 'verified']);
      expect(outcomes.map((o) => (o as { outcome: string }).outcome)).not.toContain('pending');
    }
  });
});

describe('downloads', () => {
  it('gives staff who may read the petition a short-lived URL to the same bytes, and records the grant', async () => {
    const { clerk, petitionId, documentId, bytes } = await draftWithVerifiedScan();

    const answer = await call(
      downloadDocument,
      apiEvent('download-document', { caller: clerk, pathParameters: { petitionId, documentId } }),
    );
    const fetched = Buffer.from(await (await fetch(answer.body.downloadUrl)).arrayBuffer());
    const read = await call(getPetition, apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId } }));

    expect(answer.status).toBe(200);
    expect(fetched.equals(bytes)).toBe(true);
    expect((Date.parse(answer.body.expiresAt) - Date.now()) / 1000).toBeLessThanOrEqual(
      DOCUMENT_POLICY.downloadUrlSeconds,
    );
    expect(read.body.history.at(-1)).toMatchObject({
      action: 'download',
      documentId,
      by: { userId: clerk.userId, role: 'clerk' },
    });
  });

  it('serves a scan as private, uncacheable and of its declared type, whatever headers its object was stored with', async () => {
    // An object verified before verification read its headers, stored with others than the URL signed.
    const { clerk, petitionId, documentId, bytes } = await draftWithVerifiedScan();
    await putDirectly(`petitions/${petitionId}/${documentId}`, bytes, false, {
      ContentType: 'application/octet-stream',
      CacheControl: 'public, max-age=31536000',
    });

    const answer = await call(
      downloadDocument,
      apiEvent('download-document', { caller: clerk, pathParameters: { petitionId, documentId } }),
    );
    const response = await fetch(answer.body.downloadUrl);
    const fetched = Buffer.from(await response.arrayBuffer());

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(fetched.equals(bytes)).toBe(true);
  });

  it('shows the petition with its audit trail and nothing else of its partition: no payment, no paid totals', async () => {
    const { clerk, petitionId, documentId } = await draftWithVerifiedScan();
    await payInFull(clerk, petitionId);
    await call(
      downloadDocument,
      apiEvent('download-document', { caller: clerk, pathParameters: { petitionId, documentId } }),
    );

    const read = await call(getPetition, apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId } }));

    expect(read.status).toBe(200);
    expect(read.body.petitionId).toBe(petitionId);
    // The payments and paid totals sort between the audit entries and the petition, and stay out.
    expect(read.body.history.map((entry: { action: string }) => entry.action)).toEqual(['create', 'download']);
    expect(JSON.stringify(read.body.history)).not.toMatch(/orderId|paidRials|refNum/);
  });

  it('answers 404 to another office and 409 for a document not yet verified', async () => {
    const { clerk, petitionId, uploads } = await draftWith([declaration(scan.pdf())]);
    const stranger: Caller = { role: 'clerk', officeCode: await activeOffice() };
    const { documentId } = uploads[0]!;

    const foreign = await call(
      downloadDocument,
      apiEvent('download-document', { caller: stranger, pathParameters: { petitionId, documentId } }),
    );
    const pending = await call(
      downloadDocument,
      apiEvent('download-document', { caller: clerk, pathParameters: { petitionId, documentId } }),
    );

    expect([foreign.status, pending.status]).toEqual([404, 409]);
  });
});

describe('transient failures', () => {
  it('throws (so Lambda retries) when S3 fails mid-verification, leaves the document pending, and verifies on the retry', async () => {
    const bytes = scan.pdf();
    const { clerk, petitionId, uploads } = await draftWith([declaration(bytes)]);
    await upload(uploads[0]!, bytes);
    let failures = 1;
    const { verify: verifyOnce } = verificationOn((s3) =>
      s3.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'GetObjectCommand' && failures-- > 0)
            throw Object.assign(new Error('service unavailable'), { name: 'ServiceUnavailable', $retryable: {} });
          return next(args);
        },
        { step: 'initialize', name: 'injectFault' },
      ),
    );
    const key = keyOf(uploads[0]!.uploadUrl);

    await expect(verifyOnce(key)).rejects.toThrow('service unavailable');
    const afterFailure = (await documentsOf(clerk, petitionId))[0];
    const retried = await verifyOnce(key);

    expect(afterFailure).toMatchObject({ status: 'pending' });
    expect(retried).toBe('verified');
  });
});

describe('keeping the scans of a submitted petition', () => {
  /** The object's tags, read with the operator's key. */
  async function tagsOf(instruction: Upload): Promise<Record<string, string>> {
    const s3 = createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });
    const { TagSet } = await s3.send(
      new GetObjectTaggingCommand({ Bucket: process.env.DOCUMENTS_BUCKET!, Key: keyOf(instruction.uploadUrl) }),
    );
    s3.destroy();
    return Object.fromEntries((TagSet ?? []).map((tag) => [tag.Key, tag.Value]));
  }

  /** A petition submitted with two verified scans, and the bus's copy of its `submitted` event. */
  async function submittedWithTwoScans() {
    const scans = [scan.pdf(), scan.png()];
    const { clerk, petitionId, uploads } = await draftWith([
      declaration(scans[0]!),
      declaration(scans[1]!, { contentType: 'image/png', fileName: 'رسید.png' }),
    ]);
    for (const [i, instruction] of uploads.entries()) {
      await upload(instruction, scans[i]!);
      await verify(instruction);
    }
    await payInFull(clerk, petitionId);
    const submitted = await submit(clerk, petitionId);
    expect(submitted.status).toBe(200);
    const event = (await outboxEventsOf(petitionId)).find((e) => e.type === 'submitted')!;
    return {
      uploads,
      scans,
      busEvent: toBusEvent(event, { id: 'bus-1', account: '000000000000', region: 'me-central-1' }),
    };
  }

  it('leaves the scans tagged as drafts at submission; the submitted event has them kept', async () => {
    // Prepare
    const { uploads, busEvent } = await submittedWithTwoScans();
    const atSubmission = await Promise.all(uploads.map(tagsOf));

    // Act
    const result = await invoke('keep-documents', keepDocuments, busEvent);

    // Assess: submission itself made no S3 call; the keeper, under its own policy, re-tagged both
    expect(atSubmission).toEqual([{ lifecycle: 'draft' }, { lifecycle: 'draft' }]);
    expect(result).toEqual({ kept: 2 });
    expect(await Promise.all(uploads.map(tagsOf))).toEqual([{ lifecycle: 'kept' }, { lifecycle: 'kept' }]);
  });

  it('lets the keeper mark scans kept, and nothing else: never back to draft, never another tag', async () => {
    // Prepare
    const { uploads } = await submittedWithTwoScans();
    const s3 = createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });
    /** The keeper's tagging of the first scan: 'tagged', or the name of S3's refusal. */
    const tagAsKeeper = (tags: Array<{ Key: string; Value: string }>) =>
      asFunction('keep-documents', () =>
        s3.send(
          new PutObjectTaggingCommand({
            Bucket: process.env.DOCUMENTS_BUCKET!,
            Key: keyOf(uploads[0]!.uploadUrl),
            Tagging: { TagSet: tags },
          }),
        ),
      ).then(
        () => 'tagged',
        (error: Error) => error.name,
      );

    // Act
    const backToDraft = await tagAsKeeper([{ Key: 'lifecycle', Value: 'draft' }]);
    const withAnother = await tagAsKeeper([
      { Key: 'lifecycle', Value: 'kept' },
      { Key: 'owner', Value: 'x' },
    ]);
    const kept = await tagAsKeeper([{ Key: 'lifecycle', Value: 'kept' }]);
    s3.destroy();

    // Assess: the lifecycle rule would delete a scan set back to draft; IAM refuses it, as in AWS
    expect({ backToDraft, withAnother, kept }).toEqual({
      backToDraft: 'AccessDenied',
      withAnother: 'AccessDenied',
      kept: 'tagged',
    });
  });

  it('refuses an event its rule does not pass, leaving the scans as they are', async () => {
    // Prepare: the submission's event, turned into a withdrawal (a type only the notifier's rule passes)
    const { uploads, busEvent } = await submittedWithTwoScans();
    const misrouted = {
      ...busEvent,
      'detail-type': 'petition.withdrawn',
      detail: { ...busEvent.detail, type: 'withdrawn', data: { previousStatus: 'submitted' } },
    };

    // Act
    const outcome = await invoke('keep-documents', keepDocuments, misrouted as typeof busEvent).then(
      () => 'kept',
      () => 'refused',
    );

    // Assess: refused (so retried, then parked under alarm), and nothing tagged
    expect(outcome).toBe('refused');
    expect(await Promise.all(uploads.map(tagsOf))).toEqual([{ lifecycle: 'draft' }, { lifecycle: 'draft' }]);
  });

  it('takes a redelivered event calmly, and fails (retried, then parked under alarm) once a verified scan is gone', async () => {
    // Prepare
    const { uploads, busEvent } = await submittedWithTwoScans();
    await invoke('keep-documents', keepDocuments, busEvent);

    // Act
    const again = await invoke('keep-documents', keepDocuments, busEvent);
    // Read now: the failing keep below may still be re-writing this scan's tags when it throws.
    const keptAfterRedelivery = await tagsOf(uploads[0]!);
    const s3 = createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });
    await s3.send(
      new DeleteObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET!, Key: keyOf(uploads[1]!.uploadUrl) }),
    );
    s3.destroy();
    const afterLoss = await invoke('keep-documents', keepDocuments, busEvent).then(
      () => 'kept',
      () => 'failed',
    );

    // Assess: a lost scan of a submitted petition is an operator's call, never skipped in silence
    expect(again).toEqual({ kept: 2 });
    expect(keptAfterRedelivery).toEqual({ lifecycle: 'kept' });
    expect(afterLoss).toBe('failed');
  });

  it('keeps a scan uploaded again through its URL after submission: verification tags the new version kept', async () => {
    // Prepare: the keeper has kept the submitted scans; a client retries the first upload within
    // the URL's minutes, and the new current version carries the tag the URL signs
    const { uploads, scans, busEvent } = await submittedWithTwoScans();
    await invoke('keep-documents', keepDocuments, busEvent);
    const status = await upload(uploads[0]!, scans[0]!);
    const afterUpload = await tagsOf(uploads[0]!);

    // Act
    const outcome = await verify(uploads[0]!);

    // Assess: left as a draft, the lifecycle rule would expire the current version in 60 days and
    // hide the kept bytes behind a delete marker; verification, under its own policy, kept it
    expect(status).toBe(200);
    expect(afterUpload).toEqual({ lifecycle: 'draft' });
    expect(outcome).toMatchObject({ outcome: 'verified' });
    expect(await Promise.all(uploads.map(tagsOf))).toEqual([{ lifecycle: 'kept' }, { lifecycle: 'kept' }]);
  });

  it('leaves a draft’s scan uploaded again tagged draft, and a withdrawn draft’s: never submitted, they expire', async () => {
    // Prepare: two drafts with a verified scan each; the second stored as a withdrawal stores a
    // draft (status withdrawn, never submitted), written with the operator's key
    const draft = await draftWithVerifiedScan();
    const withdrawn = await draftWithVerifiedScan();
    const { petitions } = petitionAdaptersFromEnv();
    const stored = (await petitions.get(withdrawn.petitionId))!;
    await petitions.save({ ...stored, status: 'withdrawn', version: stored.version + 1 }, stored.version);
    await upload(draft.uploads[0]!, draft.bytes);
    await upload(withdrawn.uploads[0]!, withdrawn.bytes);

    // Act
    const outcomes = [await verify(draft.uploads[0]!), await verify(withdrawn.uploads[0]!)];

    // Assess: the draft rule still expires them, as it does a draft's first upload
    expect(outcomes).toEqual([
      expect.objectContaining({ outcome: 'verified' }),
      expect.objectContaining({ outcome: 'verified' }),
    ]);
    expect([await tagsOf(draft.uploads[0]!), await tagsOf(withdrawn.uploads[0]!)]).toEqual([
      { lifecycle: 'draft' },
      { lifecycle: 'draft' },
    ]);
  });
});
