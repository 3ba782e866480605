import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateKeys } from '../../local/auth';
import {
  engineEnvironment,
  freePort,
  type RunningDynamo,
  type RunningS3,
  startDynamoDbLocal,
  startS3Server,
} from '../../local/engines';

/**
 * Starts the real local engines once for the whole jest run: DynamoDB Local in memory and the S3
 * server on a temporary folder, on free ports. Workers inherit the endpoints through the
 * environment; each test file then works in its own table and buckets (isolated-stores-env.ts).
 */
export default async function globalSetup(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'jeso-test-'));
  const [dynamoPort, s3Port] = [await freePort(), await freePort()];
  const dynamo: RunningDynamo = await startDynamoDbLocal({ port: dynamoPort });
  const s3: RunningS3 = await startS3Server({ port: s3Port, directory: join(workDir, 's3') });
  await loadOrCreateKeys(join(workDir, 'auth'));
  (globalThis as { __engines?: unknown }).__engines = { dynamo, s3, workDir };
  Object.assign(process.env, {
    ...engineEnvironment({ dynamo: dynamo.endpoint, s3: s3.endpoint }),
    TEST_AUTH_DIR: join(workDir, 'auth'),
    TEST_WORK_DIR: workDir,
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
    POWERTOOLS_SERVICE_NAME: 'judicial-e-services-test',
    // Metrics would print an EMF document per invocation; the code path runs, the output is muted.
    POWERTOOLS_METRICS_DISABLED: 'true',
  });
}
