import { ConflictError, DomainError, IdempotencyKeyReusedError, type ErrorCode } from '../domain/errors';
import { PROBLEM_TEXT, type Language } from '../i18n/messages';
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

/**
 * Library errors that are the client's doing, recognised by name so that functions without the
 * library do not bundle it: Powertools idempotency's reused key and concurrent duplicate.
 */
function toDomainError(error: unknown): DomainError | undefined {
  if (error instanceof DomainError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'IdempotencyValidationError') return new IdempotencyKeyReusedError();
  if (name === 'IdempotencyAlreadyInProgressError') return new ConflictError('idempotency-in-progress', {}, { 'retry-after': '2' });
  return undefined;
}
