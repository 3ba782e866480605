import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { handler as createPetition } from '../../functions/create-petition';
import { esbuildOptions } from '../../infra/bundling';
import { serviceName } from '../../infra/names';
import { credentialsOf } from '../../local/aws-edge/identity';
import { apiEvent, type Caller, call } from '../support/api-event';
import { declaration, keyOf, objectCreated, scan, upload } from '../support/documents';
import { activeOffice, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * In Lambda, active tracing draws the function's segment, and Powertools' Tracer adds one
 * subsegment for the handler and one for each AWS call, sent over UDP to the X-Ray daemon that
 * Lambda runs beside the function. Everywhere else the Tracer is off (it looks for Lambda's
 * variables), so no other test sees a trace. Here the shipped bundle runs in a process set up as
 * Lambda sets one up: its variables, the function's own credentials, a trace header per
 * invocation, and a daemon address where a UDP socket of the test listens.
 */
interface TraceDocument {
  id: string;
  name: string;
  trace_id: string;
  parent_id?: string;
  namespace?: string;
  annotations?: Record<string, unknown>;
  aws?: { operation?: string; table_name?: string };
  http?: { response?: { status?: number } };
  fault?: boolean;
  error?: boolean;
  subsegments?: TraceDocument[];
}

const workDir = mkdtempSync(join(tmpdir(), 'jeso-tracing-'));
const daemon = createSocket('udp4');
const received: string[] = [];
daemon.on('message', (message) => received.push(message.toString('utf8')));

beforeAll(async () => {
  await provisionStores();
  await new Promise<void>((bound) => daemon.bind(0, '127.0.0.1', bound));
});
afterAll(async () => {
  await new Promise<void>((closed) => daemon.close(() => closed()));
  rmSync(workDir, { recursive: true, force: true });
  await dropStores();
});

// Runs the bundle's handler once per event, each under its own trace header, as the Node.js
// runtime does: it sets _X_AMZN_TRACE_ID before every invocation.
const DRIVER = `
import { readFileSync } from 'node:fs';
const [bundle, invocationsFile] = process.argv.slice(2);
const invocations = JSON.parse(readFileSync(invocationsFile, 'utf8'));
const { handler } = await import(bundle);
for (const [index, { event, traceHeader }] of invocations.entries()) {
  process.env._X_AMZN_TRACE_ID = traceHeader;
  await handler(event, { functionName: process.env.AWS_LAMBDA_FUNCTION_NAME, functionVersion: '$LATEST',
    awsRequestId: 'request-' + index, memoryLimitInMB: '512', getRemainingTimeInMillis: () => 10000,
    invokedFunctionArn: 'arn:aws:lambda:me-central-1:000000000000:function:traced' });
}
`;

interface Invocation {
  event: unknown;
  traceHeader: string;
}

let traces = 0;
function traceHeader(): { header: string; root: string; parent: string } {
  traces += 1;
  const root = `1-${Math.floor(Date.now() / 1000).toString(16)}-${String(traces).padStart(24, 'a')}`;
  const parent = `${String(traces).padStart(16, 'b')}`;
  return { header: `Root=${root};Parent=${parent};Sampled=1`, root, parent };
}

async function runAsLambda(functionId: string, invocations: Invocation[]): Promise<void> {
  const bundle = join(workDir, `${functionId}.mjs`);
  await build({ ...esbuildOptions, entryPoints: [resolve('functions', `${functionId}.ts`)], outfile: bundle });
  const driver = join(workDir, 'driver.mjs');
  writeFileSync(driver, DRIVER);
  const invocationsFile = join(workDir, `${functionId}-invocations.json`);
  writeFileSync(invocationsFile, JSON.stringify(invocations));
  const secret = process.env.LOCAL_EDGE_SECRET;
  const tenant = process.env.TEST_TENANT ?? '';
  const credentials = secret ? credentialsOf(secret, { kind: 'function', tenant, functionId }) : undefined;
  const { port } = daemon.address();
  await new Promise<void>((done, fail) =>
    execFile(
      process.execPath,
      [driver, bundle, invocationsFile],
      {
        env: {
          ...process.env,
          LAMBDA_TASK_ROOT: workDir,
          AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
          AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
          AWS_LAMBDA_FUNCTION_NAME: `traced-${functionId}`,
          _HANDLER: 'index.handler',
          AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${port}`,
          POWERTOOLS_SERVICE_NAME: serviceName(functionId),
          POWERTOOLS_METRICS_DISABLED: 'true',
          POWERTOOLS_LOG_LEVEL: 'ERROR',
          ...(credentials
            ? { AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey }
            : {}),
        },
      },
      (error, _out, err) => (error ? fail(new Error(`${functionId} failed: ${err.slice(0, 2000)}`)) : done()),
    ),
  );
}

/** Every document the daemon got for a trace, subsegments sent inside their parent included. */
async function documentsOf(root: string): Promise<TraceDocument[]> {
  // The datagrams were sent before the process ended; give the loopback a moment to deliver them.
  await new Promise((settle) => setTimeout(settle, 100));
  const flatten = (document: TraceDocument): TraceDocument[] => [
    document,
    ...(document.subsegments ?? []).flatMap((child) => flatten({ ...child, trace_id: document.trace_id })),
  ];
  return received
    .map((datagram) => {
      // Each datagram is the daemon protocol's header line, then one segment document.
      const [header, body = ''] = datagram.split('\n', 2);
      expect(JSON.parse(header ?? '')).toEqual({ format: 'json', version: 1 });
      return JSON.parse(body) as TraceDocument;
    })
    .flatMap(flatten)
    .filter((document) => document.trace_id === root);
}

function handlerSegment(documents: TraceDocument[], parent: string): TraceDocument {
  const handlers = documents.filter((document) => document.name === '## index.handler');
  expect(handlers).toHaveLength(1);
  expect(handlers[0]?.parent_id).toBe(parent);
  return handlers[0] as TraceDocument;
}

function awsCallsUnder(documents: TraceDocument[], handler: TraceDocument): TraceDocument[] {
  const calls = documents.filter((document) => document.namespace === 'aws');
  // Each AWS call once (a subsegment may be sent alone and again inside its parent).
  const unique = [...new Map(calls.map((document) => [document.id, document])).values()];
  for (const document of unique) expect(document.parent_id ?? handler.id).toBe(handler.id);
  return unique;
}

it('traces the handler and each DynamoDB call of a route under the invocation trace, cold then warm', async () => {
  // Prepare
  const officeCode = await activeOffice();
  const clerk: Caller = { role: 'clerk', officeCode, userId: `clerk-${officeCode}` };
  const event = apiEvent('get-office', { caller: clerk, pathParameters: { officeCode } });
  const [first, second] = [traceHeader(), traceHeader()];

  // Act
  await runAsLambda('get-office', [
    { event, traceHeader: first.header },
    { event, traceHeader: second.header },
  ]);

  // Assess
  for (const [trace, cold] of [
    [first, true],
    [second, false],
  ] as const) {
    const documents = await documentsOf(trace.root);
    const handler = handlerSegment(documents, trace.parent);
    expect(handler.annotations).toEqual({ ColdStart: cold, Service: serviceName('get-office') });
    const calls = awsCallsUnder(documents, handler);
    expect(calls.map((document) => [document.name, document.aws?.operation])).toEqual([['DynamoDB', 'GetItem']]);
    expect(calls[0]).toMatchObject({
      aws: { table_name: process.env.TABLE_NAME },
      http: { response: { status: 200 } },
    });
  }
});

it('traces an event function calling S3 and DynamoDB, and no trace carries a party or a file name', async () => {
  // Prepare
  const officeCode = await activeOffice();
  const clerk: Caller = { role: 'clerk', officeCode, userId: `clerk-${officeCode}` };
  const bytes = scan.pdf(2048);
  const body = petitionBody(undefined, { documents: [declaration(bytes)] });
  const draft = await call(createPetition, apiEvent('create-petition', { caller: clerk, body }));
  type Upload = { uploadUrl: string; headers: Record<string, string> };
  const [instruction] = (draft.body?.uploads ?? []) as Upload[];
  if (!instruction) throw new Error('the draft has no upload instruction');
  expect(await upload(instruction, bytes)).toBe(200);
  const trace = traceHeader();

  // Act
  await runAsLambda('verify-document', [
    { event: objectCreated(keyOf(instruction.uploadUrl)), traceHeader: trace.header },
  ]);

  // Assess
  const documents = await documentsOf(trace.root);
  const handler = handlerSegment(documents, trace.parent);
  expect(handler.annotations).toEqual({ ColdStart: true, Service: serviceName('verify-document') });
  const services = new Set(awsCallsUnder(documents, handler).map((document) => document.name));
  expect(services).toEqual(new Set(['S3', 'DynamoDB']));
  const everything = received.join('\n');
  const [claimant, defendant] = body.parties;
  for (const personal of [
    claimant?.nationalId,
    claimant?.lastName,
    claimant?.mobile,
    defendant?.nationalId,
    defendant?.name,
  ]) {
    expect(everything).not.toContain(personal);
  }
  expect(everything).not.toContain('سند مالکیت');
});
