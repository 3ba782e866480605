import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  type PutCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { DependencyUnavailableError } from '../domain/errors';
import type { CounterIncrement } from '../ports';
import { TRANSIENT_REASONS } from './aws-errors';
import { keys } from './dynamo-keys';

/** Tries of a write refused for contention, within a request's few-second budget. */
const CONTENTION_ATTEMPTS = 4;

/**
 * A transaction, tried again when DynamoDB cancels it for contention with another transaction
 * on the same items (busy offices' counters) rather than for a failed condition: a cancelled
 * transaction wrote nothing, so trying again is safe. The SDK itself retries throttling. A
 * transaction still cancelled only for being busy becomes DependencyUnavailableError (503, retry).
 */
export async function transactWrite(db: DynamoDBDocumentClient, input: TransactWriteCommandInput): Promise<void> {
  await retryContention(() => db.send(new TransactWriteCommand(input)));
}

/**
 * A write tried again, a bounded number of times with backoff, while DynamoDB refuses it for
 * contention (isContention): a refused write wrote nothing. Still refused, it becomes
 * DependencyUnavailableError; any other error is the caller's at once.
 */
export async function retryContention<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isContention(error)) throw error;
      if (attempt >= CONTENTION_ATTEMPTS) throw new DependencyUnavailableError(1, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt + Math.random() * 20));
    }
  }
}

/**
 * Busy, not refused: a transaction cancelled only for reasons such as TransactionConflict (no
 * condition failed), or a single write made while a transaction held its item, which DynamoDB
 * answers TransactionConflictException (by then DependencyUnavailableError: aws-errors.ts).
 */
function isContention(error: unknown): boolean {
  if (error instanceof TransactionCanceledException) {
    const reasons = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
    return !reasons.includes('ConditionalCheckFailed') && reasons.some((code) => TRANSIENT_REASONS.has(code));
  }
  const cause = error instanceof DependencyUnavailableError ? error.cause : error;
  return cause instanceof Error && cause.name === 'TransactionConflictException';
}

/** Which items of a cancelled transaction failed their condition, by position. */
export function failedConditions(error: unknown): boolean[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((reason) => reason.Code === 'ConditionalCheckFailed');
}

/** ADD is atomic in DynamoDB: concurrent submissions in one office each count exactly once. */
export function counterUpdate(tableName: string, counter: CounterIncrement) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':office': counter.officeCode, ':period': counter.period };
  const adds = Object.entries(counter.add).map(([field, amount], i) => {
    names[`#f${i}`] = field;
    values[`:v${i}`] = amount;
    return `#f${i} :v${i}`;
  });
  return {
    TableName: tableName,
    Key: keys.counter(counter.officeCode, counter.period),
    UpdateExpression: `SET officeCode = :office, period = :period ADD ${adds.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * A put under a condition (the code is free, the version unchanged): a failed condition becomes
 * the domain's own error, which says what the caller's request ran into.
 */
export async function conditionalPut(
  db: DynamoDBDocumentClient,
  input: PutCommandInput & { ConditionExpression: string },
  conflict: () => Error,
): Promise<void> {
  try {
    await db.send(new PutCommand(input));
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw conflict();
    throw error;
  }
}
