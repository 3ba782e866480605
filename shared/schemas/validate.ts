import type * as z from 'zod';
import en from 'zod/v4/locales/en.js';
import fa from 'zod/v4/locales/fa.js';
import { type FieldIssue, ValidationError } from '../domain/errors';
import { normaliseInput } from '../domain/normalise';
import { FIELD_MESSAGE_PREFIX, FIELD_MESSAGES, type Language } from '../i18n/messages';

export type InputSource = 'body' | 'path' | 'query' | 'header';

// The two locales by file: `z.locales` would bundle all forty-odd of them into every function.
const LOCALES = { fa: fa(), en: en() } satisfies Record<Language, unknown>;

/**
 * Normalises (digits, Arabic letters, spaces) then validates strictly. On failure it throws a
 * ValidationError listing every failing field with its message in both languages; the HTTP layer
 * picks one by Accept-Language. Messages come from zod's locales or our own keys, never the input.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, source: InputSource): z.output<S> {
  const input = normaliseInput(raw);
  const result = schema.safeParse(input, { error: LOCALES.fa.localeError });
  if (result.success) return result.data;
  const english = schema.safeParse(input, { error: LOCALES.en.localeError });
  const englishIssues = english.success ? [] : english.error.issues;
  const fields: FieldIssue[] = [];
  result.error.issues.forEach((issue, index) => {
    const messages = localise(issue.message, englishIssues[index]?.message ?? issue.message);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        fields.push({
          field: fieldPath(source, [...issue.path, key]),
          code: issue.code,
          messages: localise(`${FIELD_MESSAGE_PREFIX}unknown-field`, ''),
        });
      }
      return;
    }
    fields.push({ field: fieldPath(source, issue.path), code: issue.code, messages });
  });
  throw new ValidationError(fields);
}

function fieldPath(source: InputSource, path: readonly PropertyKey[]): string {
  return [source, ...path.map(String)].join('.');
}

function localise(fa: string, en: string): Record<Language, string> {
  if (fa.startsWith(FIELD_MESSAGE_PREFIX)) {
    const entry = FIELD_MESSAGES[fa.slice(FIELD_MESSAGE_PREFIX.length)];
    if (entry) return entry;
  }
  return { fa, en };
}

type Part = { schema: z.ZodType; value: unknown };
type Parsed<P extends Partial<Record<InputSource, Part>>> = {
  [K in keyof P]: P[K] extends Part ? z.output<P[K]['schema']> : never;
};

/** Validates several parts of a request at once, so the answer lists every failing field of all of them. */
export function parseRequest<P extends Partial<Record<InputSource, Part>>>(parts: P): Parsed<P> {
  const out: Record<string, unknown> = {};
  const fields: FieldIssue[] = [];
  for (const [source, part] of Object.entries(parts) as Array<[InputSource, Part]>) {
    try {
      out[source] = parseInput(part.schema, part.value, source);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      fields.push(...error.fields);
    }
  }
  if (fields.length > 0) throw new ValidationError(fields);
  return out as Parsed<P>;
}
