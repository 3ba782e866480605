import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { bundleFunction } from '../infra/bundling';
import { powertoolsVariables } from '../infra/names';
import { createVerifier, loadOrCreateKeys, signToken, type TokenRequest } from '../local/auth';
import { recordPaidInFull } from '../local/demo-payments';
import { createGateway } from '../local/gateway';
import {
  LAMBDA_DRIVER_SOURCE,
  lambdaRuntimeVariables,
  sampledTraceHeader,
  startTraceDaemon,
  type TraceDaemon,
} from '../local/lambda-environment';
import type { ApiEvent } from '../shared/http/types';
import { ROUTES } from '../shared/routes';
import type { startBenchStack } from './local-stack';
import { BENCH_CLAIMANT, samplePetition } from './sample-petition';

type Stack = Awaited<ReturnType<typeof startBenchStack>>;

export const COLD_RUNS = 9;
/**
 * Petitions drafted, submitted, tracked, read and listed through the gateway before the first
 * sample. DynamoDB Local is a Java program: a kind of request it has served only a few times runs
 * in the interpreter. Without this, a cold submission's TransactWriteItems waited 48–80 ms; after
 * 100 submissions, 10–25 ms (profiles of 9 cold submissions each, 2026-11-29). AWS's DynamoDB has
 * no such warm-up, and the baseline's GetItem is warm from its first sample. Event functions,
 * whose requests the gateway does not make, run untimed first (`warmUps`).
 */
const ENGINE_WARM_UP = 100;
const EVENT_WARM_UPS = 3;
/** A demo office of Birjand (bench/local-stack.ts seeds the registry, its courts and the fee schedules). */
const OFFICE = '56102';
const MiB = 2 ** 20;

export interface ColdFigure {
  name: string;
  /** Median ms from process start to the first answer. */
  medianMs: number;
  /** Median ms from process start to the end of module load (Node's own start included). */
  loadedMs: number;
  /** Median ms of the first call: from the end of module load to the answer. */
  firstCallMs: number;
  /** Median of the baseline samples taken alternately with this function's. */
  baselineMs: number;
  /** The same two parts of the baseline's samples. */
  baselineLoadedMs: number;
  baselineFirstCallMs: number;
  /** Median of the per-pair ratios (function sample / the baseline sample just before it). */
  ratio: number;
  /** What the first answer was (HTTP status, or the event function's outcome). */
  answer: string;
  kind: 'data' | 'event' | 'no data';
}

/**
 * "Cold start to first answer": a fresh Node process imports the function's bundle (built as the
 * stack builds it), makes its clients from the environment a deployed function has, and answers
 * one representative request against DynamoDB Local (and the local S3 server); the time is
 * `performance.now()` at the answer, which counts from the process's own start. The baseline is a
 * bundle holding only a bare DynamoDB client that answers one `GetItem`, run the same way.
 * Baseline and function alternate, sample by sample, so that the machine's drift falls on both.
 *
 * The process is set up as Lambda sets one up (local/lambda-environment.ts), with a sampled trace
 * header: the Tracer is on, and the first answer includes tracing the handler and every AWS call,
 * sent to a stand-in for the X-Ray daemon. Every timed run must have sent its handler's trace.
 */
export async function measureColdStarts(stack: Stack, workDir: string): Promise<ColdFigure[]> {
  mkdirSync(workDir, { recursive: true });
  const daemon = await startTraceDaemon();
  try {
    return await measureTraced(stack, workDir, daemon);
  } finally {
    await daemon.close();
  }
}

