import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import type { paths } from '../../client/api-types';
import type { RunningEdge } from '../../local/aws-edge/edge';
import { freePort, type RunningS3, startS3Server } from '../../local/engines';
import { handlerLoader } from '../../local/handlers';
import { forwardObjectCreated } from '../../local/s3-events';
import { EVENT_FUNCTIONS } from '../../shared/routes';
import { startFileEdge } from '../support/aws-edge';
import { scan, sha256, upload } from '../support/documents';
import { startTestGateway } from '../support/gateway';
import { payInFullOverHttp } from '../support/payments';
import { activeOffice, idempotencyKey, nationalId } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * The whole office journey as a front end written against the published contract would run it:
 * openapi-fetch with the generated client/api-types.ts, typed paths, parameters and bodies, no
 * casts. A contract change that would break such a front end fails `npm run typecheck` here.
 * This file's own S3 server sends its object-created events to verify-document, as `npm start` does.
 */
let s3: RunningS3;
let edge: RunningEdge;
let gateway: Awaited<ReturnType<typeof startTestGateway>>;
const s3Dir = mkdtempSync(join(tmpdir(), 'jeso-typed-client-'));

beforeAll(async () => {
  s3 = await startS3Server({ port: await freePort(), directory: s3Dir });
  // Behind an edge of its own, as `npm start` puts one in front of its S3 server.
  edge = await startFileEdge({ s3Upstream: s3.endpoint });
  await provisionStores();
  const load = handlerLoader(process.cwd());
  forwardObjectCreated(s3.server, process.env.DOCUMENTS_BUCKET!, () => load(EVENT_FUNCTIONS[0]!));
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.stop();
  await edge?.stop();
  await s3?.stop();
  await dropStores();
  rmSync(s3Dir, { recursive: true, force: true });
});

