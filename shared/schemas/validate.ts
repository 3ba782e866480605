import type * as z from 'zod/mini';
import { type FieldIssue, ValidationError } from '../domain/errors';
import { forbiddenCharacterPaths, normaliseInput } from '../domain/normalise';
import * as fieldTexts from '../i18n/field-messages';
import { fieldMessageText } from '../i18n/field-text';
import { type FieldProblem, fieldProblemMessages, type Language } from '../i18n/messages';

export type InputSource = 'body' | 'path' | 'query' | 'header';

/**
 * Normalises (digits, Arabic letters, spaces) then validates strictly. On failure it throws a
 * ValidationError listing every failing field, one problem per field, with its message in both
 * languages; the HTTP layer picks one by Accept-Language. Messages come from our own catalogue
 * (shared/i18n/messages.ts), built from the issue's facts: never zod's wording, never the input.
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, raw: unknown, source: InputSource): z.output<S> {
  const input = normaliseInput(raw);
  const forbidden = forbiddenCharacterPaths(input);
  if (forbidden.length > 0) {
    throw new ValidationError(
      forbidden.map((path) => ({
        field: fieldPath(source, path),
        code: 'forbidden_character',
        messages: fieldTexts.controlCharacters,
      })),
    );
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldIssue[] = [];
  const seen = new Set<string>();
  // One problem per field: a name in Latin letters fails two checks of one rule, and saying it twice helps nobody.
  const add = (issue: FieldIssue) => {
    if (seen.has(issue.field)) return;
    seen.add(issue.field);
    fields.push(issue);
  };
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        add({
          field: fieldPath(source, [...issue.path, key]),
          code: issue.code,
          messages: fieldTexts.unknownField,
        });
      }
      continue;
    }
    const problem: FieldProblem = {
      ...(issue as unknown as FieldProblem),
      missing: issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined,
    };
    add({ field: fieldPath(source, issue.path), code: issue.code, messages: localise(issue.message, problem) });
  }
  throw new ValidationError(fields);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function fieldPath(source: InputSource, path: readonly PropertyKey[]): string {
  return [source, ...path.map(String)].join('.');
}

/** The text of the schema's own message when it names one (`fieldMessage`), else the catalogue's for the problem. */
function localise(message: string, problem: FieldProblem): Record<Language, string> {
  return fieldMessageText(message) ?? fieldProblemMessages(problem);
}

type Part = { schema: z.ZodMiniType; value: unknown };
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
