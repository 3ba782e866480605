import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningEdge } from '../../local/aws-edge/edge';
import { applyDocumentsCors } from '../../local/cors';
import { freePort, type RunningS3, startS3Server } from '../../local/engines';
import { handlerLoader } from '../../local/handlers';
import { forwardObjectCreated } from '../../local/s3-events';
import { createS3Client } from '../../shared/adapters/s3-client';
import { readEnv, tableEnvShape } from '../../shared/config';
import { EVENT_FUNCTIONS } from '../../shared/routes';
import { startFileEdge } from '../support/aws-edge';
import { ARTIFACTS, launchChromium, servePage } from '../support/browser';
import { startTestGateway } from '../support/gateway';
import { payInFullOverHttp } from '../support/payments';
import { activeOffice, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * A web front end as the product's main client: a page served from an allowed origin, in a real
 * headless Chromium, drafts a petition with a scan, PUTs the bytes to the presigned URL, waits
 * for verification, submits and shows the tracking code. CORS on the API and on the documents
 * bucket decides whether the browser lets it; the same page from another origin is refused.
 */
let s3: RunningS3;
let edge: RunningEdge;
let browser: Browser;
let gateway: Awaited<ReturnType<typeof startTestGateway>>;
let allowedPage: Awaited<ReturnType<typeof servePage>>;
let otherPage: Awaited<ReturnType<typeof servePage>>;
let officeCode: string;
const s3Dir = mkdtempSync(join(tmpdir(), 'jeso-browser-'));

/** The page: plain HTML and a script, as a minimal front end would do it with fetch. */
function page(apiBase: string, petition: unknown): string {
  return `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>ثبت دادخواست</title>
<style>body{font-family:sans-serif;margin:2rem}dt{font-weight:bold}</style></head>
<body><h1>ثبت دادخواست (آزمون مرورگر)</h1>
<dl><dt>وضعیت</dt><dd id="status">در حال اجرا</dd><dt>کد رهگیری</dt><dd id="tracking">-</dd></dl>
<script type="module">
const api = ${JSON.stringify(apiBase)};
const show = (id, text) => { document.getElementById(id).textContent = text; };
const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
try {
  const token = await (await fetch('/token')).text();
  const auth = { authorization: 'Bearer ' + token, 'accept-language': 'fa' };
  const bytes = new TextEncoder().encode('%PDF-1.7\\n' + 'scan '.repeat(600));
  const sha256 = hex(await crypto.subtle.digest('SHA-256', bytes));
  const petition = { ...${JSON.stringify(petition)}, documents: [{ kind: 'evidence', fileName: 'سند.pdf',
    contentType: 'application/pdf', size: bytes.length, sha256 }] };
  const created = await fetch(api + '/v1/petitions', { method: 'POST', headers: { ...auth, 'content-type':
    'application/json' }, body: JSON.stringify(petition) });
  if (created.status !== 201) throw new Error('create ' + created.status);
  const draft = await created.json();
  show('status', 'پیش‌نویس ' + draft.petitionId);
  const upload = draft.uploads[0];
  const { 'content-length': _browserSetsIt, ...headers } = upload.headers;
  const put = await fetch(upload.uploadUrl, { method: 'PUT', headers, body: bytes });
  if (!put.ok) throw new Error('upload ' + put.status);
  for (let i = 0; ; i++) {
    const current = await (await fetch(api + '/v1/petitions/' + draft.petitionId, { headers: auth })).json();
    if (current.documents[0].status === 'verified') break;
    if (i > 100) throw new Error('not verified: ' + current.documents[0].status);
    await new Promise((r) => setTimeout(r, 100));
  }
  // The fees: the payer pays at the gateway (in another window, here the test); the page waits.
  show('status', 'پرداخت ' + draft.petitionId);
  for (let i = 0; ; i++) {
    const fees = await (await fetch(api + '/v1/petitions/' + draft.petitionId + '/fees', { headers: auth })).json();
    if (fees.balance.dueRials === '0') break;
    if (i > 200) throw new Error('not paid: ' + fees.balance.dueRials);
    await new Promise((r) => setTimeout(r, 100));
  }
  const submitted = await fetch(api + '/v1/petitions/' + draft.petitionId + '/submit', { method: 'POST',
    headers: { ...auth, 'idempotency-key': crypto.randomUUID() } });
  if (submitted.status !== 200) throw new Error('submit ' + submitted.status);
  const submission = await submitted.json();
  show('tracking', submission.trackingCode);
  show('status', 'ثبت شد: ' + submission.status + ' (' + submitted.headers.get('x-correlation-id') + ')');
} catch (error) {
  show('status', 'خطا: ' + error.message);
}
</script></body></html>`;
}

beforeAll(async () => {
  s3 = await startS3Server({ port: await freePort(), directory: s3Dir });
  // Behind an edge of its own, as `npm start` puts one in front of its S3 server: the browser's PUT
  // is checked there against the presigned signature, and CORS preflights pass through to S3.
  edge = await startFileEdge({ s3Upstream: s3.endpoint });
  await provisionStores();
  officeCode = await activeOffice();
  const load = handlerLoader(process.cwd());
  forwardObjectCreated(s3.server, process.env.DOCUMENTS_BUCKET!, () => load(EVENT_FUNCTIONS[0]!));

  // Two origins for the same page: 127.0.0.1 is allowed, localhost (another origin) is not.
  // The page's own server hands it a local token, as `npm run token` would a developer.
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/token') {
      void gateway.token({ role: 'clerk', officeCode }).then((token) => res.end(token));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(gateway.baseUrl, petitionBody()));
  };
  allowedPage = await servePage('127.0.0.1', serve);
  otherPage = await servePage('localhost', serve);
  gateway = await startTestGateway({ allowedOrigins: [allowedPage.origin] });
  const s3Client = createS3Client(readEnv(tableEnvShape));
  await applyDocumentsCors(s3Client, process.env.DOCUMENTS_BUCKET!, [allowedPage.origin]);
  s3Client.destroy();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([gateway?.stop(), allowedPage?.stop(), otherPage?.stop()]);
  await edge?.stop();
  await s3?.stop();
  await dropStores();
  rmSync(s3Dir, { recursive: true, force: true });
});

