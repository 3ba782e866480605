import { DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../local/engines';
import { readEnv, tableEnvShape } from '../../shared/config';
import { DATA_TABLE } from '../../shared/table-definition';

/**
 * A data folder kept from an earlier `npm start` holds the table as that version defined it; the
 * next start adds the indexes defined since, so that no query meets a missing index.
 */
const config = readEnv(tableEnvShape);
const dynamo = new DynamoDBClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
const tableName = `${config.TABLE_NAME}-older`;

afterAll(async () => {
  await dynamo.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
  dynamo.destroy();
});

it('adds the indexes an older table lacks when the local engines start on it', async () => {
  const older = { ...DATA_TABLE, globalSecondaryIndexes: DATA_TABLE.globalSecondaryIndexes.slice(0, -1) };
  await ensureTable(dynamo, tableName, older);

  const state = await ensureTable(dynamo, tableName, DATA_TABLE);

  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
  expect(state).toBe('existing');
  expect((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName).sort()).toEqual(
    DATA_TABLE.globalSecondaryIndexes.map((index) => index.indexName).sort(),
  );
});
