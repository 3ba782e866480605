import { lazily } from './lazily';
import { DAY_MS, persianDateOfDayNumber } from './persian-calendar';

/**
 * Solar Hijri (Jalali) dates in Asia/Tehran time, from the ICU Persian calendar and the time-zone
 * database that Node ships: Iran kept daylight saving until 2022, so the offset of an instant
 * depends on its date and must come from the tz database, not from a fixed +03:30.
 */
export const IRAN_TIME_ZONE = 'Asia/Tehran';

/**
 * Since Iran's last daylight saving ended (2022-09-21T19:30Z), the tz database has Tehran at a fixed
 * +03:30. Instants from then on are read with that offset and the calendar table
 * (persian-calendar.ts), without ICU, whose first use costs a cold start about 24 ms; earlier
 * instants go to ICU. test/unit/solar-hijri.test.ts checks the fixed offset against the tz
 * database, hour by hour to 2070: a tz update that brings daylight saving back fails it.
 */
export const FIXED_TEHRAN_OFFSET = { since: Date.UTC(2022, 8, 21, 19, 30), minutes: 210 } as const;

/** Milliseconds of the Tehran wall clock read as UTC, for an instant on the fixed offset; else undefined. */
export function fixedOffsetWallMs(instant: Date): number | undefined {
  const ms = instant.getTime();
  return ms >= FIXED_TEHRAN_OFFSET.since ? ms + FIXED_TEHRAN_OFFSET.minutes * 60_000 : undefined;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The Gregorian Tehran wall clock of an instant on the fixed offset; else undefined (ask the tz database). */
export function fixedOffsetWallClock(instant: Date): WallClock | undefined {
  const wall = fixedOffsetWallMs(instant);
  if (wall === undefined) return undefined;
  const w = new Date(wall);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
  };
}

const persianParts = lazily(
  () =>
    new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
      timeZone: IRAN_TIME_ZONE,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }),
);

const gregorianTehranParts = lazily(
  () =>
    new Intl.DateTimeFormat('en-US-u-nu-latn', {
      timeZone: IRAN_TIME_ZONE,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }),
);

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function parts(format: Intl.DateTimeFormat, instant: Date): CalendarDate {
  const values: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') values[part.type] = Number(part.value);
  }
  return { year: values.year!, month: values.month!, day: values.day! };
}

/** The Solar Hijri date of an instant on a Tehran wall calendar. */
export function solarHijriDate(instant: Date): CalendarDate {
  const wall = fixedOffsetWallMs(instant);
  if (wall === undefined) return parts(persianParts(), instant);
  return { ...persianDateOfDayNumber(Math.floor(wall / DAY_MS)) };
}

/** The Gregorian date of an instant on a Tehran wall calendar. */
export function tehranGregorianDate(instant: Date): CalendarDate {
  const wall = fixedOffsetWallClock(instant);
  return wall ? { year: wall.year, month: wall.month, day: wall.day } : parts(gregorianTehranParts(), instant);
}

const monthKey = ({ year, month }: CalendarDate) => `${year}-${String(month).padStart(2, '0')}`;

/** `YYYY-MM` of the Solar Hijri month the instant falls in, Tehran time: `1398-06` is Shahrivar 1398. */
export function solarHijriMonth(instant: Date): string {
  return monthKey(solarHijriDate(instant));
}

/** `YYYY-MM` of the Gregorian month the instant falls in, Tehran time. */
export function tehranGregorianMonth(instant: Date): string {
  return monthKey(tehranGregorianDate(instant));
}