async function runPage(origin: string, screenshot: string) {
  const tab = await browser.newPage();
  const consoleErrors: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await tab.goto(`${origin}/`);
  // The payer pays the quote at the gateway while the page waits for it.
  await tab.waitForFunction("/^(پرداخت|خطا|ثبت)/.test(document.getElementById('status').textContent)", undefined, {
    timeout: 20_000,
  });
  const paying = /^پرداخت (\S+)/.exec((await tab.textContent('#status')) ?? '');
  if (paying) {
    const clerk = `Bearer ${await gateway.token({ role: 'clerk', officeCode })}`;
    await payInFullOverHttp(gateway.baseUrl, clerk, paying[1]!);
  }
  // Done once the status is neither "running" nor the intermediate "draft ..." line.
  await tab.waitForFunction(
    "!/^(در حال اجرا|پیش‌نویس|پرداخت)/.test(document.getElementById('status').textContent)",
    undefined,
    { timeout: 20_000 },
  );
  const path = join(ARTIFACTS, screenshot);
  await tab.screenshot({ path, fullPage: true });
  console.log(`browser screenshot: ${path}`);
  const result = {
    status: (await tab.textContent('#status')) ?? '',
    tracking: (await tab.textContent('#tracking')) ?? '',
    consoleErrors,
  };
  await tab.close();
  return result;
}

it('lets a page from an allowed origin draft, upload a scan, wait for verification and submit', async () => {
  const result = await runPage(allowedPage.origin, 'front-end-journey-allowed.png');

  expect(result.consoleErrors).toEqual([]);
  expect(result.status).toMatch(/^ثبت شد: submitted/);
  expect(result.tracking).toMatch(/^\d{12}$/);
  expect(result.consoleErrors).toEqual([]);
}, 60_000);

it('lets the browser refuse the same page from an origin that is not allowed', async () => {
  const result = await runPage(otherPage.origin, 'front-end-journey-refused.png');

  expect(result.status).toBe('خطا: Failed to fetch');
  expect(result.tracking).toBe('-');
  expect(result.consoleErrors.join('\n')).toMatch(/CORS policy/);
}, 60_000);
