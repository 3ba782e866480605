import type { AuthorizationRequest } from './iam-evaluator';

/**
 * Which IAM checks a DynamoDB request needs: the action(s), the table or index ARN(s), and the
 * `dynamodb:LeadingKeys` context (the partition key values the request touches).
 * - One check per request for single-item operations, Query and Scan; per table for the batch
 *   operations; per element for transactions, each as its own action (Put → PutItem, Update →
 *   UpdateItem, Delete → DeleteItem, ConditionCheck → ConditionCheckItem, Get → GetItem).
 *   AWS: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html,
 *   https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html
 * - LeadingKeys: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html
 *   (for a Query, the key condition's partition key value; on an index, the index's partition key).
 * - The DynamoDB Streams API (same signing name, target `DynamoDBStreams_20120810.*`): DescribeStream,
 *   GetShardIterator and GetRecords act on the stream's ARN (for GetRecords, the stream the shard
 *   iterator belongs to), ListStreams on `*` (list_amazondynamodb.html). DynamoDB Local names its
 *   streams in its own region and account (`arn:aws:dynamodb:ddblocal:000000000000:table/T/stream/L`);
 *   they are checked as the same table's stream in the local account.
 */

type AttributeValue = Record<string, unknown>;
type Item = Record<string, AttributeValue>;

export interface KeySchema {
  partitionKey: string;
  /** Partition key of each global secondary index, by index name. */
  indexes: Record<string, string>;
}

export interface DynamoCheck extends AuthorizationRequest {}

/** A key value as a string, as IAM compares it (S and N; B as its base64). */
function keyValue(value: AttributeValue | undefined): string | undefined {
  if (!value) return undefined;
  for (const type of ['S', 'N', 'B'] as const) if (typeof value[type] === 'string') return value[type] as string;
  return undefined;
}

function leadingKeys(items: Array<Item | undefined>, partitionKey: string | undefined): Record<string, string[]> {
  if (!partitionKey) return {};
  const values = items.map((item) => keyValue(item?.[partitionKey])).filter((v): v is string => v !== undefined);
  return values.length > 0 ? { 'dynamodb:leadingkeys': [...new Set(values)] } : {};
}

