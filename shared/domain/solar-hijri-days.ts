import { DAY_MS, nowruzDayNumber, persianDateOfDayNumber } from './persian-calendar';
import { tehranGregorianDate } from './solar-hijri';

/**
 * Calendar days of the Solar Hijri year, as the Tehran wall calendar shows them. Day arithmetic is
 * done on a day number (days since 1970-01-01 of the proleptic Gregorian calendar), which knows no
 * time zone; only turning an instant into a day, or a day into its first instant, needs the tz
 * database, because Iran kept daylight saving until 2022 and a day's offset depends on its date.
 *
 * The Persian calendar is ICU's (through Intl), as in solar-hijri.ts. ICU's arithmetic agrees with
 * the official (astronomical) calendar as jalaali-js computes it from 1304 to 1502, so parsing
 * refuses years outside that range rather than give a date that could be a day off.
 */
export interface SolarHijriDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const MIN_SUPPORTED_YEAR = 1304;
export const MAX_SUPPORTED_YEAR = 1502;

/** The Iranian week starts on Saturday; index 0 is Saturday and 6 is Friday. */
export const WEEKDAYS = ['saturday', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_NAMES: Record<Weekday, { fa: string; en: string }> = {
  saturday: { fa: 'شنبه', en: 'Saturday' },
  sunday: { fa: 'یکشنبه', en: 'Sunday' },
  monday: { fa: 'دوشنبه', en: 'Monday' },
  tuesday: { fa: 'سه‌شنبه', en: 'Tuesday' },
  wednesday: { fa: 'چهارشنبه', en: 'Wednesday' },
  thursday: { fa: 'پنجشنبه', en: 'Thursday' },
  friday: { fa: 'جمعه', en: 'Friday' },
};

export const MONTH_NAMES: readonly { fa: string; en: string }[] = [
  { fa: 'فروردین', en: 'Farvardin' },
  { fa: 'اردیبهشت', en: 'Ordibehesht' },
  { fa: 'خرداد', en: 'Khordad' },
  { fa: 'تیر', en: 'Tir' },
  { fa: 'مرداد', en: 'Mordad' },
  { fa: 'شهریور', en: 'Shahrivar' },
  { fa: 'مهر', en: 'Mehr' },
  { fa: 'آبان', en: 'Aban' },
  { fa: 'آذر', en: 'Azar' },
  { fa: 'دی', en: 'Dey' },
  { fa: 'بهمن', en: 'Bahman' },
  { fa: 'اسفند', en: 'Esfand' },
];

/** 366-day years, when Esfand has 30 days. */
export function isLeapYear(year: number): boolean {
  return nowruzDayNumber(year + 1) - nowruzDayNumber(year) === 366;
}

/** Months 1-6 have 31 days, 7-11 have 30, Esfand 29 (30 in a leap year). */
export function daysInSolarMonth(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isLeapYear(year) ? 30 : 29;
}

export function isRealDay({ year, month, day }: SolarHijriDay): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInSolarMonth(year, month)
  );
}

/** Days since 1970-01-01 (Gregorian): a zone-free key that orders and subtracts days. */
export function dayNumber({ year, month, day }: SolarHijriDay): number {
  const beforeMonth = month <= 7 ? (month - 1) * 31 : 186 + (month - 7) * 30;
  return nowruzDayNumber(year) + beforeMonth + day - 1;
}

export function dayFromNumber(value: number): SolarHijriDay {
  return persianDateOfDayNumber(value);
}

export function addDays(day: SolarHijriDay, days: number): SolarHijriDay {
  return dayFromNumber(dayNumber(day) + days);
}

