import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const BATCH = 100;

/**
 * Every key's item that exists, 100 keys a call (BatchGetItem's limit), asking again, with a
 * growing pause, for keys DynamoDB left unprocessed under load.
 */
export async function batchGetAll(
  db: DynamoDBDocumentClient,
  tableName: string,
  wanted: ReadonlyArray<Record<string, unknown>>,
  consistent = true,
): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  for (let i = 0; i < wanted.length; i += BATCH) {
    let pending: Array<Record<string, unknown>> = wanted.slice(i, i + BATCH);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      const result = await db.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: consistent } } }),
      );
      items.push(...(result.Responses?.[tableName] ?? []));
      pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Array<Record<string, unknown>>;
    }
  }
  return items;
}
