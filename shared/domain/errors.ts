/**
 * Typed domain errors. Each carries the HTTP status it maps to and a message key; the HTTP layer
 * (shared/http/problem.ts) is the one place that turns them into problem+json. Messages are looked
 * up by key in the caller's language, so an error never carries personal data or raw input.
 */

/** Codes answered with 409: the request is well formed but the data's state refuses it. */
type ConflictCode =
  | 'conflict'
  | 'office-exists'
  | 'office-changed'
  | 'office-status-step'
  | 'petition-changed'
  | 'transition-not-allowed'
  | 'documents-not-verified'
  | 'already-rated'
  | 'idempotency-in-progress'
  | 'office-not-active'
  | 'document-not-verified'
  | 'documents-closed';

export type ErrorCode =
  | ConflictCode
  | 'validation'
  | 'malformed-json'
  | 'invalid-encoding'
  | 'nesting-too-deep'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'invalid-cursor'
  | 'temporarily-unavailable'
  | 'body-too-large'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'idempotency-key-mismatch'
  | 'throttled'
  | 'internal';

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
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldIssue[] = [],
    /** Response headers the answer needs, such as Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(fields: FieldIssue[]) {
    super(400, 'validation', {}, fields);
  }
}

export class MalformedJsonError extends DomainError {
  constructor() {
    super(400, 'malformed-json');
  }
}

/** 400: the body is not UTF-8 (or holds a lone UTF-16 surrogate). */
export class InvalidEncodingError extends DomainError {
  constructor() {
    super(400, 'invalid-encoding');
  }
}

/** 400: arrays and objects nested deeper than any request of this API needs. */
export class NestingTooDeepError extends DomainError {
  constructor(maxDepth: number) {
    super(400, 'nesting-too-deep', { maxDepth });
  }
}

export class UnauthorizedError extends DomainError {
  constructor() {
    super(401, 'unauthorized');
  }
}

export class ForbiddenError extends DomainError {
  constructor(params: { allowed?: string } = {}) {
    super(403, 'forbidden', params);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: 'office' | 'petition' | 'document' | 'report' | 'route') {
    super(404, 'not-found', { what });
  }
}

export class ConflictError extends DomainError {
  constructor(code: ConflictCode, params: Record<string, string | number> = {}, headers: Record<string, string> = {}) {
    super(409, code, params, [], headers);
  }
}

/** 422: the Idempotency-Key was used before with another request. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super(422, 'idempotency-key-mismatch');
  }
}

/** 413: a declared document over the size limit, or more documents than a petition may have. */
export class LimitExceededError extends DomainError {
  constructor(params: { maxBytes: number; maxFiles: number }, fields: FieldIssue[]) {
    super(413, 'payload-too-large', params, fields);
  }
}

export class InvalidCursorError extends DomainError {
  constructor() {
    super(400, 'invalid-cursor');
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor() {
    super(415, 'unsupported-media-type');
  }
}

/** 503: a dependency stayed throttled or unavailable through the retries a request can afford. */
export class TemporarilyUnavailableError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(503, 'temporarily-unavailable', {}, [], { 'retry-after': String(retryAfterSeconds) });
  }
}

/** 429: too many failed guesses for one tracking code; try again after the window. */
export class TooManyAttemptsError extends DomainError {
  constructor(retryAfterSeconds: number) {
    super(429, 'throttled', {}, [], { 'retry-after': String(retryAfterSeconds) });
  }
}

export class BodyTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super(413, 'body-too-large', { maxBytes });
  }
}
