import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { attentionReasons } from '../domain/attention';
import { trackerKeysOf } from '../domain/citizen-access';
import { eNoticesOf } from '../domain/e-notices';
import { ConflictError, InvalidCursorError } from '../domain/errors';
import { noticePartiesOf } from '../domain/notice-recipients';
import type { Payment } from '../domain/payments';
import type { HistoryEntry, Petition } from '../domain/petition';
import { solarHijriMonth } from '../domain/solar-hijri';
import type { PetitionEvent } from '../events/petition-events';
import * as problemTexts from '../i18n/problem-texts';
import type {
  CounterIncrement,
  CourtInboxItem,
  CourtInboxQuery,
  Feedback,
  PetitionPageQuery,
  PetitionReader,
  PetitionRepository,
  PetitionSummary,
  PetitionWriter,
  TrackingEntry,
} from '../ports';
import { compressJson, decompressJson } from './compressed-attribute';
import { eNoticePut } from './dynamo-e-notices';
import { indexKeys, keys } from './dynamo-keys';
import { outboxPut } from './dynamo-outbox';
import { paymentsFromItems } from './dynamo-payment-items';
import { queryAll } from './dynamo-query';
import { counterUpdate, transactWrite } from './dynamo-transactions';

/**
 * What reading petitions takes: a class of its own, so that a function that only reads (a
 * petition, a page, an inbox) bundles none of the writes and what they import (the outbox, the
 * notices, the counters): a class is bundled with all its methods.
 */
export class DynamoPetitionReader implements PetitionReader {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  get(petitionId: string): Promise<Petition | undefined> {
    return getPetition(this.db, this.tableName, petitionId);
  }

  async page(query: PetitionPageQuery): Promise<{ items: PetitionSummary[]; nextCursor: string | null }> {
    const index = query.status ? 'gsi2' : 'gsi1';
    const partition = query.status
      ? indexKeys.officePetitionsByStatus(query.officeCode, query.status)
      : indexKeys.officePetitions(query.officeCode);
    const monthPrefix = query.month ? `${query.month}#` : undefined;
    const startKey = query.cursor ? decodeCursor(query.cursor, index, partition, monthPrefix) : undefined;
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: query.month ? '#pk = :pk AND begins_with(#sk, :month)' : '#pk = :pk',
        ExpressionAttributeNames: { '#pk': `${index}pk`, ...(query.month ? { '#sk': `${index}sk` } : {}) },
        ExpressionAttributeValues: { ':pk': partition, ...(monthPrefix ? { ':month': monthPrefix } : {}) },
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    const last = result.LastEvaluatedKey;
    // The listing indexes hold the summary attributes only (see PETITION_SUMMARY_ATTRIBUTES).
    const items = (result.Items ?? []).map((item) => petitionFromItem(item) as unknown as PetitionSummary);
    return { items, nextCursor: last ? Buffer.from(JSON.stringify(last)).toString('base64url') : null };
  }

