import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { byCodePoint } from '../domain/order';
import type { Party } from '../domain/petition';
import type { DeliveryReport } from '../domain/sms-port';
import type { DeliveryRecording, FirstDelivery, NoticeSources, SmsNotice, SmsNoticeStore } from '../use-cases/notices';
import { indexKeys, keys, SMS_DUE_SHARDS } from './dynamo-keys';
import { transactWrite } from './dynamo-transactions';

/**
 * SMS notices in the data table (layout: dynamo-keys.ts). A notice is one item per event and
 * party, created with a conditional put, so an event handled twice records it once. While it is
 * not sent it sits in gsi3 under `SMS-DUE#<shard>`, sorted by when it is due, where the dispatcher
 * finds it; sending or failing for good removes those keys, so the index holds only what is due.
 * The petition and office are only read here (their parties and short name).
 */

/** A year: the record of what went to whom (by party index) serves support cases and the notice records. */
const NOTICE_RETENTION_SECONDS = 365 * 86_400;

const shardOf = (localId: string) => Number(localId.slice(-6)) % SMS_DUE_SHARDS;

export class DynamoSmsNotices implements SmsNoticeStore, NoticeSources {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async parties(petitionId: string): Promise<readonly Party[] | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.petition(petitionId),
        ConsistentRead: true,
        ProjectionExpression: 'parties',
      }),
    );
    return Item ? ((Item.parties as Party[] | undefined) ?? []) : undefined;
  }

  async officeShortName(officeCode: string): Promise<string | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.office(officeCode), ProjectionExpression: 'shortName' }),
    );
    return typeof Item?.shortName === 'string' ? Item.shortName : undefined;
  }

  async record(notice: SmsNotice): Promise<{ created: boolean; notice: SmsNotice }> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.smsNotice(notice.eventId, notice.partyIndex),
            gsi3pk: indexKeys.smsDue(shardOf(notice.localId)),
            gsi3sk: indexKeys.smsDueSortKey(notice.sendAt, notice.eventId, notice.partyIndex),
            entity: 'sms-notice',
            ...notice,
            expiresAt: Math.floor(Date.parse(notice.createdAt) / 1000) + NOTICE_RETENTION_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
          // The stored notice comes back with the refusal: no second read to learn its state.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { created: true, notice };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && error.Item) {
        return { created: false, notice: noticeFromItem(unmarshalled(error.Item)) };
      }
      throw error;
    }
  }

  async claim(eventId: string, partyIndex: number, now: Date, staleBefore: Date): Promise<SmsNotice | undefined> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.smsNotice(eventId, partyIndex),
          UpdateExpression: 'SET #state = :sending, claimedAt = :now ADD attempts :one',
          ConditionExpression: 'sendAt <= :now AND (#state = :due OR (#state = :sending AND claimedAt < :stale))',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':due': 'due',
            ':now': now.toISOString(),
            ':stale': staleBefore.toISOString(),
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? noticeFromItem(Attributes) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async markSent(eventId: string, partyIndex: number, sent: { providerMessageId: string; at: Date }): Promise<void> {
    // The provider's message id points back to the notice, in the same transaction, so that a
    // delivery report (which names only that id) finds its notice with one read.
    await transactWrite(this.db, {
      TransactItems: [
        {
          Update: {
            TableName: this.tableName,
            Key: keys.smsNotice(eventId, partyIndex),
            UpdateExpression:
              'SET #state = :sent, sentAt = :at, providerMessageId = :id REMOVE claimedAt, failure, gsi3pk, gsi3sk',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':sent': 'sent', ':at': sent.at.toISOString(), ':id': sent.providerMessageId },
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.smsMessage(sent.providerMessageId),
              entity: 'sms-message',
              eventId,
              partyIndex,
              expiresAt: Math.floor(sent.at.getTime() / 1000) + NOTICE_RETENTION_SECONDS,
            },
          },
        },
      ],
    });
  }

  async recordDelivery(
    report: DeliveryReport,
    receivedAt: Date,
  ): Promise<{ recording: DeliveryRecording; delivered?: FirstDelivery }> {
    const { Item: pointer } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.smsMessage(report.providerMessageId) }),
    );
    if (!pointer) return { recording: 'unknown' };
    const at = report.at ?? receivedAt.toISOString();
    const eventId = String(pointer.eventId);
    const partyIndex = Number(pointer.partyIndex);
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.smsNotice(eventId, partyIndex),
          UpdateExpression:
            report.state === 'delivered'
              ? 'SET delivery = :delivery, deliveredAt = if_not_exists(deliveredAt, :at)'
              : 'SET delivery = :delivery',
          // A final state is never overwritten (reports arrive at least once and out of order),
          // and the same report twice changes nothing.
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(delivery) OR (NOT delivery.#state IN (:d, :u, :f, :b) ' +
            'AND delivery.#state <> :state))',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':delivery': { state: report.state, providerStatus: report.providerStatus, at },
            ':state': report.state,
            // DynamoDB refuses a value the expressions do not use.
            ...(report.state === 'delivered' ? { ':at': at } : {}),
            ':d': 'delivered',
            ':u': 'undelivered',
            ':f': 'failed',
            ':b': 'blocked',
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      const petitionId = Attributes?.petitionId;
      return report.state === 'delivered' && typeof petitionId === 'string'
        ? { recording: 'recorded', delivered: { petitionId, eventId, partyIndex, at: String(Attributes?.deliveredAt) } }
        : { recording: 'recorded' };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { recording: 'unchanged' };
      throw error;
    }
  }

  async release(eventId: string, partyIndex: number, failure: string, final: boolean): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.smsNotice(eventId, partyIndex),
        UpdateExpression: final
          ? 'SET #state = :failed, failure = :failure REMOVE claimedAt, gsi3pk, gsi3sk'
          : 'SET #state = :due, failure = :failure REMOVE claimedAt',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { [final ? ':failed' : ':due']: final ? 'failed' : 'due', ':failure': failure },
      }),
    );
  }

  async due(now: Date, limit: number): Promise<Array<{ eventId: string; partyIndex: number }>> {
    // `~` sorts after every ISO instant's characters: everything due up to and including now.
    const until = `${now.toISOString()}~`;
    const pages = await Promise.all(
      Array.from({ length: SMS_DUE_SHARDS }, (_, shard) =>
        this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'gsi3',
            KeyConditionExpression: 'gsi3pk = :shard AND gsi3sk <= :until',
            ExpressionAttributeValues: { ':shard': indexKeys.smsDue(shard), ':until': until },
            ProjectionExpression: 'eventId, partyIndex, gsi3sk',
            Limit: limit,
          }),
        ),
      ),
    );
    return pages
      .flatMap((page) => page.Items ?? [])
      .sort((a, b) => byCodePoint(String(a.gsi3sk), String(b.gsi3sk)))
      .slice(0, limit)
      .map((item) => ({ eventId: String(item.eventId), partyIndex: Number(item.partyIndex) }));
  }
}

function noticeFromItem(item: Record<string, unknown>): SmsNotice {
  const { pk: _pk, sk: _sk, gsi3pk: _a, gsi3sk: _b, entity: _e, expiresAt: _x, claimedAt: _c, ...notice } = item;
  return notice as unknown as SmsNotice;
}

/** The item a refused conditional write returns comes in DynamoDB's typed form, even through the document client. */
function unmarshalled(item: Record<string, unknown>): Record<string, unknown> {
  const value = (attribute: Record<string, unknown>): unknown => {
    if ('S' in attribute) return attribute.S;
    if ('N' in attribute) return Number(attribute.N);
    if ('BOOL' in attribute) return attribute.BOOL;
    if ('NULL' in attribute) return null;
    if ('M' in attribute) return unmarshalled(attribute.M as Record<string, unknown>);
    if ('L' in attribute) return (attribute.L as Record<string, unknown>[]).map(value);
    return undefined;
  };
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, value(v as Record<string, unknown>)]));
}
