import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { capacityMeter } from '../../shared/adapters/capacity-meter';
import { queryAll } from '../../shared/adapters/dynamo-query';
import { readEnv, tableEnvShape } from '../../shared/config';
import { dropStores, provisionStores } from '../support/stores';

/**
 * The adapters read whole partitions with queryAll (the registry, a province's courts, an audit
 * trail). DynamoDB answers at most 1 MB a Query, so a larger partition comes in pages, which
 * DynamoDB Local cuts at the same size.
 */
const config = readEnv(tableEnvShape);
const db = createDocumentClient(config);

beforeAll(provisionStores);
afterAll(async () => {
  db.destroy();
  await dropStores();
});

it('reads every item of a partition larger than one Query answer, page after page', async () => {
  const pk = `QUERY-ALL#${randomUUID()}`;
  const filler = 'x'.repeat(100 * 1024);
  const items = Array.from({ length: 15 }, (_, i) => ({ pk, sk: `ITEM#${String(i).padStart(2, '0')}`, filler }));
  for (let i = 0; i < items.length; i += 5) {
    const batch = items.slice(i, i + 5).map((Item) => ({ PutRequest: { Item } }));
    await db.send(new BatchWriteCommand({ RequestItems: { [config.TABLE_NAME]: batch } }));
  }
  capacityMeter.reset();

  const read = await queryAll(db, {
    TableName: config.TABLE_NAME,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': pk },
  });

  expect(read.map((item) => item.sk)).toEqual(items.map((item) => item.sk));
  // 1.5 MB of items: at least two answers of at most 1 MB.
  expect(capacityMeter.commands.filter((command) => command === 'Query').length).toBeGreaterThanOrEqual(2);
});
