import { logger } from '../../shared/observability/logger';
import { declaration, scan, upload } from '../support/documents';
import { startTestGateway } from '../support/gateway';
import { payInFullOverHttp } from '../support/payments';
import { activeOffice, idempotencyKey, nationalId, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * Runs every route with personal data in its input, through the gateway, with the logger at its
 * most talkative, and scans everything written to stdout and stderr: no national ID, name or
 * mobile number may appear.
 */
let gateway: Awaited<ReturnType<typeof startTestGateway>>;
const captured: string[] = [];
const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

beforeAll(async () => {
  await provisionStores();
  gateway = await startTestGateway();
  logger.setLogLevel('DEBUG');
  const capture = (chunk: unknown) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
});
afterAll(async () => {
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
  logger.setLogLevel('ERROR');
  await gateway.stop();
  await dropStores();
});

it('logs no national ID, name or mobile number on any route, on success or failure', async () => {
  const officeCode = await activeOffice();
  const claimantId = nationalId();
  const secrets = [claimantId, 'شهرزاد', 'کیانفر', 'بهرام‌علی', '09127654321', '10380284790'];
  const person = {
    type: 'person',
    role: 'claimant',
    nationalId: claimantId,
    firstName: 'شهرزاد',
    lastName: 'کیانفر',
    fatherName: 'بهرام‌علی',
    mobile: '09127654321',
  };
  const body = {
    ...petitionBody(claimantId),
    parties: [person, { type: 'legal-entity', role: 'defendant', nationalId: '10380284790', name: 'شرکت نمونه' }],
  };
  const clerk = {
    authorization: `Bearer ${await gateway.token({ role: 'clerk', officeCode })}`,
    'content-type': 'application/json',
  };
  const court = {
    authorization: `Bearer ${await gateway.token({ role: 'court' })}`,
    'content-type': 'application/json',
  };
  const admin = {
    authorization: `Bearer ${await gateway.token({ role: 'province-admin' })}`,
    'content-type': 'application/json',
  };
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${gateway.baseUrl}${path}`, init).then(async (r) => ({ status: r.status, body: await r.text() }));
  const bytes = scan.pdf();

  const created = await api('/v1/petitions', {
    method: 'POST',
    headers: clerk,
    body: JSON.stringify({ ...body, documents: [declaration(bytes)] }),
  });
  const { petitionId, uploads } = JSON.parse(created.body) as {
    petitionId: string;
    uploads: Array<{ documentId: string; uploadUrl: string; headers: Record<string, string> }>;
  };
  await upload(uploads[0]!, bytes);
  await api(`/v1/petitions/${petitionId}/documents/${uploads[0]!.documentId}`, { headers: clerk });
  await api(`/v1/petitions/${petitionId}/documents`, {
    method: 'POST',
    headers: clerk,
    body: JSON.stringify({ documents: [declaration(bytes, { fileName: `${claimantId}.pdf` })] }),
  });
  const plain = await api('/v1/petitions', { method: 'POST', headers: clerk, body: JSON.stringify(body) });
  const plainId = (JSON.parse(plain.body) as { petitionId: string }).petitionId;
  // The fees and payment routes log too: the quote, the payment start, the gateway's callback.
  await payInFullOverHttp(gateway.baseUrl, clerk.authorization, plainId);
  const submitted = await api(`/v1/petitions/${plainId}/submit`, {
    method: 'POST',
    headers: { ...clerk, 'idempotency-key': idempotencyKey() },
  });
  const { trackingCode } = JSON.parse(submitted.body) as { trackingCode: string };
  const statuses = [
    created.status,
    submitted.status,
    (await api(`/v1/petitions/${plainId}`, { headers: clerk })).status,
    (await api(`/v1/petitions?limit=5`, { headers: clerk })).status,
    (
      await api(`/v1/petitions/${plainId}/transitions`, {
        method: 'POST',
        headers: court,
        body: JSON.stringify({
          action: 'return',
          defects: ['evidence'],
          note: `${person.firstName} ${person.mobile}`,
          expectedVersion: 2,
        }),
      })
    ).status,
    (await api(`/v1/track/${trackingCode}?nationalId=${claimantId}`)).status,
    (await api(`/v1/track/${trackingCode}?nationalId=${nationalId()}`)).status,
    (
      await api('/v1/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          trackingCode,
          nationalId: claimantId,
          ratings: { courtesy: 5, responsiveness: 5, overall: 5 },
          comment: `${person.firstName} ${person.mobile}`,
        }),
      })
    ).status,
    // Failures that echo input: a bad ID, a bad mobile, unknown fields holding personal data, broken JSON.
    (
      await api('/v1/petitions', {
        method: 'POST',
        headers: clerk,
        body: JSON.stringify({
          ...body,
          parties: [{ ...person, nationalId: `${claimantId.slice(0, 9)}0`, mobile: '0912' }],
          [claimantId]: person.lastName,
        }),
      })
    ).status,
    (
      await api('/v1/petitions', {
        method: 'POST',
        headers: clerk,
        body: `{"parties":[{"nationalId":"${claimantId}","firstName":"${person.firstName}"`,
      })
    ).status,
    (await api(`/v1/track/${trackingCode}?nationalId=${claimantId}&mobile=${person.mobile}`)).status,
    (await api(`/v1/offices`, { headers: admin })).status,
    (await api(`/v1/reports/monthly/1405-09`, { headers: admin })).status,
  ];

  expect(statuses.slice(0, 8)).toEqual([201, 200, 200, 200, 200, 200, 404, 201]);
  expect(statuses.slice(8)).toEqual([400, 400, 400, 200, 200]);
  const logs = captured.join('');
  expect(logs).toContain('"correlation_id"');
  for (const secret of secrets) expect(logs).not.toContain(secret);
});
