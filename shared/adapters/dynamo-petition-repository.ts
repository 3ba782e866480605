import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, InvalidCursorError } from '../domain/errors';
import type { HistoryEntry, Petition } from '../domain/petition';
import { solarHijriMonth } from '../domain/solar-hijri';
import type { CounterIncrement, Feedback, PetitionPageQuery, PetitionRepository, PetitionSummary } from '../ports';

/**
 * Key layout:
 * - petition          pk `PETITION#<id>`  sk `PETITION`
 *   gsi1 (all of an office)       `OFFICE#<code>#PETITIONS`           / `<month>#<time>#<id>`
 *   gsi2 (an office, one status)  `OFFICE#<code>#PETITIONS#<status>`  / `<month>#<time>#<id>`
 *   (month and time: of submission, of creation for drafts; so newest first and a month is a prefix)
 * - tracking code     pk `TRACK#<code>`   sk `TRACK`      → petitionId; claimed once, in the submit transaction
 * - rating            pk `PETITION#<id>`  sk `FEEDBACK`   one per petition
 * - audit entries     pk `PETITION#<id>`  sk `AUDIT#<time>#<uuid>`  (downloads: never rewrite the petition)
 * - counters          pk `OFFICE#<code>`  sk `COUNT#J#<yyyy-mm>` / `COUNT#G#<yyyy-mm>`
 * Every key written by a submission belongs to one petition or one office: no key is shared by
 * the whole country, so no partition runs hot at national peaks.
 */
/** Tries of a transaction cancelled by contention, within a request's few-second budget. */
const CONTENTION_ATTEMPTS = 4;

const petitionKey = (petitionId: string) => ({ pk: `PETITION#${petitionId}`, sk: 'PETITION' });
const trackKey = (code: string) => ({ pk: `TRACK#${code}`, sk: 'TRACK' });
const counterKey = (officeCode: string, period: string) => ({ pk: `OFFICE#${officeCode}`, sk: `COUNT#${period}` });

