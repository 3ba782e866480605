import { LAST_DAY_TEXT } from '../i18n/messages';
import { NoOpenDayError } from './errors';
import {
  fixedHolidaysOf,
  fixedHolidaysOn,
  type Holiday,
  type LocalizedName,
  type LunarHolidayCalendar,
  type ProvincialHoliday,
} from './holidays';
import { byCodePoint } from './order';
import {
  addDays,
  dayEnd,
  describeDay,
  formatDay,
  parseDay,
  type SolarHijriDay,
  tehranDayOf,
  toGregorianIso,
  WEEKDAY_NAMES,
  type Weekday,
  weekdayOf,
} from './solar-hijri-days';

/**
 * Legal periods that run from service (ابلاغ), counted as the Code of Civil Procedure (1379) says:
 * - Article 443: a day is a day; a period in days is counted in calendar days.
 * - Article 445: for a period that starts at service, neither the day of service nor the day of
 *   action counts (a free period, مواعد آزاد). Served on 1 Mehr with ten days, the counted days are
 *   2-11 Mehr and the party may still act on 12 Mehr.
 * - Article 444: when that last day is a day the offices are closed, it does not count and the last
 *   day is the day they reopen. Only the last day moves: closed days inside the period do not
 *   extend it, and service on a closed day still counts from the next day.
 * Days are Tehran calendar days, so service at 00:10 Tehran (20:40 UTC the evening before) falls on
 * the Tehran date, not the UTC one. The period ends at the end of its last day, Tehran time.
 */
export const LEGAL_PERIODS = {
  /** Curing a returned petition's defects (Articles 53-54). */
  cure: {
    days: 10,
    basis: { fa: 'مواد ۵۳ و ۵۴ قانون آیین دادرسی مدنی', en: 'Articles 53-54, Code of Civil Procedure' },
  },
  /** Objecting to the court office's rejection order before the same court (Article 54). */
  objection: {
    days: 10,
    basis: { fa: 'ماده ۵۴ قانون آیین دادرسی مدنی', en: 'Article 54, Code of Civil Procedure' },
  },
} as const satisfies Record<string, { days: number; basis: LocalizedName }>;

export type LegalPeriodKind = keyof typeof LEGAL_PERIODS;

/** What makes a day closed for one province. */
export interface WorkCalendar {
  provinceCode: string;
  /** Closed weekdays besides Friday, which is always closed: `['thursday']` where Thursdays are off. */
  closedWeekdays: readonly Weekday[];
  /** The lunar holiday calendars loaded so far, at most one per Solar Hijri year. */
  lunarCalendars: readonly LunarHolidayCalendar[];
  /** This province's own holidays, and days its offices could not work (Article 444). */
  provincialHolidays: readonly ProvincialHoliday[];
}

export type ClosedReasonKind = 'closed-weekday' | 'fixed-holiday' | 'lunar-holiday' | 'provincial-holiday';

export interface ClosedReason {
  kind: ClosedReasonKind;
  name: LocalizedName;
}

export interface ClosedDay {
  /** Solar Hijri `YYYY-MM-DD`. */
  date: string;
  gregorian: string;
  weekday: Weekday;
  reasons: ClosedReason[];
}

/** A computed period, plain JSON so that it can be stored with the petition and shown as it is. */
export interface LegalPeriod {
  days: number;
  /** The service instant, ISO 8601. */
  servedAt: string;
  /** The Tehran day of service, Solar Hijri `YYYY-MM-DD`. */
  servedOn: string;
  /** The last day before Article 444: the day of service plus the days plus one. */
  nominalLastDay: string;
  /** The last day to act, Solar Hijri `YYYY-MM-DD`. */
  lastDay: string;
  /** The same day, Gregorian `YYYY-MM-DD`. */
  lastDayGregorian: string;
  /** The instant the period is over: the end of the last day in Tehran (exclusive), ISO 8601. */
  endsAt: string;
  /** The closed days the last day was moved over, in order, each with why it is closed. */
  postponedOver: ClosedDay[];
  /**
   * True when a year whose lunar holidays could decide the last day has none loaded: the answer was
   * computed without them, and loading them can only keep or delay the last day.
   */
  provisional: boolean;
  missingLunarYears: number[];
  /** Years whose lunar holidays used here are demo data, not the official calendar. */
  demoLunarYears: number[];
}

const FRIDAY: Weekday = 'friday';

