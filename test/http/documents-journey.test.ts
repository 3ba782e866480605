import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningEdge } from '../../local/aws-edge/edge';
import { freePort, type RunningS3, startS3Server } from '../../local/engines';
import { handlerLoader } from '../../local/handlers';
import { forwardObjectCreated } from '../../local/s3-events';
import { EVENT_FUNCTIONS } from '../../shared/routes';
import { startFileEdge } from '../support/aws-edge';
import { declaration, scan, upload } from '../support/documents';
import { startTestGateway } from '../support/gateway';
import { payInFullOverHttp } from '../support/payments';
import { activeOffice, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * The whole document path as the local runtime runs it: this file's own S3 server (behind the
 * local AWS edge), whose object-created events reach the verification handler, exactly as
 * `npm start` wires them.
 */
let s3: RunningS3;
let edge: RunningEdge;
let gateway: Awaited<ReturnType<typeof startTestGateway>>;
const s3Dir = mkdtempSync(join(tmpdir(), 'jeso-journey-'));

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
  await gateway.stop();
  await edge.stop();
  await s3.stop();
  await dropStores();
  rmSync(s3Dir, { recursive: true, force: true });
});

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let waited = 0; ; waited += 100) {
    const value = await read();
    if (done(value) || waited > 10_000) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

it('drafts with two documents, uploads both to S3, verifies them on arrival, submits, and downloads the same bytes', async () => {
  const officeCode = await activeOffice();
  const headers = {
    authorization: `Bearer ${await gateway.token({ role: 'clerk', officeCode })}`,
    'content-type': 'application/json',
  };
  const deed = scan.pdf(50_000);
  const idCard = scan.jpeg(20_000);
  const body = petitionBody(undefined, {
    documents: [
      declaration(deed),
      declaration(idCard, { contentType: 'image/jpeg', fileName: 'کارت ملی.jpg', kind: 'identity-document' }),
    ],
  });

  const created = await fetch(`${gateway.baseUrl}/v1/petitions`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  const draft = (await created.json()) as {
    petitionId: string;
    uploads: Array<{ documentId: string; uploadUrl: string; headers: Record<string, string> }>;
  };
  const uploadStatuses = [await upload(draft.uploads[0]!, deed), await upload(draft.uploads[1]!, idCard)];
  const read = () =>
    fetch(`${gateway.baseUrl}/v1/petitions/${draft.petitionId}`, { headers }).then(
      (r) => r.json() as Promise<{ documents: Array<{ status: string }> }>,
    );
  const verified = await eventually(read, (p) => p.documents.every((d) => d.status === 'verified'));
  await payInFullOverHttp(gateway.baseUrl, headers.authorization, draft.petitionId);
  const submitted = await fetch(`${gateway.baseUrl}/v1/petitions/${draft.petitionId}/submit`, {
    method: 'POST',
    headers: { ...headers, 'idempotency-key': 'journey-with-documents-1' },
  });
  const grant = await fetch(
    `${gateway.baseUrl}/v1/petitions/${draft.petitionId}/documents/${draft.uploads[0]!.documentId}`,
    { headers },
  );
  const { downloadUrl } = (await grant.json()) as { downloadUrl: string };
  const downloaded = Buffer.from(await (await fetch(downloadUrl)).arrayBuffer());

  expect(created.status).toBe(201);
  expect(uploadStatuses).toEqual([200, 200]);
  expect(verified.documents.map((d) => d.status)).toEqual(['verified', 'verified']);
  expect(submitted.status).toBe(200);
  expect(grant.status).toBe(200);
  expect(downloaded.equals(deed)).toBe(true);
});
