import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ProvinceCode } from '../domain/provinces';
import type { CourtRegistrySnapshot } from '../domain/routing';
import type { PetitionEvent } from '../events/petition-events';
import type { CounterIncrement, SubmissionRecord, SubmissionSnapshot, SubmissionStore } from '../ports';
import { readCourtRegistry } from './dynamo-court-registry';
import { keys } from './dynamo-keys';
import { officeFromItem } from './dynamo-office-repository';
import { outboxPut } from './dynamo-outbox';
import { paidTotalsFromItem } from './dynamo-payment-repository';
import { petitionFromItem, trackingEntryItem, versionedPut } from './dynamo-petition-repository';
import { counterUpdate, failedConditions, transactWrite } from './dynamo-transactions';

/**
 * Submission in three DynamoDB calls: one BatchGetItem for the petition, its paid totals, its
 * office and the key's record (consistent reads); one Query of the office's province's court registry (its courts and
 * fallbacks, one gsi3 partition) for routing, since the province is known only from the office;
 * one TransactWriteItems for everything submission changes, the key's record and the events
 * included. The record lives in the idempotency table (one partition per record, a TTL). A
 * written statement on a case of another province's court reads that court too (a fourth call).
 * The registry query's cost: dynamo-court-registry.ts.
 */
export class DynamoSubmissionStore implements SubmissionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly recordsTableName: string,
  ) {}

  async load(petitionId: string, officeCode: string, key: string): Promise<SubmissionSnapshot> {
    const wanted = {
      [this.tableName]: {
        Keys: [keys.petition(petitionId), keys.paidTotals(petitionId), keys.office(officeCode)],
        ConsistentRead: true,
      },
      [this.recordsTableName]: { Keys: [keys.submission(officeCode, key)], ConsistentRead: true },
    };
    const found: Array<Record<string, unknown>> = [];
    let pending: Record<string, { Keys: Array<Record<string, unknown>>; ConsistentRead: boolean }> | undefined = wanted;
    // BatchGetItem may leave keys unprocessed under load: ask again for those only.
    for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt));
      const result = await this.db.send(new BatchGetCommand({ RequestItems: pending }));
      for (const items of Object.values(result.Responses ?? {})) found.push(...items);
      pending = result.UnprocessedKeys as typeof pending;
      if (attempt > 5 && pending && Object.keys(pending).length > 0) throw new Error('keys left unprocessed');
    }
    const petition = found.find((item) => item.entity === 'petition');
    const office = found.find((item) => item.entity === 'office');
    const record = found.find((item) => typeof item.id === 'string');
    const paid = found.find((item) => item.entity === 'paid-totals');
    return {
      ...(petition ? { petition: petitionFromItem(petition) } : {}),
      ...(paid ? { paid: paidTotalsFromItem(paid) } : {}),
      ...(office ? { office: officeFromItem(office) } : {}),
      ...(record ? { record: recordFromItem(record) } : {}),
    };
  }

  async record(officeCode: string, key: string): Promise<SubmissionRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.recordsTableName, Key: keys.submission(officeCode, key), ConsistentRead: true }),
    );
    return Item ? recordFromItem(Item) : undefined;
  }

  courtRegistry(provinceCode: ProvinceCode, caseCourtCode?: string): Promise<CourtRegistrySnapshot> {
    return readCourtRegistry(this.db, this.tableName, provinceCode, caseCourtCode);
  }

  async commit(
    petition: Parameters<SubmissionStore['commit']>[0],
    previousVersion: number,
    counters: CounterIncrement[],
    record: SubmissionRecord,
    events: PetitionEvent[] = [],
  ): ReturnType<SubmissionStore['commit']> {
    try {
      await transactWrite(this.db, {
        TransactItems: [
          { Put: versionedPut(this.tableName, petition, previousVersion) },
          {
            Put: {
              TableName: this.tableName,
              Item: trackingEntryItem({ ...petition, trackingCode: record.answer.trackingCode }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.recordsTableName,
              Item: { ...keys.submission(record.officeCode, record.key), ...record, expiration: record.expiresAt },
              ConditionExpression: 'attribute_not_exists(id)',
            },
          },
          ...counters.map((c) => ({ Update: counterUpdate(this.tableName, c) })),
          ...events.map((event) => outboxPut(this.tableName, event)),
        ],
      });
      return 'ok';
    } catch (error) {
      const failed = failedConditions(error);
      if (!failed) throw error;
      // The key first: a concurrent request with the same key also moved the petition on.
      if (failed[2]) return 'key-taken';
      if (failed[0]) return 'petition-changed';
      if (failed[1]) return 'tracking-code-taken';
      throw error;
    }
  }
}

function recordFromItem(item: Record<string, unknown>): SubmissionRecord {
  const { id: _id, expiration: _expiration, ...record } = item;
  return record as unknown as SubmissionRecord;
}
