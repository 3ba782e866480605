import { DependencyUnavailableError } from '../domain/errors';

const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'InternalServerError',
  'ServiceUnavailable',
  'SlowDown',
  'InternalError',
  'TimeoutError',
  'RequestTimeout',
]);

/** Cancellation reasons of a transaction that say "busy", not "refused": trying later may work. */
export const TRANSIENT_REASONS = new Set([
  'ThrottlingError',
  'TransactionConflict',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

/**
 * Failures of DynamoDB or S3 that outlasted the SDK's own retries: throttling, contention, a 5xx,
 * a timeout. A cancelled transaction is not one of them here: its reasons are the adapter's to
 * read (a failed condition is an answer, not an outage), see dynamo-transactions.ts.
 */
export function isTransientSdkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const sdk = error as Error & { $metadata?: { httpStatusCode?: number }; cause?: unknown };
  if (sdk.name === 'TransactionCanceledException') return false;
  if (TRANSIENT_NAMES.has(sdk.name)) return true;
  if ((sdk.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return sdk.cause !== undefined && sdk.cause !== error && isTransientSdkError(sdk.cause);
}

type Stack = {
  add: (middleware: unknown, options: { step: string; name: string; priority?: string }) => void;
};

/**
 * Outside the SDK's retry loop (the initialize step), a failure that is still transient becomes
 * the port-level DependencyUnavailableError: the layers above never see an SDK exception, and the
 * HTTP layer answers it with 503 and Retry-After.
 */
export function translateTransientErrors(client: { middlewareStack: unknown }): void {
  (client.middlewareStack as Stack).add(
    (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      try {
        return await next(args);
      } catch (error) {
        if (isTransientSdkError(error)) throw new DependencyUnavailableError(1, { cause: error });
        throw error;
      }
    },
    { step: 'initialize', name: 'translateTransientErrors', priority: 'high' },
  );
}
