import { type CalendarDate, solarHijriDate, tehranGregorianDate } from './solar-hijri';

/**
 * Report months: Solar Hijri (the province's calendar) or Gregorian, both as Tehran wall-clock
 * months. A month is `YYYY-MM`; its instants are [from, to) in UTC, found from the time-zone
 * database through ICU, so the daylight-saving years before 2022 come out right.
 */
export const CALENDARS = ['solar-hijri', 'gregorian'] as const;
export type Calendar = (typeof CALENDARS)[number];

export interface MonthId {
  calendar: Calendar;
  year: number;
  month: number;
}

export const formatMonth = ({ year, month }: Pick<MonthId, 'year' | 'month'>) =>
  `${year}-${String(month).padStart(2, '0')}`;

export function parseMonth(calendar: Calendar, text: string): MonthId | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  const [min, max] = calendar === 'solar-hijri' ? [1300, 1500] : [1921, 2121];
  return year >= min && year <= max ? { calendar, year, month } : undefined;
}

export function previousMonth(id: MonthId): MonthId {
  return id.month === 1 ? { ...id, year: id.year - 1, month: 12 } : { ...id, month: id.month - 1 };
}

export function nextMonth(id: MonthId): MonthId {
  return id.month === 12 ? { ...id, year: id.year + 1, month: 1 } : { ...id, month: id.month + 1 };
}

const dateIn = (calendar: Calendar, instant: Date): CalendarDate =>
  calendar === 'solar-hijri' ? solarHijriDate(instant) : tehranGregorianDate(instant);

export function monthOf(calendar: Calendar, instant: Date): MonthId {
  const { year, month } = dateIn(calendar, instant);
  return { calendar, year, month };
}

const compare = (a: Pick<MonthId, 'year' | 'month'>, b: Pick<MonthId, 'year' | 'month'>) =>
  a.year * 12 + a.month - (b.year * 12 + b.month);

/** Whether two months are the same (same calendar assumed). */
export const sameMonth = (a: MonthId, b: MonthId) => compare(a, b) === 0;
export const isBefore = (a: MonthId, b: MonthId) => compare(a, b) < 0;

const DAY = 86_400_000;

/** 1 Farvardin of a Solar Hijri year falls on 20 or 21 March (rarely 19 or 22); ICU decides which. */
function nowruzUtcNoon(year: number): number {
  for (const day of [19, 20, 21, 22]) {
    const noon = Date.UTC(year + 621, 2, day, 9);
    const date = solarHijriDate(new Date(noon));
    if (date.year === year && date.month === 1 && date.day === 1) return noon;
  }
  throw new Error(`no Nowruz found for ${year}`);
}

/** Noon (Tehran) of the month's first day: months 1-6 have 31 days, 7-11 have 30. */
function firstDayNoon(id: MonthId): number {
  if (id.calendar === 'gregorian') return Date.UTC(id.year, id.month - 1, 1, 9);
  const days = id.month <= 7 ? (id.month - 1) * 31 : 186 + (id.month - 7) * 30;
  return nowruzUtcNoon(id.year) + days * DAY;
}

/** The first instant whose Tehran date lies in the month: local midnight, at +03:30 or (before 2022, in summer) +04:30. */
export function monthStart(id: MonthId): Date {
  const noon = firstDayNoon(id);
  const midnightUtc = noon - 9 * 3600_000 + 0; // 00:00 UTC of that calendar day
  for (const offsetMinutes of [270, 210]) {
    const candidate = new Date(midnightUtc - offsetMinutes * 60_000);
    const inside = dateIn(id.calendar, candidate);
    const before = dateIn(id.calendar, new Date(candidate.getTime() - 1));
    if (
      inside.year === id.year &&
      inside.month === id.month &&
      inside.day === 1 &&
      (before.month !== id.month || before.year !== id.year)
    )
      return candidate;
  }
  throw new Error(`could not place the start of ${formatMonth(id)}`);
}

/** [from, to) of the month in UTC. */
export function monthRange(id: MonthId): { from: Date; to: Date } {
  return { from: monthStart(id), to: monthStart(nextMonth(id)) };
}

/** Days in a Solar Hijri month: 31, 30, or 29/30 for Esfand depending on the leap year. */
export function daysInMonth(id: MonthId): number {
  const { from, to } = monthRange(id);
  return Math.round((to.getTime() - from.getTime()) / DAY);
}

/** Counter period key used by the per-office counters: `J#1398-06` or `G#2019-09`. */
export const counterPeriod = (id: MonthId) => `${id.calendar === 'solar-hijri' ? 'J' : 'G'}#${formatMonth(id)}`;