  async inbox(query: CourtInboxQuery): Promise<{ items: CourtInboxItem[]; nextCursor: string | null }> {
    const partition = indexKeys.courtInbox(query.courtCode, query.status);
    const startKey = query.cursor ? decodeCursor(query.cursor, 'gsi4', partition) : undefined;
    const result = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi4',
        KeyConditionExpression: 'gsi4pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: false,
        Limit: query.limit,
        ExclusiveStartKey: startKey,
      }),
    );
    const last = result.LastEvaluatedKey;
    const items = (result.Items ?? []).map((item) => {
      const { pk: _pk, sk: _sk, gsi4pk: _a, gsi4sk: _b, ...entry } = item;
      return entry as unknown as CourtInboxItem;
    });
    return { items, nextCursor: last ? Buffer.from(JSON.stringify(last)).toString('base64url') : null };
  }

  async curesEndingOn(day: string, filter: { before?: string; provinceCode?: string } = {}): Promise<Petition[]> {
    const { before, provinceCode } = filter;
    // A day's partition holds the whole country's cures ending that day: the province's are picked
    // out on the server, so only they cross the network and sit in memory (the read is the same).
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: before ? 'gsi3pk = :pk AND gsi3sk < :before' : 'gsi3pk = :pk',
      ...(provinceCode
        ? {
            FilterExpression: '#court.#province = :province OR #province = :province',
            ExpressionAttributeNames: { '#court': 'court', '#province': 'provinceCode' },
          }
        : {}),
      ExpressionAttributeValues: {
        ':pk': indexKeys.cureDue(day),
        ...(before ? { ':before': before } : {}),
        ...(provinceCode ? { ':province': provinceCode } : {}),
      },
    });
    return items.filter((item) => item.entity === 'petition').map(petitionFromItem);
  }

  async trackingEntry(trackingCode: string): Promise<TrackingEntry | undefined> {
    const { Item } = await this.db.send(
      // Consistent: a code just given, or parties just changed, answer as they now are.
      new GetCommand({ TableName: this.tableName, Key: keys.trackingCode(trackingCode), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    return {
      petitionId: String(Item.petitionId),
      ...(typeof Item.officeCode === 'string' ? { officeCode: Item.officeCode } : {}),
      ...(Array.isArray(Item.partyKeys) ? { partyKeys: Item.partyKeys.map(String) } : {}),
      ...(Item.keyedParties === 'told' ? { keyedParties: 'told' as const } : {}),
    };
  }

  /**
   * The petition and its audit trail in one consistent Query: they share the partition, and the
   * audit entries (sk `AUDIT#…`) sort before the petition (sk `PETITION`). Between them lie only
   * the rating, the paid totals and the payments, a few small items that are read and left.
   */
  async withAuditTrail(petitionId: string): Promise<{ petition?: Petition; audit: HistoryEntry[] }> {
    const { skPrefix: auditPrefix } = keys.auditPrefix(petitionId);
    const { petition, items } = await this.partitionUpToPetition(petitionId, auditPrefix);
    const audit = items
      .filter((item) => String(item.sk).startsWith(auditPrefix))
      .map(({ pk: _pk, sk: _sk, entity: _e, ...entry }) => entry as HistoryEntry);
    return { ...(petition ? { petition } : {}), audit };
  }

  /**
   * The petition and its payments in one consistent Query, for a citizen's track: the paid totals
   * (sk `PAID`) and the payments (`PAYMENT#…`) sort just before the petition (`PETITION`), and
   * nothing else of the partition lies between them.
   */
  async withPayments(petitionId: string): Promise<{ petition?: Petition; payments: Payment[] }> {
    const { skPrefix: paymentPrefix } = keys.paymentsPrefix(petitionId);
    const { petition, items } = await this.partitionUpToPetition(petitionId, keys.paidTotals(petitionId).sk);
    const payments = paymentsFromItems(items.filter((item) => String(item.sk).startsWith(paymentPrefix)));
    return { ...(petition ? { petition } : {}), payments };
  }

  /** The items of a petition's partition from sort key `from` up to the petition's own, consistently. */
  private async partitionUpToPetition(petitionId: string, from: string) {
    const { pk, sk } = keys.petition(petitionId);
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :petition',
      ExpressionAttributeValues: { ':pk': pk, ':from': from, ':petition': sk },
      ConsistentRead: true,
    });
    const petition = items.find((item) => item.sk === sk);
    return { petition: petition ? petitionFromItem(petition) : undefined, items };
  }
}

/** Petitions, their audit entries and ratings (key layout: dynamo-keys.ts). */
export class DynamoPetitionRepository extends DynamoPetitionReader implements PetitionRepository {
  async insert(petition: Petition): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: petitionItem(petition),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  save(...change: Parameters<PetitionRepository['save']>): Promise<void> {
    return savePetition(this.db, this.tableName, ...change);
  }

  async recordAccess(entry: HistoryEntry & { petitionId: string }): Promise<void> {
    const { petitionId, ...audit } = entry;
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.audit(petitionId, audit.at, randomUUID()), entity: 'audit', ...audit },
      }),
    );
  }

  async addFeedback(feedback: Feedback, counters: CounterIncrement[]): Promise<void> {
    try {
      await transactWrite(this.db, {
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: { ...keys.feedback(feedback.petitionId), entity: 'feedback', ...feedback },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...counters.map((c) => ({ Update: counterUpdate(this.tableName, c) })),
        ],
      });
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new ConflictError(problemTexts.alreadyRated);
      throw error;
    }
  }
}

/**
 * What a function that changes the petitions an event names needs, and no more: read one, save a
 * change of it. A class is bundled with all its methods, and the repository's (the pages, the
 * inbox, the trails, the ratings) were 4.3 KiB of verification's module load.
 */
export class DynamoPetitionWriter implements PetitionWriter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  get(petitionId: string): Promise<Petition | undefined> {
    return getPetition(this.db, this.tableName, petitionId);
  }

  save(...change: Parameters<PetitionWriter['save']>): Promise<void> {
    return savePetition(this.db, this.tableName, ...change);
  }
}

async function getPetition(db: DynamoDBDocumentClient, tableName: string, petitionId: string) {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: keys.petition(petitionId), ConsistentRead: true }),
  );
  return Item ? petitionFromItem(Item) : undefined;
}

