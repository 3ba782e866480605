import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type FeeSchedule, yearOfVersion } from '../domain/fees';
import type { FeeScheduleRepository, StoredFeeSchedule } from '../ports';
import { keys } from './dynamo-keys';
import { queryAll } from './dynamo-query';

/**
 * Fee schedules, one item per version under its Solar Hijri year (key layout: dynamo-keys.ts).
 * The schedule travels as its JSON text: amounts are decimal strings already, and the text is
 * exactly what was loaded, with no number or empty value reshaped on the way in or out.
 */
export class DynamoFeeScheduleRepository implements FeeScheduleRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async forYear(year: number): Promise<StoredFeeSchedule[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.feeScheduleYear(year) },
      ConsistentRead: true,
    });
    return items.map(fromItem);
  }

  async get(versionId: string): Promise<StoredFeeSchedule | undefined> {
    const year = yearOfVersion(versionId);
    if (year === undefined) return undefined;
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.feeSchedule(year, versionId), ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  async put(stored: StoredFeeSchedule, expected?: { contentHash: string }): Promise<boolean> {
    const { schedule } = stored;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.feeSchedule(schedule.year, schedule.versionId),
            entity: 'fee-schedule',
            versionId: schedule.versionId,
            year: schedule.year,
            revision: schedule.revision,
            demo: schedule.demo,
            validFrom: schedule.validFrom,
            validTo: schedule.validTo,
            document: JSON.stringify(schedule),
            contentHash: stored.contentHash,
            loadedAt: stored.loadedAt,
          },
          ...(expected
            ? {
                // Only the content the caller read, and only while no quote has used it.
                ConditionExpression: 'contentHash = :expected AND attribute_not_exists(usedAt)',
                ExpressionAttributeValues: { ':expected': expected.contentHash },
              }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async markUsed(versionId: string, contentHash: string, at: Date): Promise<boolean> {
    const year = yearOfVersion(versionId);
    if (year === undefined) return false;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.feeSchedule(year, versionId),
          UpdateExpression: 'SET usedAt = if_not_exists(usedAt, :at)',
          ConditionExpression: 'contentHash = :hash',
          ExpressionAttributeValues: { ':at': at.toISOString(), ':hash': contentHash },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

function fromItem(item: Record<string, unknown>): StoredFeeSchedule {
  return {
    schedule: JSON.parse(String(item.document)) as FeeSchedule,
    contentHash: String(item.contentHash),
    loadedAt: String(item.loadedAt),
    ...(typeof item.usedAt === 'string' ? { usedAt: item.usedAt } : {}),
  };
}
