import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Court } from '../domain/court';
import type { ProvinceCode } from '../domain/provinces';
import type { CourtRegistrySnapshot } from '../domain/routing';
import type { PetitionEvent } from '../events/petition-events';
import type { CounterIncrement, SubmissionRecord, SubmissionSnapshot, SubmissionStore } from '../ports';
import { courtFromItem, fallbacksFromItem } from './dynamo-court-repository';
import { indexKeys, keys } from './dynamo-keys';
import { officeFromItem } from './dynamo-office-repository';
import { outboxPut } from './dynamo-outbox';
import { paidTotalsFromItem } from './dynamo-payment-repository';
import { petitionFromItem, trackingEntryItem, versionedPut } from './dynamo-petition-repository';
import { queryAll } from './dynamo-query';
import { counterUpdate, failedConditions, transactWrite } from './dynamo-transactions';

/**
 * Submission in three DynamoDB calls: one BatchGetItem for the petition, its paid totals, its
 * office and the key's record (consistent reads); one Query of the office's province's court registry (its courts and
 * fallbacks, one gsi3 partition) for routing, since the province is known only from the office;
 * one TransactWriteItems for everything submission changes, the key's record and the events
 * included. The record lives in the idempotency table (one partition per record, a TTL). A
 * written statement on a case of another province's court reads that court too (a fourth call).
 *
 * The registry query's cost: a province has at most a few hundred courts of about 300 bytes, so
 * one query reads under 100 KB (at most 13 read units, eventually consistent) in one page.
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

  async courtRegistry(provinceCode: ProvinceCode, caseCourtCode?: string): Promise<CourtRegistrySnapshot> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': indexKeys.courtRegistryPartition(provinceCode) },
    });
    const courts: Court[] = items.filter((item) => item.entity === 'court').map(courtFromItem);
    if (caseCourtCode && !courts.some((court) => court.courtCode === caseCourtCode)) {
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: keys.court(caseCourtCode) }),
      );
      if (Item) courts.push(courtFromItem(Item));
    }
    return { courts, fallbacks: fallbacksFromItem(items.find((item) => item.entity === 'court-fallbacks')) };
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