async function savePetition(
  db: DynamoDBDocumentClient,
  tableName: string,
  petition: Petition,
  previousVersion: number,
  counters: CounterIncrement[] = [],
  events: PetitionEvent[] = [],
  options: { trackersChanged?: boolean } = {},
): Promise<void> {
  const retrack = options.trackersChanged === true && petition.trackingCode !== undefined;
  try {
    if (counters.length === 0 && events.length === 0 && !retrack) {
      await db.send(new PutCommand(versionedPut(tableName, petition, previousVersion)));
      return;
    }
    await transactWrite(db, {
      TransactItems: [
        { Put: versionedPut(tableName, petition, previousVersion) },
        ...counters.map((c) => ({ Update: counterUpdate(tableName, c) })),
        ...events.map((event) => outboxPut(tableName, event)),
        // What the change serves on its parties (a defect notice, a rejection order) is posted
        // with it: the service time is the change's own, and no notice exists without its change.
        ...events
          .flatMap((event) => eNoticesOf(event, noticePartiesOf(petition.parties)))
          .map((notice) => eNoticePut(tableName, notice)),
        ...(retrack
          ? [
              {
                Put: {
                  TableName: tableName,
                  Item: trackingEntryItem(petition),
                  // The code's entry, never a new one: the submission claimed it for this petition.
                  ConditionExpression: 'petitionId = :petitionId',
                  ExpressionAttributeValues: { ':petitionId': petition.petitionId },
                },
              },
            ]
          : []),
      ],
    });
  } catch (error) {
    const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
    if (error instanceof ConditionalCheckFailedException || reasons[0]?.Code === 'ConditionalCheckFailed') {
      throw new ConflictError(problemTexts.petitionChanged, { expected: previousVersion });
    }
    throw error;
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
    ...keys.petition(petition.petitionId),
    gsi1pk: indexKeys.officePetitions(petition.officeCode),
    gsi1sk: sortKey,
    gsi2pk: indexKeys.officePetitionsByStatus(petition.officeCode, petition.status),
    gsi2sk: sortKey,
    ...(petition.court && petition.status !== 'draft'
      ? {
          gsi4pk: indexKeys.courtInbox(petition.court.courtCode, petition.status),
          gsi4sk: `${petition.updatedAt}#${petition.petitionId}`,
          courtCode: petition.court.courtCode,
        }
      : {}),
    ...(petition.status === 'returned' && petition.cureDeadline
      ? {
          gsi3pk: indexKeys.cureDue(petition.cureDeadline.endsAt),
          gsi3sk: `${petition.cureDeadline.endsAt}#${petition.petitionId}`,
        }
      : {}),
    ...attentionIndexKeys(petition),
    entity: 'petition',
    ...petition,
    ...(petition.quote ? { quote: compressJson(petition.quote) } : {}),
  };
}

/** The petition's entry in its province's attention list (gsi5), when it needs the province's look. */
export function attentionIndexKeys(
  petition: Pick<
    Petition,
    'provinceCode' | 'updatedAt' | 'petitionId' | 'status' | 'court' | 'cureDeadline' | 'rejection'
  >,
): { gsi5pk: string; gsi5sk: string } | Record<string, never> {
  if (!petition.provinceCode || attentionReasons(petition as Petition).length === 0) return {};
  return {
    gsi5pk: indexKeys.provinceAttention(petition.provinceCode),
    gsi5sk: `${petition.updatedAt}#${petition.petitionId}`,
  };
}

export function petitionFromItem(item: Record<string, unknown>): Petition {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _a,
    gsi1sk: _b,
    gsi2pk: _c,
    gsi2sk: _d,
    gsi3pk: _i,
    gsi3sk: _j,
    gsi4pk: _f,
    gsi4sk: _g,
    gsi5pk: _k,
    gsi5sk: _l,
    courtCode: _h,
    entity: _e,
    quote,
    ...petition
  } = item;
  return { ...petition, ...(quote !== undefined ? { quote: decompressJson(quote) } : {}) } as unknown as Petition;
}

/** A put of the petition that succeeds only if no one changed it since `previousVersion`. */
export function versionedPut(tableName: string, petition: Petition, previousVersion: number) {
  return {
    TableName: tableName,
    Item: petitionItem(petition),
    ConditionExpression: 'version = :previous',
    ExpressionAttributeValues: { ':previous': previousVersion },
  };
}

/**
 * A submitted petition's tracking entry (ports.ts, TrackingEntry): the submission claims the code
 * with it (conditionally, dynamo-submission-store.ts); a change of who may track rewrites it.
 */
export function trackingEntryItem(
  petition: Pick<Petition, 'petitionId' | 'officeCode' | 'kind' | 'parties' | 'caseNumber' | 'trackingCode'>,
) {
  const { trackingCode } = petition;
  if (!trackingCode) throw new Error(`petition ${petition.petitionId} has no tracking code`);
  return {
    ...keys.trackingCode(trackingCode),
    entity: 'tracking-code',
    petitionId: petition.petitionId,
    officeCode: petition.officeCode,
    partyKeys: trackerKeysOf(trackingCode, petition),
    keyedParties: 'told',
  };
}

/**
 * A cursor is the page's last key; it must point into the very partition being listed, and inside
 * the listing's month where it has one. DynamoDB answers a start key outside the key condition, or
 * with an empty key value, with a ValidationException: a cursor reused for another month (a client
 * that kept it when the filter changed) was a 500 instead of a 400.
 */
function decodeCursor(
  cursor: string,
  index: 'gsi1' | 'gsi2' | 'gsi4',
  partition: string,
  sortPrefix = '',
): Record<string, unknown> {
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
    Object.values(key).some((v) => typeof v !== 'string' || v.length === 0 || v.length > 300) ||
    (key as Record<string, string>)[`${index}pk`] !== partition ||
    !(key as Record<string, string>)[`${index}sk`]?.startsWith(sortPrefix)
  ) {
    throw new InvalidCursorError();
  }
  return key as Record<string, unknown>;
}
