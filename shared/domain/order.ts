/**
 * Orders machine strings (ISO instants, office, court and version codes, keys) by their code
 * points: their intended order, since each is fixed-width or of one alphabet. Not
 * `localeCompare`, which collates for people and whose first call loads ICU's collator, about 8 ms
 * of a cold start. Text for people (Persian names) still uses `localeCompare(…, 'fa')`.
 */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
