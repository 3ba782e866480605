/**
 * EventBridge event-pattern matching for the local runtime, which has no bus: the same rule and
 * pipe-filter patterns that CDK deploys decide locally which consumer sees which event.
 *
 * No maintained JavaScript matcher was found on the npm registry (the one the search turned up,
 * `eb-patterns`, is not served there any more; AWS's own engine, Event Ruler, is Java), so this
 * implements exactly the features our patterns use, by AWS's documented rules:
 * - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern.html
 *   (every field named in the pattern must be in the event, with the same nesting; other fields
 *   are ignored; matching is exact and case-sensitive)
 * - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
 *   (a pattern value is an array of alternatives; an array in the event matches when the two
 *   arrays intersect)
 * - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-null-values.html
 *   (null and "" are values, and not the same one)
 * - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-content-based-filtering.html
 *   (prefix on strings; anything-but with a value, a list, or one prefix; numeric ranges on JSON
 *   numbers; exists on leaf nodes only)
 * Anything else (suffix, wildcard, equals-ignore-case, cidr, $or) is refused when the pattern is
 * checked, so a rule that uses it fails loudly in a test instead of matching differently here.
 */

export type PatternScalar = string | number | boolean | null;

export type NumericOperator = '<' | '<=' | '=' | '>' | '>=';

export type PatternMatcher =
  | PatternScalar
  | { prefix: string }
  | { 'anything-but': string | number | readonly (string | number)[] | { prefix: string } }
  | { exists: boolean }
  | { numeric: readonly (NumericOperator | number)[] };

export interface EventPattern {
  readonly [field: string]: readonly PatternMatcher[] | EventPattern;
}

export class InvalidEventPatternError extends Error {
  constructor(path: string, problem: string) {
    super(`event pattern at ${path || '(root)'}: ${problem}`);
    this.name = 'InvalidEventPatternError';
  }
}

const NUMERIC_OPERATORS: readonly NumericOperator[] = ['<', '<=', '=', '>', '>='];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Throws InvalidEventPatternError for anything AWS would refuse or this matcher does not implement. */
export function assertValidPattern(pattern: unknown, path = ''): asserts pattern is EventPattern {
  if (!isObject(pattern)) throw new InvalidEventPatternError(path, 'must be an object');
  if (path === '' && Object.keys(pattern).length === 0) {
    throw new InvalidEventPatternError(path, 'must name at least one field');
  }
  for (const [field, value] of Object.entries(pattern)) {
    const at = path ? `${path}.${field}` : field;
    if (Array.isArray(value)) {
      if (value.length === 0) throw new InvalidEventPatternError(at, 'an empty list matches nothing');
      for (const [i, matcher] of value.entries()) assertValidMatcher(matcher, `${at}[${i}]`);
    } else if (isObject(value)) {
      assertValidPattern(value, at);
    } else {
      throw new InvalidEventPatternError(at, 'a value must be a list of matchers or a nested pattern');
    }
  }
}

function assertValidMatcher(matcher: unknown, at: string): void {
  if (matcher === null || ['string', 'number', 'boolean'].includes(typeof matcher)) return;
  if (!isObject(matcher)) throw new InvalidEventPatternError(at, 'a matcher is a value or an object');
  const entries = Object.entries(matcher);
  const [entry] = entries;
  if (!entry || entries.length !== 1)
    throw new InvalidEventPatternError(at, 'a matcher object has exactly one operator');
  const [operator, operand] = entry;
  switch (operator) {
    case 'prefix':
      if (typeof operand !== 'string') throw new InvalidEventPatternError(at, 'prefix takes a string');
      return;
    case 'exists':
      if (typeof operand !== 'boolean') throw new InvalidEventPatternError(at, 'exists takes true or false');
      return;
    case 'anything-but': {
      if (typeof operand === 'string' || typeof operand === 'number') return;
      if (Array.isArray(operand)) {
        const allStrings = operand.every((v) => typeof v === 'string');
        const allNumbers = operand.every((v) => typeof v === 'number');
        // AWS: "lists that contain only strings, or only numbers".
        if (operand.length > 0 && (allStrings || allNumbers)) return;
        throw new InvalidEventPatternError(at, 'anything-but takes a list of only strings or only numbers');
      }
      if (isObject(operand) && Object.keys(operand).length === 1 && typeof operand.prefix === 'string') return;
      throw new InvalidEventPatternError(at, 'anything-but takes a string, a number, such a list, or { prefix }');
    }
    case 'numeric': {
      if (!Array.isArray(operand) || (operand.length !== 2 && operand.length !== 4)) {
        throw new InvalidEventPatternError(at, 'numeric takes one or two comparisons');
      }
      for (let i = 0; i < operand.length; i += 2) {
        if (!NUMERIC_OPERATORS.includes(operand[i] as NumericOperator) || typeof operand[i + 1] !== 'number') {
          throw new InvalidEventPatternError(at, 'numeric comparisons are an operator then a number');
        }
      }
      return;
    }
    default:
      throw new InvalidEventPatternError(at, `operator "${operator}" is not supported by the local matcher`);
  }
}

