import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { NetworkTarget } from '../domain/report';
import type { ReportRepository } from '../ports';
import { keys } from './dynamo-keys';

/**
 * Report inputs and bookkeeping:
 * - counters        pk `OFFICE#<code>`     sk `COUNT#<period>` (written by submissions, returns, ratings, verifications)
 * - network target  pk `CONFIG`            sk `NETWORK_TARGET`
 * - report ledger   pk `REPORT#<period>`   sk `REPORT`  state generating|done, with a lease, so a month is produced once
 */
const BATCH = 100;

export class DynamoReportRepository implements ReportRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async counters(officeCodes: readonly string[], period: string): Promise<Map<string, Record<string, number>>> {
    const out = new Map<string, Record<string, number>>();
    const wanted = officeCodes.map((code) => keys.counter(code, period));
    for (let i = 0; i < wanted.length; i += BATCH) {
      let pending: Array<Record<string, unknown>> = wanted.slice(i, i + BATCH);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
        const result = await this.db.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }),
        );
        for (const item of result.Responses?.[this.tableName] ?? []) {
          const { pk, sk: _sk, officeCode: _o, period: _p, ...values } = item;
          out.set(String(pk).slice('OFFICE#'.length), values as Record<string, number>);
        }
        pending = (result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Array<Record<string, unknown>>;
      }
    }
    return out;
  }

  async target(): Promise<NetworkTarget | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.networkTarget() }));
    return Item ? { targetCount: Number(Item.targetCount), targetDate: String(Item.targetDate) } : null;
  }

  async setTarget(target: NetworkTarget): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.networkTarget(), entity: 'network-target', ...target },
      }),
    );
  }

  async done(periods: readonly string[]): Promise<Set<string>> {
    const done = new Set<string>();
    if (periods.length === 0) return done;
    const result = await this.db.send(
      new BatchGetCommand({
        RequestItems: {
          [this.tableName]: { Keys: periods.map((p) => keys.report(p)), ConsistentRead: true },
        },
      }),
    );
    for (const item of result.Responses?.[this.tableName] ?? [])
      if (item.state === 'done') done.add(String(item.pk).slice('REPORT#'.length));
    return done;
  }

  async claim(period: string, owner: string, now: Date, leaseSeconds: number): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.report(period),
            entity: 'report-ledger',
            state: 'generating',
            owner,
            leaseUntil: now.getTime() + leaseSeconds * 1000,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :generating AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':generating': 'generating', ':now': now.getTime() },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async complete(period: string, generatedAt: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.report(period),
        UpdateExpression: 'SET #state = :done, generatedAt = :at REMOVE leaseUntil, #owner',
        ExpressionAttributeNames: { '#state': 'state', '#owner': 'owner' },
        ExpressionAttributeValues: { ':done': 'done', ':at': generatedAt },
      }),
    );
  }
}
