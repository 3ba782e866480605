import type { Language } from './messages';

/** A field message in both languages; `{name}` placeholders are filled by `fieldText`. */
export type FieldText = Readonly<Record<Language, string>>;

const ids = new Map<FieldText, string>();
const texts = new Map<string, FieldText>();

/**
 * What a schema gives zod as an issue's message for one of our rules (shared/i18n/field-messages.ts):
 * an id standing for the text, since zod's messages are strings and a schema stays
 * language-neutral; the HTTP layer translates (shared/schemas/validate.ts). Each text is an
 * export of its own and is named where it is used, so a bundle holds only the messages its
 * code can give (issue 16; test/infra/bundle-routes.test.ts).
 */
export function fieldMessage(text: FieldText): string {
  let id = ids.get(text);
  if (id === undefined) {
    id = `msg:${ids.size}`;
    ids.set(text, id);
    texts.set(id, text);
  }
  return id;
}

/** The text a schema's message stands for; undefined for a message zod wrote itself. */
export function fieldMessageText(message: string): FieldText | undefined {
  return texts.get(message);
}

/** A field message with its `{name}` placeholders filled in (numbers, codes: never input). */
export function fieldText(text: FieldText, params: Record<string, string | number> = {}): Record<Language, string> {
  const fill = (value: string) => value.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
  return { fa: fill(text.fa), en: fill(text.en) };
}
