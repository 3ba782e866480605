import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Counts DynamoDB calls and the capacity units they consume, by asking every data-plane call for
 * `ReturnConsumedCapacity: TOTAL` (free: it only adds a field to the answer). The bench reads it
 * to report units per operation; it is a per-process tally, reset by whoever measures.
 */
export const capacityMeter = {
  calls: 0,
  readUnits: 0,
  writeUnits: 0,
  commands: [] as string[],
  reset(): void {
    this.calls = 0;
    this.readUnits = 0;
    this.writeUnits = 0;
    this.commands = [];
  },
};

const METERED = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
]);

interface ConsumedCapacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export function meterCapacity(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const commandName = String(context.commandName ?? '');
      if (!METERED.has(commandName)) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      capacityMeter.calls += 1;
      capacityMeter.commands.push(commandName.replace(/Command$/, ''));
      const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      for (const entry of [consumed ?? []].flat()) {
        const isWrite = /Put|Update|Delete|Write/.test(commandName);
        const units = entry.CapacityUnits ?? 0;
        if (isWrite) capacityMeter.writeUnits += entry.WriteCapacityUnits ?? units;
        else capacityMeter.readUnits += entry.ReadCapacityUnits ?? units;
      }
      return result;
    },
    { step: 'initialize', name: 'capacityMeter' },
  );
}
