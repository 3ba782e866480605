/**
 * Input normalisation applied before validation. Iranian keyboards and phones produce Persian
 * (۰-۹) or Arabic-Indic (٠-٩) digits and Arabic ي/ك where Persian ی/ک is meant; without this, the
 * same national ID or name would be stored in several spellings and never match.
 */
const PERSIAN_ZERO = 0x06f0;
const ARABIC_ZERO = 0x0660;

export function normaliseText(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) out += String(code - PERSIAN_ZERO);
    else if (code >= ARABIC_ZERO && code <= ARABIC_ZERO + 9) out += String(code - ARABIC_ZERO);
    else if (char === 'ي' || char === 'ى') out += 'ی';
    else if (char === 'ك') out += 'ک';
    else out += char;
  }
  // A Windows line end is a line end: one spelling, so that only stray carriage returns are refused.
  return out.replaceAll('\r\n', '\n').replace(EDGE_SPACE, '');
}

/**
 * White space and invisible characters at either end: pasted text brings zero-width spaces and
 * joiners, direction marks (U+200E, U+200F, U+061C, which Persian keyboards type), soft hyphens
 * and fillers along, all of Unicode's default-ignorable code points, and a subject made of nothing
 * else would pass as filled in. Inside the text they stay: Persian words need the zero-width
 * non-joiner (U+200C).
 */
const EDGE_SPACE = /^[\s\p{Default_Ignorable_Code_Point}]+|[\s\p{Default_Ignorable_Code_Point}]+$/gu;

/**
 * Characters no field of this API takes: C0 controls other than tab and line feed, DEL, and the C1
 * range. They hide text from people who read it later (a NUL cuts a name short in many tools). And
 * the two bidirectional overrides (U+202D, U+202E), which show text in an order other than its own:
 * a file name `a‮fdp.exe` reads as `aexe.pdf` and saves as `.exe`. Persian text needs neither (its
 * direction comes from its letters); the marks and isolates a phone may add (U+200E, U+200F,
 * U+2066–U+2069) and the zero-width non-joiner Persian words use are left alone.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202D\u202E]/;

/** A control character, or a lone UTF-16 surrogate (not text at all: storage would mangle it). */
const isForbidden = (text: string) => CONTROL_CHARACTERS.test(text) || !text.isWellFormed();

/** Paths (key by key) of the strings in a JSON value that hold a forbidden character, keys included. */
export function forbiddenCharacterPaths(
  value: unknown,
  path: Array<string | number> = [],
): Array<Array<string | number>> {
  if (typeof value === 'string') return isForbidden(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => forbiddenCharacterPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) =>
      isForbidden(key) ? [[...path, key]] : forbiddenCharacterPaths(inner, [...path, key]),
    );
  }
  return [];
}

/**
 * Normalises every string in a JSON value, keys included, leaving other types untouched. Each key
 * becomes an own field of the copy, whatever its name: assigned, a `__proto__` key (JSON.parse
 * makes it an ordinary field) would set the copy's prototype instead. Its value would then pass
 * the schema as an inherited field, never checked for forbidden characters; as an own field, the
 * strict schema refuses it as unknown.
 */
export function normaliseInput(value: unknown): unknown {
  if (typeof value === 'string') return normaliseText(value);
  if (Array.isArray(value)) return value.map(normaliseInput);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      Object.defineProperty(out, normaliseText(key), {
        value: normaliseInput(inner),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}