export class DynamoPetitionRepository implements PetitionRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async insert(petition: Petition): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: petitionItem(petition),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(petitionId: string): Promise<Petition | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: petitionKey(petitionId), ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  async submit(
    petition: Petition,
    previousVersion: number,
    counters: CounterIncrement[],
  ): Promise<'ok' | 'tracking-code-taken'> {
    try {
      await this.transact({
        TransactItems: [
          { Put: this.versionedPut(petition, previousVersion) },
          {
            Put: {
              TableName: this.tableName,
              Item: { ...trackKey(petition.trackingCode!), petitionId: petition.petitionId, entity: 'tracking-code' },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...counters.map((c) => ({ Update: this.counterUpdate(c) })),
        ],
      });
      return 'ok';
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed')
        throw new ConflictError('petition-changed', { expected: previousVersion });
      if (reasons[1]?.Code === 'ConditionalCheckFailed') return 'tracking-code-taken';
      throw error;
    }
  }

  async save(petition: Petition, previousVersion: number, counters: CounterIncrement[] = []): Promise<void> {
    try {
      if (counters.length === 0) {
        await this.db.send(new PutCommand(this.versionedPut(petition, previousVersion)));
        return;
      }
      await this.transact({
        TransactItems: [
          { Put: this.versionedPut(petition, previousVersion) },
          ...counters.map((c) => ({ Update: this.counterUpdate(c) })),
        ],
      });
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (error instanceof ConditionalCheckFailedException || reasons[0]?.Code === 'ConditionalCheckFailed') {
        throw new ConflictError('petition-changed', { expected: previousVersion });
      }
      throw error;
    }
  }

  async page(query: PetitionPageQuery): Promise<{ items: PetitionSummary[]; nextCursor: string | null }> {
    const index = query.status ? 'gsi2' : 'gsi1';
    const partition = query.status
      ? `OFFICE#${query.officeCode}#PETITIONS#${query.status}`
      : `OFFICE#${query.officeCode}#PETITIONS`;
    const startKey = query.cursor ? decodeCursor(query.cursor, index, partition) : undefined;
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: query.month ? '#pk = :pk AND begins_with(#sk, :month)' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': `${index}pk`, ...(query.month ? { '#sk': `${index}sk` } : {}) },
        ExpressionAttributeValues: { ':pk': partition, ...(query.month ? { ':month': `${query.month}#` } : {}) },
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    const last = result.LastEvaluatedKey;
    // The listing indexes hold the summary attributes only (see PETITION_SUMMARY_ATTRIBUTES).
    const items = (result.Items ?? []).map((item) => fromItem(item) as unknown as PetitionSummary);
    return { items, nextCursor: last ? Buffer.from(JSON.stringify(last)).toString('base64url') : null };
  }

  async findByTrackingCode(trackingCode: string): Promise<Petition | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: trackKey(trackingCode) }));
    return Item ? this.get(String(Item.petitionId)) : undefined;
  }

  async recordAccess(entry: HistoryEntry & { petitionId: string }): Promise<void> {
    const { petitionId, ...audit } = entry;
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: `PETITION#${petitionId}`, sk: `AUDIT#${audit.at}#${randomUUID()}`, entity: 'audit', ...audit },
      }),
    );
  }

  async auditTrail(petitionId: string): Promise<HistoryEntry[]> {
    const entries: HistoryEntry[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
          ExpressionAttributeValues: { ':pk': `PETITION#${petitionId}`, ':audit': 'AUDIT#' },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const { pk: _pk, sk: _sk, entity: _e, ...entry } of page.Items ?? []) entries.push(entry as HistoryEntry);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return entries;
  }

  async addFeedback(feedback: Feedback, counters: CounterIncrement[]): Promise<void> {
    try {
      await this.transact({
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { pk: `PETITION#${feedback.petitionId}`, sk: 'FEEDBACK', entity: 'feedback', ...feedback },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...counters.map((c) => ({ Update: this.counterUpdate(c) })),
        ],
      });
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new ConflictError('already-rated');
      throw error;
    }
  }

  /**
   * A transaction, tried again when DynamoDB cancels it for contention with another transaction
   * on the same items (busy offices' counters) rather than for a failed condition: a cancelled
   * transaction wrote nothing, so trying again is safe. The SDK itself retries throttling.
   */
  private async transact(input: TransactWriteCommandInput): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.send(new TransactWriteCommand(input));
        return;
      } catch (error) {
        const contention =
          error instanceof TransactionCanceledException &&
          (error.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');
        if (!contention || attempt >= CONTENTION_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 20));
      }
    }
  }

  private versionedPut(petition: Petition, previousVersion: number) {
    return {
      TableName: this.tableName,
      Item: petitionItem(petition),
      ConditionExpression: 'version = :previous',
      ExpressionAttributeValues: { ':previous': previousVersion },
    };
  }

  /** ADD is atomic in DynamoDB: concurrent submissions in one office each count exactly once. */
  private counterUpdate(counter: CounterIncrement) {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':office': counter.officeCode, ':period': counter.period };
    const adds = Object.entries(counter.add).map(([field, amount], i) => {
      names[`#f${i}`] = field;
      values[`:v${i}`] = amount;
      return `#f${i} :v${i}`;
    });
    return {
      TableName: this.tableName,
      Key: counterKey(counter.officeCode, counter.period),
      UpdateExpression: `SET officeCode = :office, period = :period ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    };
  }
}

function listSortKey(petition: Petition): string {
  const at = petition.submittedAt ?? petition.createdAt;
  return `${petition.month ?? solarHijriMonth(new Date(petition.createdAt))}#${at}#${petition.petitionId}`;
}

/** The stored form of a petition, with its index keys (also used by the bench to seed volume). */
export function petitionItem(petition: Petition): Record<string, unknown> {
  const sortKey = listSortKey(petition);
  return {
    ...petitionKey(petition.petitionId),
    gsi1pk: `OFFICE#${petition.officeCode}#PETITIONS`,
    gsi1sk: sortKey,
    gsi2pk: `OFFICE#${petition.officeCode}#PETITIONS#${petition.status}`,
    gsi2sk: sortKey,
    entity: 'petition',
    ...petition,
  };
}

function fromItem(item: Record<string, unknown>): Petition {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, entity: _e, ...petition } = item;
  return petition as unknown as Petition;
}

/** A cursor is the page's last key; it must point into the very partition being listed. */
function decodeCursor(cursor: string, index: 'gsi1' | 'gsi2', partition: string): Record<string, unknown> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const expected = ['pk', 'sk', `${index}pk`, `${index}sk`].sort();
  if (
    typeof key !== 'object' ||
    key === null ||
    Object.keys(key).sort().join() !== expected.join() ||
    Object.values(key).some((v) => typeof v !== 'string' || v.length > 300) ||
    (key as Record<string, string>)[`${index}pk`] !== partition
  ) {
    throw new InvalidCursorError();
  }
  return key as Record<string, unknown>;
}
