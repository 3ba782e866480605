import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ensureBucket, ensureTable } from '../../local/engines';
import { seedDemoSchedules } from '../../local/seed';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { DynamoFeeScheduleRepository } from '../../shared/adapters/dynamo-fee-schedule-repository';
import { createS3Client } from '../../shared/adapters/s3-client';
import { readEnv, tableEnvShape } from '../../shared/config';
import { DATA_TABLE, IDEMPOTENCY_TABLE } from '../../shared/table-definition';

/**
 * Creates this test file's table and buckets from the shared definitions, with the demo fee
 * schedules `npm start` adds (every draft is quoted from them), as `npm start` does.
 */
export async function provisionStores(): Promise<void> {
  const config = readEnv(tableEnvShape);
  const dynamo = new DynamoDBClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  await ensureTable(dynamo, config.TABLE_NAME, DATA_TABLE);
  await ensureTable(dynamo, process.env.IDEMPOTENCY_TABLE_NAME!, IDEMPOTENCY_TABLE);
  const db = createDocumentClient(config, dynamo);
  await seedDemoSchedules(new DynamoFeeScheduleRepository(db, config.TABLE_NAME), new Date());
  dynamo.destroy();
  const s3 = createS3Client(config);
  for (const bucket of [process.env.DOCUMENTS_BUCKET!, process.env.REPORTS_BUCKET!]) await ensureBucket(s3, bucket);
  s3.destroy();
}

export async function dropStores(): Promise<void> {
  const config = readEnv(tableEnvShape);
  const dynamo = new DynamoDBClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  for (const table of [config.TABLE_NAME, process.env.IDEMPOTENCY_TABLE_NAME!]) {
    await dynamo.send(new DeleteTableCommand({ TableName: table })).catch(() => undefined);
  }
  dynamo.destroy();
}

/**
 * Every item of this file's table, sorted: used to prove that a rejected request changed nothing.
 * Guess counters are left out on purpose: counting a failed tracking-code guess is the one write
 * a rejected request must make (the abuse limit).
 */
export async function tableSnapshot(): Promise<Array<Record<string, unknown>>> {
  const config = readEnv(tableEnvShape);
  const db = createDocumentClient(config);
  const items: Array<Record<string, unknown>> = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({ TableName: config.TABLE_NAME, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []).filter((item) => item.entity !== 'guess-window'));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  db.destroy();
  return items.sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`));
}
