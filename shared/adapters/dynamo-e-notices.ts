import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ENotice, ViewChannel } from '../domain/e-notices';
import { byCodePoint } from '../domain/order';
import type { ENoticeStore } from '../ports';
import { keys } from './dynamo-keys';

/**
 * Electronic notices in the data table, in a partition per petition (`ENOTICE#<petitionId>`), apart
 * from the petition's own partition: the delivery-report webhook, a public route, may then update
 * notices and nothing of the petition (its grant names only `ENOTICE#*`). A notice is posted with
 * a conditional put inside the change's transaction (`eNoticePut`); everything after only adds.
 */
export function eNoticePut(tableName: string, notice: ENotice) {
  return {
    Put: {
      TableName: tableName,
      Item: { ...keys.eNotice(notice.petitionId, notice.noticeId), entity: 'e-notice', ...notice },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export class DynamoENotices implements ENoticeStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async ofPetition(petitionId: string): Promise<ENotice[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.eNoticePartition(petitionId) },
        ConsistentRead: true,
      }),
    );
    return Items.map(noticeOf).sort((a, b) => byCodePoint(a.servedAt, b.servedAt));
  }

  async recordView(petitionId: string, noticeId: string, at: Date, channel: ViewChannel): Promise<void> {
    await this.update(petitionId, noticeId, {
      UpdateExpression:
        'SET firstViewedAt = if_not_exists(firstViewedAt, :at), firstViewChannel = if_not_exists(firstViewChannel, :channel), ' +
        'lastViewedAt = :at ADD #views :one',
      ExpressionAttributeNames: { '#views': 'views' },
      ExpressionAttributeValues: { ':at': at.toISOString(), ':channel': channel, ':one': 1 },
    });
  }

  async recordPrint(petitionId: string, noticeId: string, at: Date, officeCode: string): Promise<void> {
    await this.update(petitionId, noticeId, {
      UpdateExpression: 'SET prints = list_append(prints, :print)',
      ExpressionAttributeValues: { ':print': [{ at: at.toISOString(), officeCode }] },
    });
  }

  async recordSmsDelivery(petitionId: string, noticeId: string, at: string): Promise<void> {
    await this.update(petitionId, noticeId, {
      UpdateExpression: 'SET smsDeliveredAt = if_not_exists(smsDeliveredAt, :at)',
      ExpressionAttributeValues: { ':at': at },
    });
  }

  /** Changes a posted notice; a notice that was never posted stays absent (the update creates nothing). */
  private async update(
    petitionId: string,
    noticeId: string,
    change: Pick<
      ConstructorParameters<typeof UpdateCommand>[0],
      'UpdateExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
    >,
  ): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.eNotice(petitionId, noticeId),
          ConditionExpression: 'attribute_exists(pk)',
          ...change,
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}

function noticeOf(item: Record<string, unknown>): ENotice {
  const { pk: _pk, sk: _sk, entity: _entity, ...notice } = item;
  return notice as unknown as ENotice;
}
