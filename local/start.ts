// First: Powertools' settings must be in place before any module that makes its logger or metrics.
import './powertools-env';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localDeploymentSettings } from '../infra/deployment-settings';
import { createDocumentClient } from '../shared/adapters/aws-clients';
import { DynamoCalendarRepository } from '../shared/adapters/dynamo-calendar-repository';
import { DynamoCourtRepository } from '../shared/adapters/dynamo-court-repository';
import { DynamoOfficeRepository } from '../shared/adapters/dynamo-office-repository';
import { DynamoReportRepository } from '../shared/adapters/dynamo-report-repository';
import { injectSmsPort } from '../shared/adapters/notices-from-env';
import { createS3Client } from '../shared/adapters/s3-client';
import { solarHijriMonth } from '../shared/domain/solar-hijri';
import { EVENT_FUNCTIONS, ROUTES } from '../shared/routes';
import { DATA_TABLE, IDEMPOTENCY_TABLE } from '../shared/table-definition';
import { createVerifier, loadOrCreateKeys } from './auth';
import { type RunningEdge, startAwsEdge } from './aws-edge/edge';
import { cachedPolicies, instantiatePolicies, LOCAL_ACCOUNT } from './aws-edge/policies';
import { LOCAL_TENANT, loadOrCreateEdgeSecret, useLocalCredentials } from './aws-edge/runtime';
import { apiCors, applyDocumentsCors } from './cors';
import { demoCaseCourt, seedDemoPetitions } from './demo-petitions';
import {
  checkJava,
  engineEnvironment,
  ensureBucket,
  ensurePortFree,
  ensureTable,
  freePort,
  LOCAL_REGION,
  LocalSetupError,
  type RunningDynamo,
  type RunningS3,
  startDynamoDbLocal,
  startS3Server,
} from './engines';
import { startLocalEvents } from './events';
import { createGateway } from './gateway';
import { handlerLoader } from './handlers';
import { registerImportAttributes } from './import-attributes';
import { startPaymentGatewaySimulator } from './payment-gateway-simulator';
import { forwardObjectCreated } from './s3-events';
import { DEMO_JUDICIARY_TERMINAL, seedDemoCalendars, seedDemoData, seedDemoFees } from './seed';
import { localSettings, recordRunningBackend, tokenCommand } from './settings';
import { recordingSmsSink } from './sms-outbox';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stoppers: Array<() => Promise<void>> = [];
let dynamo: RunningDynamo | undefined;

