import { formatDay, type SolarHijriDay } from './solar-hijri-days';

/**
 * Official holidays, the days the offices are closed besides the closed weekdays. Three sources:
 * - fixed Solar Hijri holidays, the same dates every year, built in here;
 * - lunar (Islamic calendar) holidays, which move about eleven days a year and depend on moon
 *   sighting, so `national-admin` loads them per Solar Hijri year from the official calendar;
 * - provincial holidays (and unplanned closures such as snow or pollution days), which a province's
 *   admin adds for that province only.
 * Dates are Solar Hijri `YYYY-MM-DD`.
 */
export interface LocalizedName {
  fa: string;
  en: string;
}

export interface FixedHoliday {
  month: number;
  day: number;
  name: LocalizedName;
}

/**
 * 29 Esfand exists every year, so it is a holiday every year; in a leap year 30 Esfand is an
 * ordinary working day.
 */
export const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: { fa: 'عید نوروز', en: 'Nowruz' } },
  { month: 1, day: 2, name: { fa: 'عید نوروز', en: 'Nowruz' } },
  { month: 1, day: 3, name: { fa: 'عید نوروز', en: 'Nowruz' } },
  { month: 1, day: 4, name: { fa: 'عید نوروز', en: 'Nowruz' } },
  { month: 1, day: 12, name: { fa: 'روز جمهوری اسلامی', en: 'Islamic Republic Day' } },
  { month: 1, day: 13, name: { fa: 'روز طبیعت', en: 'Nature Day (Sizdah Bedar)' } },
  { month: 3, day: 14, name: { fa: 'رحلت حضرت امام خمینی (ره)', en: 'Anniversary of the death of Imam Khomeini' } },
  { month: 3, day: 15, name: { fa: 'قیام ۱۵ خرداد', en: 'Anniversary of the 15 Khordad uprising' } },
  { month: 11, day: 22, name: { fa: 'سالروز پیروزی انقلاب اسلامی', en: 'Victory of the Islamic Revolution' } },
  { month: 12, day: 29, name: { fa: 'روز ملی شدن صنعت نفت ایران', en: 'Nationalisation of the oil industry' } },
];

export interface LunarHoliday {
  /** Solar Hijri `YYYY-MM-DD`, within the calendar's year. */
  date: string;
  name: LocalizedName;
}

/** One Solar Hijri year of lunar holidays, as `national-admin` loads it. */
export interface LunarHolidayCalendar {
  year: number;
  holidays: readonly LunarHoliday[];
  /** Where the dates come from, e.g. the official calendar of the year and its publisher. */
  source: string;
  /** Seeded demo data, not the official calendar. */
  demo: boolean;
}

/** A holiday a province's admin adds for that province alone. */
export interface ProvincialHoliday {
  provinceCode: string;
  /** Solar Hijri `YYYY-MM-DD`. */
  date: string;
  name: LocalizedName;
}

export type HolidayKind = 'fixed' | 'lunar' | 'provincial';

export interface Holiday {
  kind: HolidayKind;
  date: string;
  name: LocalizedName;
}

export function fixedHolidaysOn(day: SolarHijriDay): Holiday[] {
  return FIXED_HOLIDAYS.filter((holiday) => holiday.month === day.month && holiday.day === day.day).map((holiday) => ({
    kind: 'fixed' as const,
    date: formatDay(day),
    name: holiday.name,
  }));
}

/** The fixed holidays of a year, dated. */
export function fixedHolidaysOf(year: number): Holiday[] {
  return FIXED_HOLIDAYS.map((holiday) => ({
    kind: 'fixed' as const,
    date: formatDay({ year, month: holiday.month, day: holiday.day }),
    name: holiday.name,
  }));
}