/** Leaf values of a field as the pattern sees them: an array in the event is its elements. */
function leafValues(value: unknown): PatternScalar[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    const leaves = value.filter(
      (v): v is PatternScalar => v === null || ['string', 'number', 'boolean'].includes(typeof v),
    );
    return leaves.length === value.length ? leaves : undefined;
  }
  if (isObject(value)) return undefined;
  return [value as PatternScalar];
}

function compare(value: number, operator: NumericOperator, bound: number): boolean {
  switch (operator) {
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '=':
      return value === bound;
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
  }
}

function matchesValue(matcher: PatternMatcher, value: PatternScalar): boolean {
  if (!isObject(matcher)) return matcher === value;
  if ('prefix' in matcher) return typeof value === 'string' && value.startsWith(matcher.prefix);
  if ('anything-but' in matcher) {
    const excluded = matcher['anything-but'];
    // Documented for strings and numbers; a null or boolean is neither, so it is not matched.
    if (typeof value !== 'string' && typeof value !== 'number') return false;
    if (isObject(excluded)) return typeof value === 'string' && !value.startsWith(excluded.prefix);
    const list: readonly (string | number)[] = Array.isArray(excluded) ? excluded : [excluded as string | number];
    return !list.includes(value);
  }
  if ('numeric' in matcher) {
    if (typeof value !== 'number') return false;
    const terms = matcher.numeric;
    for (let i = 0; i < terms.length; i += 2) {
      if (!compare(value, terms[i] as NumericOperator, terms[i + 1] as number)) return false;
    }
    return true;
  }
  return false;
}

function matchesField(matchers: readonly PatternMatcher[], value: unknown): boolean {
  const leaves = leafValues(value);
  // An empty array holds no leaf: to exists it is as absent as a missing field.
  const present = leaves !== undefined && leaves.length > 0;
  return matchers.some((matcher) => {
    if (isObject(matcher) && 'exists' in matcher) {
      // Exists speaks of leaf nodes only: an object under the key satisfies neither true nor false.
      if (value !== undefined && leaves === undefined) return false;
      return matcher.exists === present;
    }
    return leaves?.some((leaf) => matchesValue(matcher, leaf)) ?? false;
  });
}

function matchesObject(pattern: EventPattern, event: unknown): boolean {
  return Object.entries(pattern).every(([field, expected]) => {
    const value = isObject(event) ? event[field] : undefined;
    if (Array.isArray(expected)) return matchesField(expected, value);
    // A nested pattern against an array of objects matches when one element does.
    const nested = expected as EventPattern;
    if (Array.isArray(value)) return value.some((element) => isObject(element) && matchesObject(nested, element));
    return isObject(value) && matchesObject(nested, value);
  });
}

/** Whether an event matches a pattern, as an EventBridge rule or a pipe filter would decide. */
export function matchesEventPattern(pattern: EventPattern, event: unknown): boolean {
  assertValidPattern(pattern);
  return matchesObject(pattern, event);
}
