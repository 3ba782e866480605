import { DomainError, type ErrorCode, TemporarilyUnavailableError } from '../domain/errors';
import { type Language, PROBLEM_TEXT } from '../i18n/messages';
import type { ApiResult } from './types';

/**
 * The one place where errors become HTTP answers: RFC 9457 problem+json in the caller's language.
 * Unknown errors become a generic 500 that reveals nothing of the error itself.
 */
export function problemResponse(error: unknown, language: Language, instance: string): ApiResult {
  const domain = toDomainError(error);
  const code: ErrorCode = domain?.code ?? 'internal';
  const status = domain?.status ?? 500;
  const text = PROBLEM_TEXT[code][language];
  const body = {
    type: `urn:judicial-e-services:problem:${code}`,
    title: text.title,
    status,
    detail: text.detail(domain?.params ?? {}),
    instance,
    ...(domain && domain.fields.length > 0
      ? { errors: domain.fields.map((f) => ({ field: f.field, code: f.code, message: f.messages[language] })) }
      : {}),
  };
  return {
    statusCode: status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'content-language': language,
      ...(domain?.headers ?? {}),
    },
    body: JSON.stringify(body),
  };
}

/** Our own errors as they are; a dependency's failure that outlasted the retries as 503. */
function toDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  if (isTransient(error)) return new TemporarilyUnavailableError(1);
  return undefined;
}

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
const TRANSIENT_REASONS = new Set([
  'ThrottlingError',
  'TransactionConflict',
  'ProvisionedThroughputExceeded',
  'RequestLimitExceeded',
]);

/**
 * Failures of DynamoDB or S3 that outlasted the SDK's own retries: throttling, contention,
 * a 5xx. The client may retry (with the same Idempotency-Key); none of them left a partial write,
 * because every multi-item change is one transaction.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const sdk = error as Error & {
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
    CancellationReasons?: Array<{ Code?: string }>;
    cause?: unknown;
  };
  if (TRANSIENT_NAMES.has(sdk.name)) return true;
  if (sdk.name === 'TransactionCanceledException')
    return (sdk.CancellationReasons ?? []).some((r) => TRANSIENT_REASONS.has(r.Code ?? ''));
  if ((sdk.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  return sdk.cause !== undefined && sdk.cause !== error && isTransient(sdk.cause);
}