async function measureTraced(stack: Stack, workDir: string, daemon: TraceDaemon): Promise<ColdFigure[]> {
  const env = {
    ...process.env,
    ...lambdaRuntimeVariables({ functionName: 'bench', taskRoot: workDir, daemonPort: daemon.port }),
    SMS_PROVIDER: 'local-sink',
    SMS_WEBHOOK_SECRET: 'b'.repeat(40),
  };
  const bundle = async (name: string, entry: string) =>
    (await bundleFunction(entry, resolve(workDir, `cold-${name}`))).entry;
  const baselineEntry = resolve(workDir, 'bare-dynamodb-getitem.ts');
  writeFileSync(
    baselineEntry,
    "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';\n" +
      'const client = new DynamoDBClient({ region: process.env.AWS_REGION, endpoint: process.env.DYNAMODB_ENDPOINT });\n' +
      'export const handler = async () => { const r = await client.send(new GetItemCommand({ TableName: ' +
      "process.env.TABLE_NAME, Key: { pk: { S: 'OFFICE#00000' }, sk: { S: 'OFFICE' } } })); " +
      'return { statusCode: r.$metadata.httpStatusCode }; };\n',
  );
  const driver = resolve(workDir, 'cold-driver.mjs');
  writeFileSync(driver, LAMBDA_DRIVER_SOURCE);
  const invocationFile = resolve(workDir, 'cold-invocation.json');
  const tracesSent: string[] = [];
  // Asynchronous: the local S3 server runs in this process and must keep answering meanwhile.
  const run = (file: string, functionId: string | undefined, event: unknown) =>
    new Promise<Sample>((done, fail) => {
      const trace = sampledTraceHeader();
      if (functionId) tracesSent.push(trace.root);
      writeFileSync(invocationFile, JSON.stringify([{ event, traceHeader: trace.header }]));
      execFile(
        process.execPath,
        [driver, file, invocationFile],
        // A function's Powertools settings are its deployed ones (metrics on, logs at INFO).
        { encoding: 'utf8', env: { ...env, ...(functionId ? powertoolsVariables(functionId) : {}) } },
        (error, out, err) => {
          const line = out.trim().split('\n').pop() ?? '';
          if (error || !line.startsWith('{')) {
            const why = err.split('\n').filter((l) => /^\w*Error|^\s+at /.test(l) && l.length < 300);
            fail(new Error(`cold start of ${file} failed: ${why.slice(0, 6).join(' ')}`));
          } else {
            const { loadedAt, answeredAt, answers } = JSON.parse(line) as {
              loadedAt: number;
              answeredAt: number[];
              answers: string[];
            };
            done({ ms: answeredAt[0] ?? Number.NaN, loadedMs: loadedAt, answer: answers[0] ?? '' });
          }
        },
      );
    });

  // BENCH_COLD_FUNCTIONS=verify-document,track-petition measures only those (while working on one).
  const only = process.env.BENCH_COLD_FUNCTIONS?.split(',').map((id) => id.trim());
  const cases = (await coldCases(stack)).filter((c) => !only || only.includes(c.id));
  if (cases.length === 0) throw new Error(`BENCH_COLD_FUNCTIONS names no measured function: ${only?.join(', ')}`);
  const baseline = await bundle('baseline', baselineEntry);
  const figures: ColdFigure[] = [];
  for (const c of cases) {
    const file = await bundle(c.id, resolve('functions', `${c.id}.ts`));
    const eventOf = (i: number) => c.events[Math.min(i, c.events.length - 1)];
    for (const event of c.warmUps ?? []) await run(file, c.id, event);
    const pairs: { base: Sample; fn: Sample }[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const base = await run(baseline, undefined, {});
      const fn = await run(file, c.id, eventOf(i));
      pairs.push({ base, fn });
    }
    const medianOf = (part: (sample: Sample) => number, side: 'base' | 'fn') => median(pairs.map((p) => part(p[side])));
    const firstCall = (sample: Sample) => sample.ms - sample.loadedMs;
    figures.push({
      name: c.id,
      kind: c.kind,
      medianMs: medianOf((s) => s.ms, 'fn'),
      loadedMs: medianOf((s) => s.loadedMs, 'fn'),
      firstCallMs: medianOf(firstCall, 'fn'),
      baselineMs: medianOf((s) => s.ms, 'base'),
      baselineLoadedMs: medianOf((s) => s.loadedMs, 'base'),
      baselineFirstCallMs: medianOf(firstCall, 'base'),
      ratio: median(pairs.map((p) => p.fn.ms / p.base.ms)),
      answer: [...new Set(pairs.map((p) => p.fn.answer))].join('/'),
    });
  }
  let untraced = 0;
  for (const root of tracesSent) {
    const documents = await daemon.traceOf(root);
    if (!documents.some((document) => document.name === '## index.handler')) untraced += 1;
  }
  if (untraced) throw new Error(`${untraced} of ${tracesSent.length} cold starts sent no trace`);
  return figures;
}

