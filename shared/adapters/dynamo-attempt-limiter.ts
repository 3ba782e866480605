import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { GUESS_POLICY } from '../domain/guessing';
import type { AttemptLimiter } from '../ports';

/**
 * `pk = GUESS#<key>`, `sk = GUESS`: failures in the current window and when it ends. The item
 * carries a TTL (`expiresAt`) so DynamoDB clears it, and the window end is checked here as well,
 * since TTL deletion may lag (and DynamoDB Local's timing differs from the cloud's).
 */
export class DynamoAttemptLimiter implements AttemptLimiter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async blockedFor(key: string, now: Date): Promise<number> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: { pk: `GUESS#${key}`, sk: 'GUESS' } }),
    );
    const windowEndsAt = Number(Item?.windowEndsAt ?? 0);
    if (!Item || windowEndsAt <= now.getTime() || Number(Item.failures) < GUESS_POLICY.maxFailures) return 0;
    return Math.max(1, Math.ceil((windowEndsAt - now.getTime()) / 1000));
  }

  async recordFailure(key: string, now: Date): Promise<void> {
    const Key = { pk: `GUESS#${key}`, sk: 'GUESS' };
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key,
          UpdateExpression: 'ADD failures :one',
          ConditionExpression: 'windowEndsAt > :now',
          ExpressionAttributeValues: { ':one': 1, ':now': now.getTime() },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const windowEndsAt = now.getTime() + GUESS_POLICY.windowSeconds * 1000;
      // A new window; if a concurrent miss opened it first, count this one there.
      await this.db
        .send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...Key,
              entity: 'guess-window',
              failures: 1,
              windowEndsAt,
              expiresAt: Math.ceil(windowEndsAt / 1000) + 60,
            },
            ConditionExpression: 'attribute_not_exists(pk) OR windowEndsAt <= :now',
            ExpressionAttributeValues: { ':now': now.getTime() },
          }),
        )
        .catch(async (putError: unknown) => {
          if (!(putError instanceof ConditionalCheckFailedException)) throw putError;
          await this.db.send(
            new UpdateCommand({
              TableName: this.tableName,
              Key,
              UpdateExpression: 'ADD failures :one',
              ExpressionAttributeValues: { ':one': 1 },
            }),
          );
        });
    }
  }
}
