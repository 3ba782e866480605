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
  /**
   * With `detail` on, calls ask for `INDEXES` (units per table and per index) and keep each write
   * call's input and consumed capacity, so that a bench can say where a write's units go.
   */
  detail: false,
  writes: [] as { command: string; input: Record<string, unknown>; consumed: DetailedCapacity[] }[],
  reset(): void {
    this.calls = 0;
    this.readUnits = 0;
    this.writeUnits = 0;
    this.commands = [];
    this.writes = [];
  },
};

export interface DetailedCapacity extends ConsumedCapacity {
  TableName?: string;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

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
      input.ReturnConsumedCapacity ??= capacityMeter.detail ? 'INDEXES' : 'TOTAL';
      const result = await next(args);
      capacityMeter.calls += 1;
      capacityMeter.commands.push(commandName.replace(/Command$/, ''));
      const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      if (capacityMeter.detail && /Put|Update|Delete|Write/.test(commandName))
        capacityMeter.writes.push({
          command: commandName.replace(/Command$/, ''),
          input,
          consumed: [consumed ?? []].flat() as DetailedCapacity[],
        });
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