/** How many days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: SolarHijriDay, to: SolarHijriDay): number {
  return dayNumber(to) - dayNumber(from);
}

export function compareDays(a: SolarHijriDay, b: SolarHijriDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function weekdayOf(day: SolarHijriDay): Weekday {
  // Day number 0 (1 January 1970) was a Thursday, index 5 in a Saturday-first week.
  return WEEKDAYS[(((dayNumber(day) + 5) % 7) + 7) % 7]!;
}

/** The Solar Hijri day an instant falls on, on a Tehran wall calendar. */
export function tehranDayOf(instant: Date): SolarHijriDay {
  return dayFromNumber(tehranDayNumber(instant.getTime()));
}

function tehranDayNumber(ms: number): number {
  const { year, month, day } = tehranGregorianDate(new Date(ms));
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * The first instant of a day in Tehran. Usually local midnight at +03:30 (or +04:30 in a summer
 * before 2022); on the days daylight saving began, midnight did not exist and the day started at
 * 01:00, so the answer is found as the first instant whose Tehran date is the day, not by an offset.
 */
export function dayStart(day: SolarHijriDay): Date {
  const target = dayNumber(day);
  const utcMidnight = target * DAY_MS;
  const isInside = (ms: number) => tehranDayNumber(ms) >= target;
  for (const offsetMinutes of [210, 270]) {
    const candidate = utcMidnight - offsetMinutes * 60_000;
    if (isInside(candidate) && !isInside(candidate - 1)) return new Date(candidate);
  }
  // Tehran has always been ahead of UTC by less than six hours: the start lies in this window.
  let outside = utcMidnight - 6 * 3_600_000;
  let inside = utcMidnight;
  while (inside - outside > 1) {
    const middle = Math.floor((outside + inside) / 2);
    if (isInside(middle)) inside = middle;
    else outside = middle;
  }
  return new Date(inside);
}

/** The instant the day is over in Tehran: the start of the next day (exclusive end). */
export function dayEnd(day: SolarHijriDay): Date {
  return dayStart(addDays(day, 1));
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** `1405-07-12` for 12 Mehr 1405. */
export function formatDay({ year, month, day }: SolarHijriDay): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Parses `YYYY-MM-DD` as a real Solar Hijri day within the supported years; undefined otherwise. */
export function parseDay(text: string): SolarHijriDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (day.year < MIN_SUPPORTED_YEAR || day.year > MAX_SUPPORTED_YEAR) return undefined;
  return isRealDay(day) ? day : undefined;
}

/** The Gregorian date of the same civil day, `YYYY-MM-DD`. */
export function toGregorianIso(day: SolarHijriDay): string {
  return new Date(dayNumber(day) * DAY_MS).toISOString().slice(0, 10);
}

/** The Solar Hijri day of a Gregorian `YYYY-MM-DD` date (undefined when it is not a real date). */
export function fromGregorianIso(text: string): SolarHijriDay | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return undefined;
  return dayFromNumber(ms / DAY_MS);
}

/** `12 Mehr 1405` / `۱۲ مهر ۱۴۰۵`, for messages to people. */
export function describeDay(day: SolarHijriDay, language: 'fa' | 'en'): string {
  const month = MONTH_NAMES[day.month - 1]?.[language] ?? String(day.month);
  if (language === 'en') return `${day.day} ${month} ${day.year}`;
  return `${persianDigits(day.day)} ${month} ${persianDigits(day.year)}`;
}

const persianDigits = (value: number) => String(value).replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

/** `YYYY-MM-DD`, zero-padded, so that Solar Hijri days sort and compare as text (validity periods). */
export const SOLAR_DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Tehran-time Solar Hijri day of an instant as text: `1405-09-07`. */
export function solarHijriDay(instant: Date): string {
  return formatDay(tehranDayOf(instant));
}

export function isValidSolarHijriDay(text: string): boolean {
  return parseDay(text) !== undefined;
}

/** First and last day of a Solar Hijri year: `1403-01-01` to `1403-12-30`. */
export function solarHijriYearSpan(year: number): { first: string; last: string } {
  return { first: `${year}-01-01`, last: `${year}-12-${daysInSolarMonth(year, 12)}` };
}
