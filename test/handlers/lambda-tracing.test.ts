import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { handler as createPetition } from '../../functions/create-petition';
import { bundleFunction } from '../../infra/bundling';
import { powertoolsVariables, serviceName } from '../../infra/names';
import { credentialsOf } from '../../local/aws-edge/identity';
import {
  type DriverInvocation,
  LAMBDA_DRIVER_SOURCE,
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
  await daemon?.close();
  rmSync(workDir, { recursive: true, force: true });
  await dropStores();
});

/** What the driver prints after the invocations (local/lambda-environment.ts). */
interface DriverReport {
  answeredAt: number[];
  answers: string[];
  undiciLoaded: boolean;
  asyncHooksCreated: number;
}

async function runAsLambda(functionId: string, invocations: DriverInvocation[]): Promise<DriverReport> {
  const { entry: bundle } = await bundleFunction(resolve('functions', `${functionId}.ts`), join(workDir, functionId));
  const driver = join(workDir, 'driver.mjs');
  writeFileSync(driver, LAMBDA_DRIVER_SOURCE);
  const invocationsFile = join(workDir, `${functionId}-invocations.json`);
  writeFileSync(invocationsFile, JSON.stringify(invocations));
  // The function's own key, as its role's credentials in Lambda: the local edge applies its policy.
  const secret = process.env.LOCAL_EDGE_SECRET;
  if (!secret) throw new Error('LOCAL_EDGE_SECRET is not set: test/support/global-setup.ts starts the local edge');
  const tenant = process.env.TEST_TENANT ?? '';
  const credentials = credentialsOf(secret, { kind: 'function', tenant, functionId });
  return new Promise<DriverReport>((done, fail) =>
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
          ...powertoolsVariables(functionId),
          AWS_ACCESS_KEY_ID: credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        },
      },
      (error, out, err) =>
        error
          ? fail(new Error(`${functionId} failed: ${err.slice(0, 2000)}`))
          : done(JSON.parse(out.trim().split('\n').pop() ?? '{}') as DriverReport),
    ),
  );
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
  for (const document of unique) expect(document.parent_id).toBe(handler.id);
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
    const documents = await daemon.traceOf(trace.root);
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

// Powertools' Tracer imports node:http; as an ES import, Node reads every export of it, and its
// WebSocket getter loads undici (62 ms against 10, infra/node-http-require.ts). The bundle requires it.
// The X-Ray SDK's cls-hooked made an async hook, called for every promise after; the bundle keeps
// its context in AsyncLocalStorage instead (shared/observability/async-local-namespace.ts).
it('answers a traced cold start without loading Node’s fetch implementation or making an async hook', async () => {
  // Prepare
  const officeCode = await activeOffice();
  const clerk: Caller = { role: 'clerk', officeCode, userId: `clerk-${officeCode}` };
  const event = apiEvent('get-office', { caller: clerk, pathParameters: { officeCode } });

  // Act
  const report = await runAsLambda('get-office', [{ event, traceHeader: sampledTraceHeader().header }]);

  // Assess
  expect(report).toEqual({
    answers: ['200'],
    undiciLoaded: false,
    asyncHooksCreated: 0,
    loadedAt: expect.any(Number),
    answeredAt: [expect.any(Number)],
  });
});

/** A draft with one declared scan, uploaded: its key is what an "Object Created" event names. */
async function uploadedScan() {
  const officeCode = await activeOffice();
  const clerk: Caller = { role: 'clerk', officeCode, userId: `clerk-${officeCode}` };
  const bytes = scan.pdf(2048);
  const body = petitionBody(undefined, { documents: [declaration(bytes)] });
  const draft = await call(createPetition, apiEvent('create-petition', { caller: clerk, body }));
  type Upload = { uploadUrl: string; headers: Record<string, string> };
  const [instruction] = (draft.body?.uploads ?? []) as Upload[];
  if (!instruction) throw new Error('the draft has no upload instruction');
  expect(await upload(instruction, bytes)).toBe(200);
  return { body, key: keyOf(instruction.uploadUrl) };
}