/**
 * The longest run of closed days a period may be moved over. No real closure lasts a year: a
 * longer run is a calendar set wrong (every weekday but one closed, and a holiday on each of those),
 * and a period ending in it could never end. The holiday and work-week changes refuse a calendar
 * with such a run (closedForAYearFrom); one stored before that refusal is a NoOpenDayError (409).
 */
export const MAX_CLOSED_RUN = 366;

interface CalendarIndex {
  closedWeekdays: ReadonlySet<Weekday>;
  holidaysByDate: ReadonlyMap<string, ClosedReason[]>;
  lunarByYear: ReadonlyMap<number, LunarHolidayCalendar>;
}

function indexCalendar(calendar: WorkCalendar): CalendarIndex {
  const closedWeekdays = new Set<Weekday>([FRIDAY, ...calendar.closedWeekdays]);
  if (closedWeekdays.size === 7) throw new RangeError('a work calendar must leave at least one weekday open');
  const holidaysByDate = new Map<string, ClosedReason[]>();
  const add = (date: string, reason: ClosedReason) =>
    holidaysByDate.set(date, [...(holidaysByDate.get(date) ?? []), reason]);
  const lunarByYear = new Map<number, LunarHolidayCalendar>();
  for (const lunar of calendar.lunarCalendars) {
    if (lunarByYear.has(lunar.year)) throw new RangeError(`two lunar holiday calendars for ${lunar.year}`);
    lunarByYear.set(lunar.year, lunar);
    for (const holiday of lunar.holidays) add(holiday.date, { kind: 'lunar-holiday', name: holiday.name });
  }
  for (const holiday of calendar.provincialHolidays) {
    // Another province's holiday would silently lengthen this province's deadlines.
    if (holiday.provinceCode !== calendar.provinceCode) {
      throw new RangeError(`a holiday of province ${holiday.provinceCode} in the calendar of ${calendar.provinceCode}`);
    }
    add(holiday.date, { kind: 'provincial-holiday', name: holiday.name });
  }
  return { closedWeekdays, holidaysByDate, lunarByYear };
}

function reasonsClosed(day: SolarHijriDay, index: CalendarIndex): ClosedReason[] {
  const reasons: ClosedReason[] = [];
  const weekday = weekdayOf(day);
  if (index.closedWeekdays.has(weekday)) reasons.push({ kind: 'closed-weekday', name: WEEKDAY_NAMES[weekday] });
  for (const holiday of fixedHolidaysOn(day)) reasons.push({ kind: 'fixed-holiday', name: holiday.name });
  reasons.push(...(index.holidaysByDate.get(formatDay(day)) ?? []));
  return reasons;
}

/** Why the offices of the calendar's province are closed on a day; empty when they are open. */
export function closedReasons(day: SolarHijriDay, calendar: WorkCalendar): ClosedReason[] {
  return reasonsClosed(day, indexCalendar(calendar));
}

export interface LastDayToActInput {
  servedAt: Date;
  days: number;
  calendar: WorkCalendar;
  /**
   * A last day already served for this period (Solar Hijri `YYYY-MM-DD`), when it is counted again
   * with the calendar as it is now: the answer is the first open day on or after the later of the
   * nominal last day and this one, so a recount only ever keeps or delays the last day.
   */
  notBefore?: string;
}

/**
 * The last day to act on a period of `days` days from service, and the instant the period ends.
 * Throws NoOpenDayError (a 409) when the calendar has no open day within MAX_CLOSED_RUN days.
 */
