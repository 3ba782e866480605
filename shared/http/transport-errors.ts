import type { ProblemText } from '../i18n/problem-texts';

/**
 * Errors of the HTTP transport itself, raised by the middleware before any use case runs: a body
 * that is not JSON (or, for the payment callback, not a plain form), too large, not UTF-8, nested
 * too deeply, of another media type, a call without the claims the authorizer puts on every staff
 * route, or a webhook call whose signature does not verify.
 */
export type TransportErrorCode =
  | 'malformed-json'
  | 'malformed-form'
  | 'invalid-encoding'
  | 'nesting-too-deep'
  | 'body-too-large'
  | 'unsupported-media-type'
  | 'unauthorized'
  | 'bad-signature';

export class TransportError extends Error {
  readonly expose = true;
  readonly code: TransportErrorCode;
  /** Made with its text (shared/i18n/problem-texts.ts), as domain errors are, and as little logged. */
  declare readonly text: ProblemText<TransportErrorCode>;
  constructor(
    text: ProblemText<TransportErrorCode>,
    readonly params: Record<string, string | number> = {},
  ) {
    super(text.code);
    this.code = text.code;
    Object.defineProperty(this, 'text', { value: text });
    this.name = 'TransportError';
  }
}
