import { solarHijriDate } from './solar-hijri';

/**
 * Solar Hijri calendar days as `YYYY-MM-DD` strings (zero-padded, so they sort and compare as
 * text), for validity periods such as a fee schedule's. Built on the same ICU Persian calendar
 * as solar-hijri.ts so that both always agree on which day an instant falls on.
 */
export const SOLAR_DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Tehran-time Solar Hijri day of an instant: `1405-09-07`. */
export function solarHijriDay(instant: Date): string {
  const { year, month, day } = solarHijriDate(instant);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const leapYears = new Map<number, boolean>();

/**
 * Whether Esfand of `year` has 30 days. Asked of ICU rather than of a 33-year formula: Nowruz of
 * year + 1 falls on 20 or 21 March of Gregorian year + 622, so the days just before it tell.
 */
export function isSolarHijriLeapYear(year: number): boolean {
  const known = leapYears.get(year);
  if (known !== undefined) return known;
  let leap = false;
  for (const day of [18, 19, 20, 21]) {
    // Noon UTC is mid-afternoon in Tehran: far from midnight whatever the offset was that year.
    const date = solarHijriDate(new Date(Date.UTC(year + 622, 2, day, 12)));
    if (date.year === year && date.month === 12 && date.day === 30) leap = true;
  }
  leapYears.set(year, leap);
  return leap;
}

export function daysInSolarHijriMonth(year: number, month: number): number {
  if (month >= 1 && month <= 6) return 31;
  if (month >= 7 && month <= 11) return 30;
  if (month === 12) return isSolarHijriLeapYear(year) ? 30 : 29;
  return 0;
}

export function isValidSolarHijriDay(text: string): boolean {
  const match = SOLAR_DAY_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1300 && year <= 1499 && day >= 1 && day <= daysInSolarHijriMonth(year, month);
}

/** First and last day of a Solar Hijri year: `1403-01-01` to `1403-12-30`. */
export function solarHijriYearSpan(year: number): { first: string; last: string } {
  return { first: `${year}-01-01`, last: `${year}-12-${isSolarHijriLeapYear(year) ? 30 : 29}` };
}
