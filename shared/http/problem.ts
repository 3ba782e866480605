import { DomainError, type ErrorCode } from '../domain/errors';
import { PROBLEM_TEXT, type Language } from '../i18n/messages';
import type { ApiResult } from './types';

/**
 * The one place where errors become HTTP answers: RFC 9457 problem+json in the caller's language.
 * Unknown errors become a generic 500 that reveals nothing of the error itself.
 */
export function problemResponse(error: unknown, language: Language, instance: string): ApiResult {
  const domain = error instanceof DomainError ? error : undefined;
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
