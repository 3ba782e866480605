/**
 * JSON with exact integers. Payment gateways put amounts in JSON numbers, and `JSON.parse` turns
 * a number into a double, which loses digits above 2^53; so amounts are read from the number's
 * source text (the reviver's third argument, Node 21 and later) and written from a `bigint` as
 * raw digits. Nothing on the way ever holds an amount as a `Number`.
 */
export type ExactJson = string | boolean | null | bigint | ExactJson[] | { [key: string]: ExactJson | undefined };

/** Like JSON.stringify, but a `bigint` is written as a JSON number with exactly its digits. */
export function stringifyExact(value: ExactJson): string {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(stringifyExact).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter((entry): entry is [string, ExactJson] => entry[1] !== undefined);
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stringifyExact(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class ImpreciseNumberError extends Error {
  constructor() {
    super('A JSON number cannot be read exactly on this runtime');
    this.name = 'ImpreciseNumberError';
  }
}

/** Like JSON.parse, but every number comes back as its source text: `12345678901234567890`. */
export function parseExact(text: string): unknown {
  return JSON.parse(text, (_key: string, value: unknown, context?: { source?: string }) => {
    if (typeof value !== 'number') return value;
    if (context?.source !== undefined) return context.source;
    // Runtimes without the source text: only numbers a double holds exactly can be trusted.
    if (Number.isSafeInteger(value)) return String(value);
    throw new ImpreciseNumberError();
  });
}
