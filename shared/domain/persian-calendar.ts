import { lazily } from './lazily';

/**
 * The Persian (Solar Hijri) calendar on day numbers (days since 1970-01-01, Gregorian, zone-free):
 * Nowruz of each year and the date of a day number. ICU's Persian calendar (through Intl) is the
 * reference; within its years that match the official calendar (1304 to 1503, see
 * solar-hijri-days.ts) the answer comes from a table of ICU's own leap years instead, because the
 * first Intl formatter of a process loads ICU's data: about 24 ms of a cold start that every
 * function which dates anything would otherwise pay. test/unit/persian-calendar.test.ts checks the
 * table against ICU for every day of those years.
 */
export const DAY_MS = 86_400_000;

export interface PersianDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const TABLE_FIRST_YEAR = 1304;
/** Nowruz 1304 (21 March 1925) as a day number. */
const TABLE_FIRST_NOWRUZ = -16_357;
/** The 366-day years from 1304 to 1503, as ICU's Persian calendar has them. */
const LEAP_YEARS = new Set([
  1304, 1309, 1313, 1317, 1321, 1325, 1329, 1333, 1337, 1342, 1346, 1350, 1354, 1358, 1362, 1366, 1370, 1375, 1379,
  1383, 1387, 1391, 1395, 1399, 1403, 1408, 1412, 1416, 1420, 1424, 1428, 1432, 1436, 1441, 1445, 1449, 1453, 1457,
  1461, 1465, 1469, 1474, 1478, 1482, 1486, 1490, 1494, 1498, 1503,
]);
const TABLE_LAST_YEAR = 1503;

/** Nowruz of every year of the table and of the year after it. */
const tableNowruz = lazily(() => {
  const days = [TABLE_FIRST_NOWRUZ];
  for (let year = TABLE_FIRST_YEAR; year <= TABLE_LAST_YEAR; year++)
    days.push(days[days.length - 1]! + (LEAP_YEARS.has(year) ? 366 : 365));
  return days;
});

/** Day number of 1 Farvardin of the year. */
export function nowruzDayNumber(year: number): number {
  if (year >= TABLE_FIRST_YEAR && year <= TABLE_LAST_YEAR + 1) return tableNowruz()[year - TABLE_FIRST_YEAR]!;
  return icuNowruzDayNumber(year);
}

/** The Persian date of a day number. */
export function persianDateOfDayNumber(value: number): PersianDate {
  const nowruz = tableNowruz();
  if (value < nowruz[0]! || value >= nowruz[nowruz.length - 1]!) return icuPersianDateOfDayNumber(value);
  // The year from the mean year's length, then corrected by at most one.
  let index = Math.min(Math.floor((value - nowruz[0]!) / 365.2422), nowruz.length - 2);
  while (nowruz[index]! > value) index--;
  while (nowruz[index + 1]! <= value) index++;
  const dayOfYear = value - nowruz[index]!;
  const [month, day] =
    dayOfYear < 186
      ? [Math.floor(dayOfYear / 31) + 1, (dayOfYear % 31) + 1]
      : [Math.floor((dayOfYear - 186) / 30) + 7, ((dayOfYear - 186) % 30) + 1];
  return { year: TABLE_FIRST_YEAR + index, month, day };
}

// --- ICU, for the years outside the table and as the table's reference --------------------------

// Formatting in UTC at noon reads the calendar date of a day number without any zone offset.
const persianOfUtc = lazily(
  () =>
    new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    }),
);

export function icuPersianDateOfDayNumber(dayNumber: number): PersianDate {
  const values: Record<string, number> = {};
  for (const part of persianOfUtc().formatToParts(new Date(dayNumber * DAY_MS + DAY_MS / 2))) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day') values[part.type] = Number(part.value);
  }
  return { year: values.year!, month: values.month!, day: values.day! };
}

const icuNowruzCache = new Map<number, number>();

/** Day number of 1 Farvardin: 19 to 22 March of Gregorian year + 621, as ICU places the equinox. */
export function icuNowruzDayNumber(year: number): number {
  const cached = icuNowruzCache.get(year);
  if (cached !== undefined) return cached;
  for (const marchDay of [20, 21, 19, 22]) {
    const candidate = Date.UTC(year + 621, 2, marchDay) / DAY_MS;
    const date = icuPersianDateOfDayNumber(candidate);
    if (date.year === year && date.month === 1 && date.day === 1) {
      icuNowruzCache.set(year, candidate);
      return candidate;
    }
  }
  throw new Error(`no 1 Farvardin found for ${year}`);
}
