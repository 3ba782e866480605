import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateKeys } from '../../local/auth';
import { type RunningEdge, startAwsEdge } from '../../local/aws-edge/edge';
import { credentialsOf } from '../../local/aws-edge/identity';
import { cachedPolicies, instantiatePolicies, LOCAL_ACCOUNT, type PolicySet } from '../../local/aws-edge/policies';
import {
  engineEnvironment,
  freePort,
  LOCAL_REGION,
  type RunningDynamo,
  type RunningS3,
  startDynamoDbLocal,
  startS3Server,
} from '../../local/engines';
import { startPaymentGatewaySimulator } from '../../local/payment-gateway-simulator';
import { DEMO_JUDICIARY_TERMINAL } from '../../local/seed';
import { storeNames } from './store-names';

/**
 * Starts the real local engines once for the whole jest run: DynamoDB Local in memory and the S3
 * server on a temporary folder, on free ports, behind the local AWS edge, which enforces each
 * function's IAM policy as synthesized from the CDK app (once, here; cached by input hash). Workers inherit the
 * endpoints through the environment; each test file then works in its own table and buckets
 * (isolated-stores-env.ts), a tenant of the edge.
 */
export default async function globalSetup(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'jeso-test-'));
  const [dynamoPort, s3Port] = [await freePort(), await freePort()];
  const started = Date.now();
  const [dynamo, s3, policies]: [RunningDynamo, RunningS3, PolicySet] = await Promise.all([
    startDynamoDbLocal({ port: dynamoPort }),
    startS3Server({ port: s3Port, directory: join(workDir, 's3') }),
    // Synthesized once per run, or taken from the cache while nothing that shapes the template changed.
    cachedPolicies({
      projectRoot: process.cwd(),
      region: LOCAL_REGION,
      cacheFile: join(process.cwd(), 'node_modules', '.cache', 'jeso-aws-edge', 'policies.json'),
    }).then((cached) => cached.policies),
  ]);
  const policiesFile = join(workDir, 'policies.json');
  writeFileSync(policiesFile, JSON.stringify(policies));
  const masterSecret = randomBytes(32).toString('base64url');
  const tenants = new Map<string, PolicySet>();
  const edge: RunningEdge = await startAwsEdge({
    region: LOCAL_REGION,
    account: LOCAL_ACCOUNT,
    masterSecret,
    upstream: { dynamodb: dynamo.endpoint, s3: s3.endpoint },
    policiesOf: (tenant) => {
      if (!tenants.has(tenant)) tenants.set(tenant, instantiatePolicies(policies, storeNames(tenant)));
      return tenants.get(tenant);
    },
  });
  await loadOrCreateKeys(join(workDir, 'auth'));
  // The payment gateway, as in `npm start`: the SEP-protocol simulator, knowing every terminal.
  // Tests drive its payment page over HTTP, as a payer's browser does.
  const paymentGateway = await startPaymentGatewaySimulator({ terminals: () => true });
  (globalThis as { __engines?: unknown }).__engines = { dynamo, s3, edge, workDir, paymentGateway };
  Object.assign(process.env, {
    // Clients that get no injected credentials (raw ones in test support) sign as the operator.
    ...engineEnvironment(
      { dynamo: edge.dynamodbEndpoint, s3: edge.s3Endpoint },
      credentialsOf(masterSecret, { kind: 'operator' }),
    ),
    LOCAL_EDGE_SECRET: masterSecret,
    TEST_ENGINE_DYNAMODB: dynamo.endpoint,
    TEST_ENGINE_S3: s3.endpoint,
    TEST_POLICIES_FILE: policiesFile,
    TEST_SETUP_MS: String(Date.now() - started),
    TEST_AUTH_DIR: join(workDir, 'auth'),
    TEST_WORK_DIR: workDir,
    PAYMENT_GATEWAY_URL: paymentGateway.baseUrl,
    JUDICIARY_TERMINAL_ID: DEMO_JUDICIARY_TERMINAL,
    // Where the simulator sends payers back; tests post the callback to the handler or gateway they run.
    PAYMENT_CALLBACK_URL: 'http://127.0.0.1/v1/payments/callback',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
    POWERTOOLS_SERVICE_NAME: 'judicial-e-services-test',
    // Metrics would print an EMF document per invocation; the code path runs, the output is muted.
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
}
