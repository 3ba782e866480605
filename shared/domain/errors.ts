import type { ProblemText } from '../i18n/problem-texts';
import * as problemTexts from '../i18n/problem-texts';

/**
 * Typed domain errors: a code, parameters and, for invalid input, the failing fields. They say
 * what went wrong in the domain's terms and nothing about transport: the HTTP layer
 * (shared/http/problem.ts) holds the one table from codes to statuses and turns them into
 * problem+json. An error is made with its text (shared/i18n/problem-texts.ts), which says it in
 * both languages from codes and counts only, so an error never carries personal data or raw input;
 * and a function's bundle holds only the texts of the errors its code can raise.
 */

/** The data's state refuses a well-formed request. */
export type ConflictCode =
  | 'office-exists'
  | 'office-changed'
  | 'office-status-step'
  | 'office-status-backdated'
  | 'payment-terminal-taken'
  | 'court-exists'
  | 'court-changed'
  | 'court-closed'
  | 'holiday-exists'
  | 'lunar-holidays-loaded'
  | 'calendar-without-open-day'
  | 'petition-changed'
  | 'claimant-served'
  | 'transition-not-allowed'
  | 'documents-not-verified'
  | 'already-rated'
  | 'idempotency-in-progress'
  | 'office-not-active'
  | 'document-not-verified'
  | 'documents-closed'
  // fees and payments
  | 'no-fee-schedule'
  | 'schedule-version-used'
  | 'schedule-changed'
  | 'fees-due'
  | 'fees-not-quoted'
  | 'nothing-due'
  | 'payment-in-progress'
  | 'no-payment-terminal'
  | 'payment-refused'
  | 'indigency-step'
  | 'no-court-for-petition'
  | 'cure-period-over'
  | 'objection-period-over'
  | 'no-open-day'
  | 'court-not-active'
  | 'court-of-another-kind';

export type DomainErrorCode =
  | ConflictCode
  | 'validation'
  | 'forbidden'
  | 'not-found'
  | 'invalid-cursor'
  | 'payload-too-large'
  | 'idempotency-key-mismatch'
  | 'throttled'
  | 'temporarily-unavailable'
  | 'payment-gateway-error';

export type ErrorParams = Record<string, string | number>;

export interface FieldIssue {
  /** Dotted path of the failing field, prefixed by where it came from: `body.parties.0.nationalId`. */
  field: string;
  /** A stable machine-readable code (zod's issue code or one of ours). */
  code: string;
  /** The message in each language; the HTTP layer picks one by Accept-Language. */
  messages: { fa: string; en: string };
}

export class DomainError extends Error {
  /** middy convention: only exposed errors are shown to clients as they are. */
  readonly expose = true;
  readonly code: DomainErrorCode;
  /** What the error says to people; not enumerable, so a logged error shows its code, not its texts. */
  declare readonly text: ProblemText<DomainErrorCode>;
  constructor(
    text: ProblemText<DomainErrorCode>,
    readonly params: ErrorParams = {},
    readonly fields: FieldIssue[] = [],
  ) {
    super(text.code);
    this.code = text.code;
    Object.defineProperty(this, 'text', { value: text });
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(fields: FieldIssue[]) {
    super(problemTexts.validation, {}, fields);
  }
}

export class ForbiddenError extends DomainError {
  constructor(params: { allowed?: string } = {}) {
    super(problemTexts.forbidden, params);
  }
}

export class NotFoundError extends DomainError {
  constructor(
    what:
      | 'office'
      | 'court'
      | 'calendar'
      | 'petition'
      | 'document'
      | 'notice'
      | 'report'
      | 'route'
      | 'fee-schedule'
      | 'payment',
  ) {
    super(problemTexts.notFound, { what });
  }
}

export class ConflictError extends DomainError {
  constructor(text: ProblemText<ConflictCode>, params: ErrorParams = {}) {
    super(text, params);
  }
}

/**
 * A period cannot end: the province's calendar has no open day within a year of its nominal last
 * day (Article 444 moves the last day to the day the offices reopen, and they never do). A calendar
 * set wrong, which the holiday and work-week changes now refuse; the return or order waits for the
 * province to correct it.
 */
export class NoOpenDayError extends ConflictError {
  constructor(params: { provinceCode: string; from: string }) {
    super(problemTexts.noOpenDay, params);
  }
}

/** The Idempotency-Key was used before with another request. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super(problemTexts.idempotencyKeyMismatch);
  }
}

/** A declared document over the size limit, or more documents than a petition may have. */
export class LimitExceededError extends DomainError {
  constructor(params: { maxBytes: number; maxFiles: number }, fields: FieldIssue[]) {
    super(problemTexts.payloadTooLarge, params, fields);
  }
}

export class InvalidCursorError extends DomainError {
  constructor() {
    super(problemTexts.invalidCursor);
  }
}

/** Too many tries against one tracking code; the caller may try again after the window. */
export class TooManyAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(problemTexts.throttled, { retryAfterSeconds });
  }
}

/** The payment gateway answered something we cannot act on (a refused token, a broken answer): not the caller's doing. */
export class PaymentGatewayError extends DomainError {
  constructor(params: { operation: string }) {
    super(problemTexts.paymentGatewayError, params);
  }
}

/**
 * A dependency (DynamoDB, S3) stayed throttled or unavailable through the retries a request can
 * afford. Adapters raise it in place of the SDK's own exceptions, so nothing above them knows the
 * SDK; nothing was half written, because every multi-item change is one transaction.
 */
export class DependencyUnavailableError extends DomainError {
  constructor(retryAfterSeconds = 1, options: { cause?: unknown } = {}) {
    super(problemTexts.temporarilyUnavailable, { retryAfterSeconds });
    if (options.cause === undefined) return;
    this.cause = options.cause;
    // For operators reading a failed event function's log: which outage it was. Transient SDK
    // errors name a condition (throttling, 503), never an item; clients never see this message.
    if (options.cause instanceof Error) this.message = `temporarily-unavailable: ${options.cause.message}`;
  }
}
