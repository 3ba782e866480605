import { lazily } from './lazily';

/**
 * Solar Hijri (Jalali) dates in Asia/Tehran time, from the ICU Persian calendar and the time-zone
 * database that Node ships: Iran kept daylight saving until 2022, so the offset of an instant
 * depends on its date and must come from the tz database, not from a fixed +03:30.
 */
export const IRAN_TIME_ZONE = 'Asia/Tehran';

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
  return parts(persianParts(), instant);
}

/** The Gregorian date of an instant on a Tehran wall calendar. */
export function tehranGregorianDate(instant: Date): CalendarDate {
  return parts(gregorianTehranParts(), instant);
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
