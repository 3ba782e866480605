import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { handler as createPetition } from '../../functions/create-petition';
import { esbuildOptions } from '../../infra/bundling';
import { serviceName } from '../../infra/names';
import { credentialsOf } from '../../local/aws-edge/identity';
import {
  lambdaRuntimeVariables,
  sampledTraceHeader,
  startTraceDaemon,
  type TraceDaemon,
  type TraceDocument,
} from '../../local/lambda-environment';
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
const workDir = mkdtempSync(join(tmpdir(), 'jeso-tracing-'));
let daemon: TraceDaemon;

beforeAll(async () => {
  await provisionStores();
  daemon = await startTraceDaemon();
});
afterAll(async () => {
  await daemon.close();
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
  await new Promise<void>((done, fail) =>
    execFile(
      process.execPath,
      [driver, bundle, invocationsFile],
      {
        env: {
          ...process.env,
          ...lambdaRuntimeVariables({
            functionName: `traced-${functionId}`,
            taskRoot: workDir,
            daemonPort: daemon.port,
          }),
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

async function documentsOf(root: string): Promise<TraceDocument[]> {
  // The datagrams were sent before the process ended; give the loopback a moment to deliver them.
  await new Promise((settle) => setTimeout(settle, 100));
  return daemon.documentsOf(root);
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
  const [first, second] = [sampledTraceHeader(), sampledTraceHeader()];

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
  const trace = sampledTraceHeader();

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
  const everything = daemon.datagrams().join('\n');
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
