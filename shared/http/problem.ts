import { DomainError, type DomainErrorCode } from '../domain/errors';
import type { Language } from '../i18n/messages';
import * as problemTexts from '../i18n/problem-texts';
import { TransportError, type TransportErrorCode } from './transport-errors';
import type { ApiResult } from './types';

export type ProblemCode = DomainErrorCode | TransportErrorCode | 'internal';

/** The one table from what went wrong to the HTTP status that says it. */
export const STATUS_OF: Record<ProblemCode, number> = {
  validation: 400,
  'malformed-json': 400,
  'malformed-form': 400,
  'invalid-encoding': 400,
  'nesting-too-deep': 400,
  'invalid-cursor': 400,
  unauthorized: 401,
  'bad-signature': 401,
  forbidden: 403,
  'not-found': 404,
  'office-exists': 409,
  'office-changed': 409,
  'office-status-step': 409,
  'office-status-backdated': 409,
  'payment-terminal-taken': 409,
  'court-exists': 409,
  'court-changed': 409,
  'court-closed': 409,
  'holiday-exists': 409,
  'lunar-holidays-loaded': 409,
  'calendar-without-open-day': 409,
  'petition-changed': 409,
  'claimant-served': 409,
  'transition-not-allowed': 409,
  'documents-not-verified': 409,
  'already-rated': 409,
  'idempotency-in-progress': 409,
  'office-not-active': 409,
  'document-not-verified': 409,
  'documents-closed': 409,
  'no-fee-schedule': 409,
  'schedule-version-used': 409,
  'schedule-changed': 409,
  'fees-due': 409,
  'fees-not-quoted': 409,
  'nothing-due': 409,
  'payment-in-progress': 409,
  'no-payment-terminal': 409,
  'payment-refused': 409,
  'indigency-step': 409,
  'no-court-for-petition': 409,
  'cure-period-over': 409,
  'objection-period-over': 409,
  'no-open-day': 409,
  'court-not-active': 409,
  'court-of-another-kind': 409,
  'payload-too-large': 413,
  'body-too-large': 413,
  'unsupported-media-type': 415,
  'idempotency-key-mismatch': 422,
  throttled: 429,
  internal: 500,
  'payment-gateway-error': 502,
  'temporarily-unavailable': 503,
};

/**
 * The one place where errors become HTTP answers: RFC 9457 problem+json in the caller's language,
 * with Retry-After where the error says when to come back. Unknown errors become a generic 500
 * that reveals nothing of the error itself.
 */
export function problemResponse(error: unknown, language: Language, instance: string): ApiResult {
  const known = error instanceof DomainError || error instanceof TransportError ? error : undefined;
  const code: ProblemCode = known?.code ?? 'internal';
  const status = STATUS_OF[code];
  const params = known?.params ?? {};
  const fields = error instanceof DomainError ? error.fields : [];
  const text = (known?.text ?? problemTexts.internal)[language];
  const body = {
    type: `urn:judicial-e-services:problem:${code}`,
    title: text.title,
    status,
    detail: text.detail(params),
    instance,
    ...(fields.length > 0
      ? { errors: fields.map((f) => ({ field: f.field, code: f.code, message: f.messages[language] })) }
      : {}),
    // Submission refused for fees: the amount due, machine-readable beside the sentence that says it.
    ...(code === 'fees-due'
      ? {
          amountDue: {
            judiciaryRials: String(params.judiciaryDueRials),
            officeRials: String(params.officeDueRials),
            totalRials: String(params.dueRials),
          },
        }
      : {}),
  };
  const retryAfter = params.retryAfterSeconds ?? (code === 'idempotency-in-progress' ? 1 : undefined);
  return {
    statusCode: status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'content-language': language,
      ...(retryAfter !== undefined ? { 'retry-after': String(retryAfter) } : {}),
    },
    body: JSON.stringify(body),
  };
}
