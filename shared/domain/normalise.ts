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
  return out.trim();
}

/** Normalises every string in a JSON value, keys included, leaving other types untouched. */
export function normaliseInput(value: unknown): unknown {
  if (typeof value === 'string') return normaliseText(value);
  if (Array.isArray(value)) return value.map(normaliseInput);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[normaliseText(key)] = normaliseInput(inner);
    return out;
  }
  return value;
}
