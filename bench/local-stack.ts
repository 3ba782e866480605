import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createVerifier, loadOrCreateKeys, signToken, type TokenRequest } from '../local/auth';
import {
  engineEnvironment,
  ensureBucket,
  ensureTable,
  freePort,
  LOCAL_REGION,
  startDynamoDbLocal,
  startS3Server,
} from '../local/engines';
import { createGateway } from '../local/gateway';
import { handlerLoader } from '../local/handlers';
import { startPaymentGatewaySimulator } from '../local/payment-gateway-simulator';
import { DEMO_JUDICIARY_TERMINAL, seedDemoData, seedDemoSchedules } from '../local/seed';
import { SmsSink } from '../local/sms-sink';
import { injectSmsPort } from '../shared/adapters/notices-from-env';
import { createS3Client } from '../shared/adapters/s3-client';
import { ROUTES } from '../shared/routes';
import { DATA_TABLE, IDEMPOTENCY_TABLE } from '../shared/table-definition';

/** An in-memory DynamoDB Local and the local gateway with the real handlers, for one bench run. */
export async function startBenchStack() {
  const workDir = mkdtempSync(join(tmpdir(), 'jeso-bench-'));
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const s3 = await startS3Server({ port: await freePort(), directory: join(workDir, 's3') });
  Object.assign(process.env, {
    ...engineEnvironment({ dynamo: dynamo.endpoint, s3: s3.endpoint }),
    TABLE_NAME: 'bench-data',
    DOCUMENTS_BUCKET: 'bench-documents',
    REPORTS_BUCKET: 'bench-reports',
    IDEMPOTENCY_TABLE_NAME: 'bench-idempotency',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
  const raw = new DynamoDBClient({ region: LOCAL_REGION, endpoint: dynamo.endpoint });
  await ensureTable(raw, 'bench-data', DATA_TABLE);
  await ensureTable(raw, 'bench-idempotency', IDEMPOTENCY_TABLE);
  const s3Client = createS3Client({ AWS_REGION: LOCAL_REGION, S3_ENDPOINT: s3.endpoint });
  for (const bucket of ['bench-documents', 'bench-reports']) await ensureBucket(s3Client, bucket);
  s3Client.destroy();
  // What a petition needs since courts and fees: the demo offices with their districts' courts,
  // and the demo fee schedules around today (a draft is quoted, a submission routed to a court).
  const { petitionAdaptersFromEnv, courtRepositoryFromEnv, registryAdaptersFromEnv } = await import(
    '../shared/adapters/from-env'
  );
  const registry = registryAdaptersFromEnv();
  await seedDemoData(registry.offices, registry.targets, new Date(), courtRepositoryFromEnv());
  await seedDemoSchedules(petitionAdaptersFromEnv().schedules, new Date());
  const keys = await loadOrCreateKeys(join(workDir, 'auth'));
  // Function modules of this stack's own, made with its engines' endpoints (see handlerLoader).
  const loadHandler = handlerLoader(process.cwd(), { instance: basename(workDir) });
  const server = createGateway({ routes: ROUTES, verifyToken: await createVerifier(keys), loadHandler });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  // Payments against the Shaparak-style simulator, and SMS into a sink, as `npm start` has them;
  // the handlers read these variables when first loaded, after this.
  const simulator = await startPaymentGatewaySimulator({ terminals: () => true, host: '127.0.0.1', port: 0 });
  const sms = new SmsSink({ print: () => undefined });
  injectSmsPort(sms);
  Object.assign(process.env, {
    PAYMENT_GATEWAY_URL: simulator.baseUrl,
    PAYMENT_GATEWAY_PAGE_URL: simulator.baseUrl,
    JUDICIARY_TERMINAL_ID: DEMO_JUDICIARY_TERMINAL,
    PAYMENT_CALLBACK_URL: `${baseUrl}/v1/payments/callback`,
    SMS_PROVIDER: 'local-sink',
  });
  return {
    raw,
    baseUrl,
    simulator,
    sms,
    loadHandler,
    token: (request: TokenRequest) => signToken(keys, request),
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      injectSmsPort(undefined);
      await simulator.close();
      raw.destroy();
      await s3.stop();
      await dynamo.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
