import { lazily } from './lazily';

/**
 * Money in whole rials, exact end to end: `bigint` inside, decimal strings at every edge (JSON,
 * DynamoDB, gateways). A claim can exceed 2^53 rials (about 900 billion tomans), where a JSON
 * number or a double silently loses digits, and a court fee is a legal amount that must not drift
 * by a rial. So no amount ever passes through `Number` or a float, and percentages are integers of
 * basis points (1/10,000), applied with one integer division whose rounding is stated below.
 */

/** Whole rials, non-negative, no sign, no leading zeros, at most 21 digits (the petition form's cap). */
export const RIALS_PATTERN = /^(0|[1-9]\d{0,20})$/;

export class MoneyError extends RangeError {
  constructor(readonly code: 'not-rials' | 'negative-rials' | 'not-basis-points' | 'division-by-zero') {
    super(code);
    this.name = 'MoneyError';
  }
}

export function isRialsString(value: unknown): value is string {
  return typeof value === 'string' && RIALS_PATTERN.test(value);
}

export function parseRials(text: string): bigint {
  if (!isRialsString(text)) throw new MoneyError('not-rials');
  return BigInt(text);
}

/** The decimal string of a non-negative amount: the only form an amount leaves the domain in. */
export function formatRials(amount: bigint): string {
  if (amount < 0n) throw new MoneyError('negative-rials');
  return amount.toString();
}

/**
 * Digit-grouped for people: `۱۲٬۳۴۵٬۰۰۰` in Persian (Arabic thousands separator U+066C), `12,345,000`
 * in English, exactly as `Intl.NumberFormat` writes them (test/unit/money.test.ts compares), but
 * without it: a process's first Intl formatter loads ICU's data, about 24 ms of a cold start.
 * Negative amounts, which Intl marks with bidi controls, are left to Intl.
 */
export function formatRialsForPeople(amount: bigint, language: 'fa' | 'en'): string {
  if (amount < 0n) return grouped()[language].format(amount);
  const digits = amount.toString().replace(/\B(?=(\d{3})+$)/g, language === 'fa' ? '\u066c' : ',');
  return language === 'fa' ? toPersianDigits(digits) : digits;
}

const grouped = lazily(() => ({
  fa: new Intl.NumberFormat('fa-IR', { useGrouping: true }),
  en: new Intl.NumberFormat('en-US', { useGrouping: true }),
}));

export function sumRials(amounts: Iterable<bigint>): bigint {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}

/** Integer basis points: 350 is 3.5%. Whole numbers only, from 0 to 10,000 (100%). */
export type BasisPoints = number;
export const BASIS_POINTS_PER_WHOLE = 10_000n;

export function isBasisPoints(value: unknown): value is BasisPoints {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10_000;
}

export type Rounding = 'up' | 'down';

/**
 * THE ROUNDING RULE: every percentage line is computed exactly as a fraction and rounded UP to
 * the next whole rial (a line that is already whole is left as it is). A court fee is a debt to the
 * state: paying even a fraction short is an unpaid fee, a defect that gets the petition returned
 * (Article 51 and 53 of the Code of Civil Procedure), while rounding up costs the payer less than
 * one rial. Rounding happens once per line, after the brackets of that line are summed exactly,
 * so a line is never more than one rial above the exact legal amount.
 */
export const FEE_ROUNDING: Rounding = 'up';

/** numerator / denominator for non-negative integers, rounded as asked. */
export function divide(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator <= 0n) throw new MoneyError('division-by-zero');
  if (numerator < 0n) throw new MoneyError('negative-rials');
  const quotient = numerator / denominator;
  return rounding === 'up' && quotient * denominator !== numerator ? quotient + 1n : quotient;
}

/** `amount` × `basisPoints` / 10,000, rounded as asked (the fee rule by default). */
export function applyBasisPoints(amount: bigint, basisPoints: BasisPoints, rounding: Rounding = FEE_ROUNDING): bigint {
  if (!isBasisPoints(basisPoints)) throw new MoneyError('not-basis-points');
  return divide(amount * BigInt(basisPoints), BASIS_POINTS_PER_WHOLE, rounding);
}

/** `350` → `3.5%` / `۳٫۵٪`, built from the integer so no float ever prints as 3.4999999. */
export function percentText(basisPoints: BasisPoints, language: 'fa' | 'en'): string {
  if (!isBasisPoints(basisPoints)) throw new MoneyError('not-basis-points');
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  const latin = fraction ? `${whole}.${fraction}` : String(whole);
  return language === 'en' ? `${latin}%` : `${toPersianDigits(latin).replace('.', '٫')}٪`;
}

export function toPersianDigits(text: string): string {
  return text.replace(/\d/g, (digit) => String.fromCodePoint(0x06f0 + Number(digit)));
}
