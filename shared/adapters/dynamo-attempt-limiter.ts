import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type GuessBudget, guessWindow } from '../domain/guessing';
import type { AttemptLimiter } from '../ports';
import { keys } from './dynamo-keys';
import { failedConditions, transactWrite } from './dynamo-transactions';

/**
 * Tries counted per budget and fixed window: `pk = GUESS#<budget key>#<window start>`. A try is
 * reserved before it is evaluated, all budgets at once in one transaction whose conditions refuse
 * a spent budget, so thirty concurrent guesses cannot get more than the budget evaluated. Items
 * carry a TTL (`expiresAt`) a little after their window ends; an old window is simply never read.
 */
export class DynamoAttemptLimiter implements AttemptLimiter {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async reserve(budgets: readonly GuessBudget[], now: Date): Promise<{ retryAfter: number } | undefined> {
    const window = guessWindow(now);
    try {
      await transactWrite(this.db, {
        TransactItems: budgets.map((budget) => ({
          Update: {
            TableName: this.tableName,
            Key: keys.guessWindow(`${budget.key}#${window.start}`),
            UpdateExpression: 'SET entity = :entity, expiresAt = :expires ADD tries :one',
            ConditionExpression: 'attribute_not_exists(tries) OR tries < :max',
            ExpressionAttributeValues: {
              ':entity': 'guess-window',
              ':expires': window.endsAt + 60,
              ':one': 1,
              ':max': budget.max,
            },
          },
        })),
      });
      return undefined;
    } catch (error) {
      if (!failedConditions(error)?.some(Boolean)) throw error;
      return { retryAfter: Math.max(1, window.endsAt - Math.floor(now.getTime() / 1000)) };
    }
  }

  async refund(budgets: readonly GuessBudget[], now: Date): Promise<void> {
    const window = guessWindow(now);
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: budgets.map((budget) => ({
          Update: {
            TableName: this.tableName,
            Key: keys.guessWindow(`${budget.key}#${window.start}`),
            UpdateExpression: 'ADD tries :minusOne',
            // Only an existing count: a refund after the window rolled over must not create one below zero.
            ConditionExpression: 'tries > :zero',
            ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
          },
        })),
      }),
    );
  }
}