it('traces an event function calling S3 and DynamoDB, and no trace carries a party or a file name', async () => {
  // Prepare
  const { body, key } = await uploadedScan();
  const trace = sampledTraceHeader();

  // Act
  await runAsLambda('verify-document', [{ event: objectCreated(key), traceHeader: trace.header }]);

  // Assess
  const documents = await daemon.traceOf(trace.root);
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

// The X-Ray context lives in shared/observability/async-local-namespace.ts: the Tracer sets each
// invocation's subsegment in the context the SDK entered at load, where calls made side by side
// find it, and puts Lambda's segment back when the invocation ends, failed or not (this test fails
// when the tracing middleware's onError does not).
it('keeps a warm invocation’s parallel calls under its own handler after a failed invocation', async () => {
  // Prepare: an event that fails before any call, then a scan whose object and petition are read
  // side by side
  const { key } = await uploadedScan();
  const [failed, warm] = [sampledTraceHeader(), sampledTraceHeader()];
  const broken = { 'detail-type': 'Object Created', source: 'aws.s3', detail: {} };

  // Act
  const report = await runAsLambda('verify-document', [
    { event: broken, traceHeader: failed.header, expectFailure: true },
    { event: objectCreated(key), traceHeader: warm.header },
  ]);

  // Assess
  expect(report.answers).toEqual(['threw TypeError', 'verified']);
  const failedTrace = await daemon.traceOf(failed.root);
  const failedHandler = handlerSegment(failedTrace, failed.parent);
  expect(failedHandler).toMatchObject({ annotations: { ColdStart: true }, fault: true });
  expect(awsCallsUnder(failedTrace, failedHandler)).toEqual([]);
  const warmTrace = await daemon.traceOf(warm.root);
  const warmHandler = handlerSegment(warmTrace, warm.parent);
  expect(warmHandler.annotations).toMatchObject({ ColdStart: false });
  expect(warmHandler.fault).toBeUndefined();
  const calls = awsCallsUnder(warmTrace, warmHandler);
  const operations = calls.map((document) => `${document.name} ${document.aws?.operation}`);
  expect(operations.sort()).toEqual(['DynamoDB GetItem', 'DynamoDB TransactWriteItems', 'S3 GetObject']);
  const call = (operation: string) => calls.find((document) => document.aws?.operation === operation);
  const [object, petition] = [call('GetObject'), call('GetItem')];
  expect(object?.start_time).toBeLessThan(petition?.end_time ?? 0);
  expect(petition?.start_time).toBeLessThan(object?.end_time ?? 0);
});

it("records no user's attributes from the token trigger, whose answer is the Cognito event itself", async () => {
  // Prepare: a clerk, whose groups need no MFA check, so the trigger answers without a call.
  const attributes = { sub: 'a1b2c3', email: 'zahra.mohammadi@example.ir', phone_number: '+989151234567' };
  const event = {
    version: '1',
    triggerSource: 'TokenGeneration_Authentication',
    region: 'me-central-1',
    userPoolId: 'me-central-1_traced',
    userName: 'zahra',
    callerContext: { awsSdkVersion: '3', clientId: 'client' },
    request: {
      userAttributes: { ...attributes, 'custom:officeCode': '56102' },
      groupConfiguration: { groupsToOverride: ['clerk'], iamRolesToOverride: [] },
    },
    response: {},
  };
  const trace = sampledTraceHeader();

  // Act
  await runAsLambda('pre-token-generation', [{ event, traceHeader: trace.header }]);

  // Assess
  const documents = await daemon.traceOf(trace.root);
  expect(handlerSegment(documents, trace.parent).annotations).toMatchObject({ ColdStart: true });
  const everything = daemon.datagrams().join('\n');
  for (const personal of [attributes.email, attributes.phone_number, event.userName]) {
    expect(everything).not.toContain(personal);
  }
});