export function lastDayToAct({ servedAt, days, calendar, notBefore }: LastDayToActInput): LegalPeriod {
  if (Number.isNaN(servedAt.getTime())) throw new RangeError('servedAt is not a valid instant');
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`a period must be a positive whole number of days, not ${days}`);
  }
  const served = notBefore === undefined ? undefined : parseDay(notBefore);
  if (notBefore !== undefined && !served) throw new RangeError(`not a Solar Hijri day: ${notBefore}`);
  const index = indexCalendar(calendar);
  const servedOn = tehranDayOf(servedAt);
  const nominal = addDays(servedOn, days + 1);
  const postponedOver: ClosedDay[] = [];
  const years = new Set<number>([nominal.year]);
  // Solar Hijri `YYYY-MM-DD` days compare as strings.
  let last = served && formatDay(served) > formatDay(nominal) ? served : nominal;
  years.add(last.year);
  for (let reasons = reasonsClosed(last, index); reasons.length > 0; reasons = reasonsClosed(last, index)) {
    if (postponedOver.length >= MAX_CLOSED_RUN) {
      throw new NoOpenDayError({ provinceCode: calendar.provinceCode, from: formatDay(nominal) });
    }
    postponedOver.push({ date: formatDay(last), gregorian: toGregorianIso(last), weekday: weekdayOf(last), reasons });
    last = addDays(last, 1);
    years.add(last.year);
  }
  const sortedYears = [...years].sort((a, b) => a - b);
  const missingLunarYears = sortedYears.filter((year) => !index.lunarByYear.has(year));
  return {
    days,
    servedAt: servedAt.toISOString(),
    servedOn: formatDay(servedOn),
    nominalLastDay: formatDay(nominal),
    lastDay: formatDay(last),
    lastDayGregorian: toGregorianIso(last),
    endsAt: dayEnd(last).toISOString(),
    postponedOver,
    provisional: missingLunarYears.length > 0,
    missingLunarYears,
    demoLunarYears: sortedYears.filter((year) => index.lunarByYear.get(year)?.demo === true),
  };
}

/**
 * The first day from `from` to `through` on which a run of MAX_CLOSED_RUN closed days begins (a run
 * already under way at `from` counts from `from`): a period whose last day fell there could never
 * end. Undefined when there is none. The calendar
 * must hold the years from `from` to MAX_CLOSED_RUN days after `through` (a year not held counts
 * only its closed weekdays and fixed holidays).
 */
export function closedForAYearFrom(
  calendar: WorkCalendar,
  from: SolarHijriDay,
  through: SolarHijriDay,
): string | undefined {
  const index = indexCalendar(calendar);
  const end = formatDay(addDays(through, MAX_CLOSED_RUN));
  let runStart: SolarHijriDay | undefined;
  let run = 0;
  for (let day = from; formatDay(day) < end; day = addDays(day, 1)) {
    if (reasonsClosed(day, index).length === 0) {
      runStart = undefined;
      run = 0;
      if (formatDay(day) >= formatDay(through)) return undefined;
      continue;
    }
    runStart ??= day;
    run += 1;
    if (run >= MAX_CLOSED_RUN) return formatDay(runStart);
  }
  return undefined;
}

/** The Solar Hijri years from the year of `from` to that of `through`. */
export function yearsBetween(from: SolarHijriDay, through: SolarHijriDay): number[] {
  return Array.from({ length: through.year - from.year + 1 }, (_, i) => from.year + i);
}

/**
 * The Solar Hijri years whose holidays can decide a period served at `servedAt`: the year of
 * service and the next (a period of days, moved over a closed run, never reaches a third year).
 */
export function calendarYearsFor(servedAt: Date): number[] {
  const { year } = tehranDayOf(servedAt);
  return [year, year + 1];
}

/** Every holiday of a year in the calendar's province (fixed, lunar, provincial), by date. */
export function holidaysOfYear(calendar: WorkCalendar, year: number): Holiday[] {
  const lunar = calendar.lunarCalendars.find((loaded) => loaded.year === year)?.holidays ?? [];
  const provincial = calendar.provincialHolidays.filter((holiday) => holiday.date.startsWith(`${year}-`));
  return [
    ...fixedHolidaysOf(year),
    ...lunar.map((holiday) => ({ kind: 'lunar' as const, date: holiday.date, name: holiday.name })),
    ...provincial.map((holiday) => ({ kind: 'provincial' as const, date: holiday.date, name: holiday.name })),
  ].sort((a, b) => byCodePoint(a.date, b.date));
}

/** Whether the period is over at `now`: the last day has ended in Tehran. */
export function isLapsed(period: Pick<LegalPeriod, 'endsAt'>, now: Date): boolean {
  return now.getTime() >= Date.parse(period.endsAt);
}

/** One line for the petitioner or the office, e.g. `Last day to act: Sunday 12 Mehr 1405 (…)`. */
export function describeLastDay(period: Pick<LegalPeriod, 'lastDay' | 'provisional'>, language: 'fa' | 'en'): string {
  const lastDay = parseDay(period.lastDay);
  if (!lastDay) throw new RangeError(`not a Solar Hijri day: ${period.lastDay}`);
  const weekday = WEEKDAY_NAMES[weekdayOf(lastDay)][language];
  const text = LAST_DAY_TEXT[language];
  const line = text.lastDay(weekday, describeDay(lastDay, language));
  return period.provisional ? `${line} ${text.provisional}` : line;
}