async function main(): Promise<void> {
  const started = Date.now();
  const settings = localSettings();
  checkJava();
  await ensurePortFree(settings.apiPort, 'the API', 'PORT');
  await ensurePortFree(settings.dynamoPort, 'DynamoDB Local', 'DYNAMODB_PORT');
  await ensurePortFree(settings.s3Port, 'the S3 server', 'S3_PORT');
  if (settings.paymentGatewayPort !== undefined) {
    await ensurePortFree(settings.paymentGatewayPort, 'the payment gateway simulator', 'PAYMENT_GATEWAY_PORT');
  }

  // The engines listen on internal ports; DYNAMODB_PORT and S3_PORT belong to the local AWS edge
  // in front of them, which applies each function's IAM policy from the synthesized templates.
  dynamo = await startDynamoDbLocal({ port: await freePort(), directory: resolve(settings.dataDir, 'dynamodb') });
  stoppers.push(dynamo.stop);
  const s3Server: RunningS3 = await startS3Server({
    port: await freePort(),
    directory: resolve(settings.dataDir, 's3'),
  });
  stoppers.push(s3Server.stop);
  const { policies, synthesizedIn } = await cachedPolicies({
    projectRoot,
    region: LOCAL_REGION,
    cacheFile: resolve(settings.dataDir, 'aws-edge', 'policies.json'),
  });
  const localPolicies = instantiatePolicies(policies, {
    dataTable: settings.tableName,
    idempotencyTable: settings.idempotencyTableName,
    documentsBucket: settings.documentsBucket,
    reportsBucket: settings.reportsBucket,
  });
  const masterSecret = loadOrCreateEdgeSecret(settings.dataDir);
  const edge: RunningEdge = await startAwsEdge({
    region: LOCAL_REGION,
    account: LOCAL_ACCOUNT,
    masterSecret,
    upstream: { dynamodb: dynamo.endpoint, s3: s3Server.endpoint },
    policiesOf: (tenant) => (tenant === LOCAL_TENANT ? localPolicies : undefined),
    ports: { dynamodb: settings.dynamoPort, s3: settings.s3Port },
    // Phones upload scans straight to S3: it listens where the API does, under the host they can reach.
    host: settings.listenHost,
    publicHost: settings.publicHost,
  });
  stoppers.unshift(edge.stop);
  // Before any client or handler exists: every client signs as the function running it.
  const operator = useLocalCredentials(masterSecret);
  injectSmsPort(recordingSmsSink(settings.dataDir));
  // The delivery-report webhook verifies signatures locally too, with a secret made for this run
  // (in AWS it is a Secrets Manager secret); a simulated provider reads it from the data folder.
  const webhookSecret = randomBytes(32).toString('hex');
  const webhookSecretFile = resolve(settings.dataDir, 'sms-webhook-secret');
  writeFileSync(webhookSecretFile, webhookSecret, { mode: 0o600 });

  // A Shaparak-style gateway (SEP's protocol) in place of the real one: tokens, a payment page,
  // the callback through the browser, verify and automatic reversal. It knows every terminal.
  const simulator = await startPaymentGatewaySimulator({
    terminals: () => true,
    host: settings.listenHost,
    port: settings.paymentGatewayPort ?? (await freePort()),
  });
  stoppers.unshift(simulator.close);
  const publicBase = `http://${settings.publicHost === '127.0.0.1' ? 'localhost' : settings.publicHost}`;
  const gatewayPort = new URL(simulator.baseUrl).port;
  const gatewayPage = `${publicBase}:${gatewayPort}`;

  // The handlers read exactly these variables in Lambda; only the endpoints are local.
  Object.assign(process.env, {
    PAYMENT_GATEWAY_URL: `http://${['0.0.0.0', '::'].includes(settings.listenHost) ? '127.0.0.1' : settings.listenHost}:${gatewayPort}`,
    PAYMENT_GATEWAY_PAGE_URL: gatewayPage,
    JUDICIARY_TERMINAL_ID: DEMO_JUDICIARY_TERMINAL,
    PAYMENT_CALLBACK_URL: `${publicBase}:${settings.apiPort}/v1/payments/callback`,
    ...engineEnvironment({ dynamo: edge.dynamodbEndpoint, s3: edge.s3Endpoint }, operator),
    TABLE_NAME: settings.tableName,
    IDEMPOTENCY_TABLE_NAME: settings.idempotencyTableName,
    DOCUMENTS_BUCKET: settings.documentsBucket,
    REPORTS_BUCKET: settings.reportsBucket,
    // SMS are printed, and kept for `npm run sms`, by the local sink: nothing leaves the machine.
    SMS_PROVIDER: 'local-sink',
    SMS_WEBHOOK_SECRET: webhookSecret,
  });
  const config = { AWS_REGION: LOCAL_REGION, DYNAMODB_ENDPOINT: edge.dynamodbEndpoint, S3_ENDPOINT: edge.s3Endpoint };
  const rawDynamo = new DynamoDBClient({ region: LOCAL_REGION, endpoint: edge.dynamodbEndpoint });
  const tableState = await ensureTable(rawDynamo, settings.tableName, DATA_TABLE);
  await ensureTable(rawDynamo, settings.idempotencyTableName, IDEMPOTENCY_TABLE);
  rawDynamo.destroy();
  const s3 = createS3Client(config);
  for (const bucket of [settings.documentsBucket, settings.reportsBucket]) await ensureBucket(s3, bucket);
  // The same origins as the API (cdk.json's allowedOrigins), as the stack gives the real bucket.
  const { allowedOrigins } = localDeploymentSettings(projectRoot);
  await applyDocumentsCors(s3, settings.documentsBucket, allowedOrigins);
  const offices = new DynamoOfficeRepository(createDocumentClient(config), settings.tableName);
  const seeded = await seedDemoData(
    offices,
    new DynamoReportRepository(createDocumentClient(config), settings.tableName),
    new Date(),
    new DynamoCourtRepository(createDocumentClient(config), settings.tableName),
  );
  const demoCalendarYears = await seedDemoCalendars(
    new DynamoCalendarRepository(createDocumentClient(config), settings.tableName),
    new Date(),
  );
  const { petitionAdaptersFromEnv, documentUrlsFromEnv, cryptoIds, submissionDepsFromEnv, paymentDepsFromEnv } =
    await import('../shared/adapters/from-env');
  // Every start: the demo fee schedules of the current and next Solar Hijri year (and 1403) that are missing.
  const fees = await seedDemoFees(petitionAdaptersFromEnv().schedules, offices, new Date());
  let demoPetitions = 0;
  let tracked: { trackingCode: string; nationalId: string } | undefined;
  if (seeded > 0) {
    const active = (await offices.list({ status: 'active' })).map((o) => o.officeCode);
    const demo = await seedDemoPetitions(
      {
        ...petitionAdaptersFromEnv(),
        submissions: submissionDepsFromEnv().submissions,
        documents: documentUrlsFromEnv(),
        ids: cryptoIds,
      },
      paymentDepsFromEnv(),
      (redirect) => simulator.pay(new URL(redirect.url).searchParams.get('token') ?? ''),
      active,
      new Date(),
    );
    demoPetitions = demo.count;
    tracked = demo.example;
  }

  const keys = await loadOrCreateKeys(settings.authDir);
  registerImportAttributes(); // the docs renderer and the OpenAPI document, imported as esbuild bundles them for Lambda
  const loadHandler = handlerLoader(projectRoot);
  // Load every handler now: a configuration error shows at start, not on the first request.
  await Promise.all([...ROUTES, ...EVENT_FUNCTIONS].map((spec) => loadHandler(spec)));
  forwardObjectCreated(s3Server.server, settings.documentsBucket, () => loadHandler(EVENT_FUNCTIONS[0]!));
  // The outbox pipe on the table's stream, the bus's rules and the SMS dispatcher's schedule.
  const events = await startLocalEvents({
    dataDir: settings.dataDir,
    dynamodbEndpoint: edge.dynamodbEndpoint,
    tableName: settings.tableName,
    masterSecret,
    loadHandler,
  });
  stoppers.unshift(events.stop);
  const gateway: Server = createGateway({
    routes: ROUTES,
    verifyToken: await createVerifier(keys),
    loadHandler,
    cors: apiCors(allowedOrigins),
  });
  await new Promise<void>((resolveListen, reject) => {
    gateway.once('error', reject);
    gateway.listen(settings.apiPort, settings.listenHost, () => resolveListen());
  });
  stoppers.unshift(() => new Promise((r) => gateway.close(() => r())));

  const host = settings.publicHost === '127.0.0.1' ? 'localhost' : settings.publicHost;
  const base = `http://${host}:${settings.apiPort}`;
  // `npm run report` finds this backend's endpoints here, whatever ports it was given.
  const forget = recordRunningBackend(settings, {
    pid: process.pid,
    apiUrl: base,
    dynamoEndpoint: edge.dynamodbEndpoint,
    s3Endpoint: edge.s3Endpoint,
    tableName: settings.tableName,
    reportsBucket: settings.reportsBucket,
  });
  stoppers.unshift(async () => forget());
  console.log(
    [
      '',
      `Judicial e-services backend is running on ${base} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `  DynamoDB Local ${edge.dynamodbEndpoint} · table ${settings.tableName} (${tableState})`,
      `  S3 server      ${edge.s3Endpoint} · buckets ${settings.documentsBucket}, ${settings.reportsBucket}`,
      '  events         table stream → outbox pipe → bus rules (notifier, document keeper); SMS printed here, listed by npm run sms',
      `  SMS reports    POST /v1/sms/delivery-reports, HMAC-signed with the secret in ${webhookSecretFile}`,
      `  IAM            each function's policy from the CDK app, enforced on both ` +
        `(${synthesizedIn === undefined ? 'cached' : `synthesized in ${(synthesizedIn / 1000).toFixed(1)} s`})`,
      `  payments       gateway simulator (Shaparak, SEP protocol) on ${gatewayPage}; judiciary terminal ` +
        `${DEMO_JUDICIARY_TERMINAL}; callbacks to ${base}/v1/payments/callback`,
      `  fee schedules  ${fees.schedules.length > 0 ? `added ${fees.schedules.join(', ')} (DEMO)` : 'demo schedules present'}` +
        (fees.terminals > 0 ? `; demo terminals given to ${fees.terminals} demo offices` : ''),
      `  data folder    ${settings.dataDir}`,
      `  browsers from  ${allowedOrigins.join(', ')} (cdk.json allowedOrigins)`,
      seeded > 0
        ? `  seeded ${seeded} DEMO offices (South Khorasan's 22, a few in Tehran and Yazd; marked demo: true) ` +
          `and ${demoPetitions} demo petitions`
        : '  existing data kept (no demo seeding)',
      demoCalendarYears.length > 0
        ? `  loaded DEMO lunar holidays (marked demo: true) for ${demoCalendarYears.join(' and ')}`
        : '  lunar holidays of this year and the next already loaded',
      '',
      'Try:',
      `  curl ${base}/v1/health`,
      `  curl ${base}/v1/openapi.json        (or open ${base}/v1/docs in a browser)`,
      `  TOKEN=$(${tokenCommand('--role clerk --office 56101')})`,
      `  curl -H "Authorization: Bearer $TOKEN" ${base}/v1/offices`,
      `  curl -H "Authorization: Bearer $TOKEN" ${base}/v1/petitions`,
      `  curl -H "Authorization: Bearer $TOKEN" ${base}/v1/fee-schedules   (then …/petitions/<id>/fees, …/payments)`,
      `  ADMIN=$(${tokenCommand('--role province-admin --province 29')})   (South Khorasan; 07 Tehran, 25 Yazd)`,
      `  curl -H "Authorization: Bearer $ADMIN" "${base}/v1/reports/monthly/${solarHijriMonth(new Date())}"   (the ` +
        `running Solar Hijri month; ?format=csv or svg)`,
      tracked
        ? `  curl "${base}/v1/track/${tracked.trackingCode}?nationalId=${tracked.nationalId}"   (a citizen follows ` +
          'a demo petition: no token)'
        : `  curl "${base}/v1/track/<code>?nationalId=<a party's>"   (a citizen, no token; a submitted ` +
          "petition's trackingCode is in GET /v1/petitions/<id>)",
      `  COURT=$(${tokenCommand(`--role court --court ${demoCaseCourt('56101')}`)})   (Birjand's demo civil court)`,
      `  curl -H "Authorization: Bearer $COURT" ${base}/v1/courts/${demoCaseCourt('56101')}/inbox`,
      `  NATIONAL=$(${tokenCommand('--role national-admin')})`,
      `  curl -H "Authorization: Bearer $NATIONAL" "${base}/v1/reports/monthly/${solarHijriMonth(new Date())}/national"`,
      '  roles: clerk | manager (with --office) · court (with --court) · province-admin (with --province) · national-admin',
      '',
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
}

async function shutdown(code: number): Promise<never> {
  for (const stop of stoppers.splice(0)) await stop().catch(() => undefined);
  process.exit(code);
}

process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));
// Last resort: never leave a DynamoDB Local java process behind.
process.once('exit', () => dynamo?.process.kill('SIGKILL'));

main().catch(async (error: unknown) => {
  if (error instanceof LocalSetupError) console.error(`npm start: ${error.message}`);
  else console.error('npm start failed:', error);
  await shutdown(1);
});