/** One cold start: ms from process start to the answer and to the end of module load. */
interface Sample {
  ms: number;
  loadedMs: number;
  answer: string;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

interface ColdCase {
  id: string;
  kind: ColdFigure['kind'];
  /** One event per run where a run changes state (a submission, a verification); else one for all. */
  events: unknown[];
  /** Run untimed before the samples, one process each (the report job's first produces the closed months). */
  warmUps?: unknown[];
}

/**
 * The representative first requests, as API Gateway events made by the local gateway itself (a
 * gateway whose handler only records the event), and data for them made through the real gateway.
 */
async function coldCases(stack: Stack): Promise<ColdCase[]> {
  const clerk = await stack.token({ role: 'clerk', officeCode: OFFICE });
  const json = { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' };
  const claimant = BENCH_CLAIMANT;
  const draftBody = (documents: unknown[] = []) => JSON.stringify(samplePetition(documents));
  // A clerk's draft declares its scans, and gets a signed upload URL for each: the average
  // petition of the cost model has three of 1 MB.
  const declaredScans = [1, 2, 3].map((n) => ({
    kind: 'evidence',
    fileName: `scan-${n}.pdf`,
    contentType: 'application/pdf',
    size: MiB,
    sha256: createHash('sha256').update(`scan ${n}`).digest('hex'),
    pages: 2,
  }));
  const call = async (method: string, path: string, body?: string, headers: Record<string, string> = json) => {
    const response = await fetch(`${stack.baseUrl}${path}`, { method, headers, ...(body ? { body } : {}) });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  // Drafts are paid as a verified gateway callback leaves them: submission needs it, payment is not measured here.
  const draft = async () => {
    const petitionId = (await call('POST', '/v1/petitions', draftBody())).petitionId as string;
    await recordPaidInFull(petitionId);
    return petitionId;
  };

  // A submitted petition to read and track, and fresh drafts for the cold submissions.
  const shown = await draft();
  const submitted = await call('POST', `/v1/petitions/${shown}/submit`, undefined, {
    ...json,
    'idempotency-key': randomUUID(),
  });
  for (let i = 0; i < ENGINE_WARM_UP; i++) {
    const petitionId = await draft();
    const { trackingCode } = await call('POST', `/v1/petitions/${petitionId}/submit`, undefined, {
      ...json,
      'idempotency-key': randomUUID(),
    });
    await call('GET', `/v1/track/${trackingCode as string}?nationalId=${claimant}`, undefined, {});
    await call('GET', `/v1/petitions/${petitionId}`);
    await call('GET', '/v1/petitions?limit=20');
  }
  const drafts: string[] = [];
  for (let i = 0; i < COLD_RUNS; i++) drafts.push(await draft());

  // One 1 MB scan per verification (the untimed ones too), uploaded through its presigned URL.
  const scan = Buffer.alloc(MiB, 0x20);
  scan.write('%PDF-1.7\n');
  const sha256 = createHash('sha256').update(scan).digest('hex');
  const uploads: unknown[] = [];
  for (let i = 0; i < EVENT_WARM_UPS + COLD_RUNS; i++) {
    const created = await call(
      'POST',
      '/v1/petitions',
      draftBody([
        { kind: 'evidence', fileName: 'scan.pdf', contentType: 'application/pdf', size: scan.length, sha256, pages: 2 },
      ]),
    );
    const upload = (
      created.uploads as { documentId: string; uploadUrl: string; headers: Record<string, string> }[]
    )[0]!;
    const put = await fetch(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body: scan });
    if (put.status !== 200) throw new Error(`upload answered ${put.status}`);
    uploads.push({
      'detail-type': 'Object Created',
      source: 'aws.s3',
      detail: {
        bucket: { name: process.env.DOCUMENTS_BUCKET },
        object: { key: `petitions/${created.petitionId as string}/${upload.documentId}`, size: scan.length },
      },
    });
  }

  const events = await recordEvents([
    { id: 'health', method: 'GET', path: '/v1/health' },
    { id: 'get-office', method: 'GET', path: `/v1/offices/${OFFICE}`, token: { role: 'clerk', officeCode: OFFICE } },
    { id: 'list-offices', method: 'GET', path: '/v1/offices', token: { role: 'clerk', officeCode: OFFICE } },
    {
      id: 'create-petition',
      method: 'POST',
      path: '/v1/petitions',
      body: draftBody(declaredScans),
      token: { role: 'clerk', officeCode: OFFICE },
    },
    { id: 'get-petition', method: 'GET', path: `/v1/petitions/${shown}`, token: { role: 'clerk', officeCode: OFFICE } },
    {
      id: 'list-petitions',
      method: 'GET',
      path: '/v1/petitions?limit=20',
      token: { role: 'clerk', officeCode: OFFICE },
    },
    {
      id: 'track-petition',
      method: 'GET',
      path: `/v1/track/${submitted.trackingCode as string}?nationalId=${claimant}`,
    },
    ...drafts.map((petitionId) => ({
      id: 'submit-petition',
      method: 'POST',
      path: `/v1/petitions/${petitionId}/submit`,
      token: { role: 'clerk', officeCode: OFFICE } as TokenRequest,
      headers: { 'idempotency-key': randomUUID() },
    })),
  ]);
  const byId = (id: string) => events.filter((e) => e.id === id).map((e) => e.event);
  return [
    { id: 'health', kind: 'no data', events: byId('health') },
    ...['get-office', 'list-offices', 'create-petition', 'get-petition', 'list-petitions', 'track-petition'].map(
      (id) => ({ id, kind: 'data' as const, events: byId(id) }),
    ),
    { id: 'submit-petition', kind: 'data', events: byId('submit-petition') },
    {
      id: 'verify-document',
      kind: 'event',
      events: uploads.slice(EVENT_WARM_UPS),
      warmUps: uploads.slice(0, EVENT_WARM_UPS),
    },
    // The job's first run produces the closed months' reports; the cold runs then have nothing to do.
    { id: 'monthly-report-job', kind: 'event', events: [{}], warmUps: Array(EVENT_WARM_UPS).fill({}) },
  ];
}

interface Request {
  id: string;
  method: string;
  path: string;
  body?: string;
  token?: TokenRequest;
  headers?: Record<string, string>;
}

/** API Gateway v2 events exactly as the local gateway builds them (JWT verified, claims flattened). */
async function recordEvents(requests: Request[]): Promise<{ id: string; event: ApiEvent }[]> {
  const keys = await loadOrCreateKeys(resolve('.bench', 'cold-auth'));
  let recorded: ApiEvent | undefined;
  const server = createGateway({
    routes: ROUTES,
    verifyToken: await createVerifier(keys),
    loadHandler: (async () => async (event: ApiEvent) => {
      recorded = event;
      return { statusCode: 204 };
    }) as never,
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const out: { id: string; event: ApiEvent }[] = [];
  try {
    for (const request of requests) {
      recorded = undefined;
      const headers: Record<string, string> = { 'content-type': 'application/json', ...request.headers };
      if (request.token) headers.authorization = `Bearer ${await signToken(keys, request.token)}`;
      const response = await fetch(`http://127.0.0.1:${port}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body ? { body: request.body } : {}),
      });
      await response.arrayBuffer();
      if (!recorded)
        throw new Error(`the gateway did not pass ${request.method} ${request.path} on (${response.status})`);
      out.push({ id: request.id, event: recorded });
    }
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
  }
  return out;
}