/** The partition key value of a Query's key condition (`#pk = :pk`, either side), if any. */
function queryLeadingKey(body: Record<string, unknown>, partitionKey: string | undefined): Item | undefined {
  if (!partitionKey) return undefined;
  const names = (body.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (body.ExpressionAttributeValues ?? {}) as Record<string, AttributeValue>;
  const expression = typeof body.KeyConditionExpression === 'string' ? body.KeyConditionExpression : '';
  for (const m of expression.matchAll(/([#:]?[\w.]+)\s*=\s*([#:]?[\w.]+)/g)) {
    const [left, right] = [m[1]!, m[2]!];
    const [name, value] = left.startsWith(':') ? [right, left] : [left, right];
    if ((names[name] ?? name) === partitionKey && values[value]) return { [partitionKey]: values[value] };
  }
  const legacy = (body.KeyConditions as Record<string, { AttributeValueList?: AttributeValue[] }> | undefined)?.[
    partitionKey
  ];
  return legacy?.AttributeValueList?.[0] ? { [partitionKey]: legacy.AttributeValueList[0] } : undefined;
}

const TRANSACT_WRITE: Record<string, { action: string; field: 'Item' | 'Key' }> = {
  Put: { action: 'PutItem', field: 'Item' },
  Update: { action: 'UpdateItem', field: 'Key' },
  Delete: { action: 'DeleteItem', field: 'Key' },
  ConditionCheck: { action: 'ConditionCheckItem', field: 'Key' },
};

/** The stream ARN a Streams request acts on, in the local account; as given when it is not a stream ARN. */
function streamResource(arn: string, arnOf: (table: string) => string): string {
  const match = /^arn:aws:dynamodb:[^:]+:\d+:table\/([^/]+)\/stream\/([^/|]+)$/.exec(arn);
  return match ? `${arnOf(match[1]!)}/stream/${match[2]}` : arn;
}

export async function dynamodbChecks(
  operation: string,
  body: Record<string, unknown>,
  arnOf: (table: string) => string,
  schemaOf: (table: string) => Promise<KeySchema | undefined>,
): Promise<DynamoCheck[]> {
  const check = (action: string, table: string, context: Record<string, string[]> = {}, index?: string) => ({
    action: `dynamodb:${action}`,
    resource: index ? `${arnOf(table)}/index/${index}` : arnOf(table),
    context,
  });
  const table = typeof body.TableName === 'string' ? body.TableName : undefined;
  switch (operation) {
    case 'GetItem':
    case 'UpdateItem':
    case 'DeleteItem':
    case 'PutItem': {
      const schema = await schemaOf(table!);
      const item = (operation === 'PutItem' ? body.Item : body.Key) as Item | undefined;
      return [check(operation, table!, leadingKeys([item], schema?.partitionKey))];
    }
    case 'Query':
    case 'Scan': {
      const index = typeof body.IndexName === 'string' ? body.IndexName : undefined;
      const schema = await schemaOf(table!);
      const partitionKey = index ? schema?.indexes[index] : schema?.partitionKey;
      const context = operation === 'Query' ? leadingKeys([queryLeadingKey(body, partitionKey)], partitionKey) : {};
      return [check(operation, table!, context, index)];
    }
    case 'BatchGetItem':
    case 'BatchWriteItem': {
      const checks: DynamoCheck[] = [];
      for (const [name, request] of Object.entries((body.RequestItems ?? {}) as Record<string, unknown>)) {
        const schema = await schemaOf(name);
        const items =
          operation === 'BatchGetItem'
            ? (((request as { Keys?: Item[] }).Keys ?? []) as Item[])
            : ((request ?? []) as Array<{ PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }>).map(
                (r) => r.PutRequest?.Item ?? r.DeleteRequest?.Key,
              );
        checks.push(check(operation, name, leadingKeys(items, schema?.partitionKey)));
      }
      return checks;
    }
    case 'TransactWriteItems':
    case 'TransactGetItems': {
      const checks: DynamoCheck[] = [];
      for (const element of (body.TransactItems ?? []) as Array<Record<string, Record<string, unknown>>>) {
        const [kind, operationInput] = Object.entries(element)[0] ?? [];
        const mapped = kind === 'Get' ? { action: 'GetItem', field: 'Key' as const } : TRANSACT_WRITE[kind ?? ''];
        if (!mapped || !operationInput) throw new Error(`unknown transaction element ${kind}`);
        const name = String(operationInput.TableName);
        const schema = await schemaOf(name);
        checks.push(
          check(mapped.action, name, leadingKeys([operationInput[mapped.field] as Item], schema?.partitionKey)),
        );
      }
      return checks;
    }
    case 'DescribeStream':
    case 'GetShardIterator':
      return [
        { action: `dynamodb:${operation}`, resource: streamResource(String(body.StreamArn), arnOf), context: {} },
      ];
    case 'GetRecords': {
      // DynamoDB Local's shard iterators begin with their stream's ARN (`<arn>|<shard>|…`); real
      // ones are opaque, but AWS checks GetRecords on the same stream ARN.
      const streamArn = String(body.ShardIterator ?? '').split('|')[0] ?? '';
      return [{ action: 'dynamodb:GetRecords', resource: streamResource(streamArn, arnOf), context: {} }];
    }
    case 'ListStreams':
      return [{ action: 'dynamodb:ListStreams', resource: '*', context: {} }];
    default:
      // Control-plane and other calls: the operation's own action, on the table when it names one.
      return [table ? check(operation, table) : { action: `dynamodb:${operation}`, resource: '*', context: {} }];
  }
}