/** The answer's body, or a failure that says which status and problem came back instead. */
function body<D>(result: { data?: D; error?: unknown; response: Response }): D {
  if (result.data === undefined)
    throw new Error(`${result.response.url} answered ${result.response.status}: ${JSON.stringify(result.error)}`);
  return result.data;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let waited = 0; ; waited += 100) {
    const value = await read();
    if (done(value) || waited > 10_000) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('drafts, uploads, verifies, submits, has the court register it, lets the citizen track and rate it, and reports it', async () => {
  // Prepare: an active office, its clerk, the court, the province administrator and a citizen.
  // A front end that reads JSON: answers and problems in JSON media types (the report route also has CSV and SVG).
  const api = createClient<paths, `application/${string}json`>({ baseUrl: gateway.baseUrl });
  const officeCode = await activeOffice();
  const bearer = async (token: Parameters<typeof gateway.token>[0]) => ({
    authorization: `Bearer ${await gateway.token(token)}`,
  });
  const clerk = await bearer({ role: 'clerk', officeCode });
  const court = await bearer({ role: 'court' });
  const admin = await bearer({ role: 'province-admin' });
  const citizen = nationalId();
  const deed = scan.pdf(40_000);
  const key = idempotencyKey();

  // Act: the office drafts a petition with one scan and uploads it to the presigned URL.
  const draft = body(
    await api.POST('/v1/petitions', {
      headers: clerk,
      body: {
        kind: 'civil-petition',
        subject: 'مطالبه وجه چک',
        description: 'خواهان مبلغ چک برگشتی را مطالبه می‌کند.',
        claimAmountRials: '1250000000',
        parties: [
          {
            type: 'person',
            role: 'claimant',
            nationalId: citizen,
            firstName: 'زهرا',
            lastName: 'محمدی',
            fatherName: 'علی',
            mobile: '09151234567',
          },
          { type: 'legal-entity', role: 'defendant', nationalId: '10380284790', name: 'شرکت نمونه' },
        ],
        documents: [
          {
            kind: 'evidence',
            fileName: 'سند مالکیت.pdf',
            contentType: 'application/pdf',
            size: deed.length,
            sha256: sha256(deed),
            pages: 1,
          },
        ],
      },
    }),
  );
  const petitionId = draft.petitionId;
  const [instruction] = draft.uploads;
  const uploadStatus = instruction ? await upload(instruction, deed) : 'no upload instruction';
  const verified = await eventually(
    async () => body(await api.GET('/v1/petitions/{petitionId}', { headers: clerk, params: { path: { petitionId } } })),
    (petition) => petition.documents.every((document) => document.status === 'verified'),
  );

  // Act: the fees are paid at the gateway (the payer's browser), then it submits.
  const receipts = await payInFullOverHttp(gateway.baseUrl, clerk.authorization, petitionId);
  // Act: it submits with an Idempotency-Key, and a retry with the same key gets the same answer.
  const submit = () =>
    api.POST('/v1/petitions/{petitionId}/submit', {
      headers: clerk,
      params: { path: { petitionId }, header: { 'Idempotency-Key': key } },
      body: {},
    });
  const submission = body(await submit());
  const retried = body(await submit());

  // Act: the court dispatches the petition and registers it with a case number.
  const seen = body(await api.GET('/v1/petitions/{petitionId}', { headers: court, params: { path: { petitionId } } }));
  const dispatched = body(
    await api.POST('/v1/petitions/{petitionId}/transitions', {
      headers: court,
      params: { path: { petitionId } },
      body: { action: 'dispatch', expectedVersion: seen.version },
    }),
  );
  const registered = body(
    await api.POST('/v1/petitions/{petitionId}/transitions', {
      headers: court,
      params: { path: { petitionId } },
      body: { action: 'register', caseNumber: '140509123456', expectedVersion: dispatched.version },
    }),
  );

  // Act: the citizen tracks the petition and rates the office; the province reads the month.
  const tracked = body(
    await api.GET('/v1/track/{trackingCode}', {
      params: { path: { trackingCode: submission.trackingCode }, query: { nationalId: citizen } },
    }),
  );
  const feedback = await api.POST('/v1/feedback', {
    body: {
      trackingCode: submission.trackingCode,
      nationalId: citizen,
      ratings: { courtesy: 5, responsiveness: 4, overall: 5 },
      comment: 'کارکنان دفتر با حوصله راهنمایی کردند.',
    },
  });
  const report = body(
    await api.GET('/v1/reports/monthly/{month}', { headers: admin, params: { path: { month: submission.month } } }),
  );

  // Assess: through typed fields, so that a change of shape fails the type check, not only this run.
  const office = report.offices.find((row) => row.officeCode === officeCode);
  expect(draft.status).toBe('draft');
  expect(uploadStatus).toBe(200);
  expect(verified.documents.map((document) => document.status)).toEqual(['verified']);
  expect(receipts.map((receipt) => receipt.payee)).toEqual(['judiciary', 'office']);
  expect([submission.petitionId, submission.status]).toEqual([petitionId, 'submitted']);
  expect(submission.trackingCode).toMatch(/^\d{12}$/);
  expect(retried).toEqual(submission);
  expect(dispatched.status).toBe('dispatched');
  expect([registered.status, registered.caseNumber]).toEqual(['registered', '140509123456']);
  expect([tracked.trackingCode, tracked.status.code, tracked.kind.code]).toEqual([
    submission.trackingCode,
    'registered',
    'civil-petition',
  ]);
  expect(tracked.office.name).toBe('دفتر خدمات الکترونیک قضایی آزمون');
  expect(tracked.submitted.at).toBe(submission.submittedAt);
  expect(feedback.response.status).toBe(201);
  expect(report.month).toBe(submission.month);
  expect([office?.registered, office?.byKind['civil-petition'], office?.ratings.responses]).toEqual([1, 1, 1]);
  expect([office?.ratings.courtesy, office?.ratings.responsiveness, office?.ratings.overall]).toEqual([5, 4, 5]);
}, 60_000);
