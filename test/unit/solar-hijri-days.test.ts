import {
  addDays,
  dayEnd,
  dayFromNumber,
  dayNumber,
  dayStart,
  daysBetween,
  daysInSolarMonth,
  describeDay,
  formatDay,
  fromGregorianIso,
  isLeapYear,
  parseDay,
  type SolarHijriDay,
  tehranDayOf,
  toGregorianIso,
  weekdayOf,
} from '../../shared/domain/solar-hijri-days';

const day = (text: string): SolarHijriDay => parseDay(text)!;
const HOUR = 3_600_000;

describe('Solar Hijri calendar days', () => {
  it.each([
    // Nowruz dates of recent years, and 1 Mehr, 186 days later.
    ['1398-01-01', '2019-03-21'],
    ['1399-01-01', '2020-03-20'],
    ['1403-01-01', '2024-03-20'],
    ['1404-01-01', '2025-03-21'],
    ['1405-01-01', '2026-03-21'],
    ['1405-07-01', '2026-09-23'],
    ['1403-12-30', '2025-03-20'],
    ['1405-09-07', '2026-11-28'],
  ])('%s is %s', (solar, gregorian) => {
    expect(toGregorianIso(day(solar))).toBe(gregorian);
    expect(fromGregorianIso(gregorian)).toEqual(day(solar));
  });

  it.each([
    [1395, true],
    [1399, true],
    [1403, true],
    [1408, true],
    [1398, false],
    [1402, false],
    [1404, false],
    [1405, false],
  ])('knows whether %i is a leap year: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInSolarMonth(year, 12)).toBe(leap ? 30 : 29);
  });

  it('adds days across the end of Esfand in a common and in a leap year', () => {
    expect(formatDay(addDays(day('1404-12-29'), 1))).toBe('1405-01-01');
    expect(formatDay(addDays(day('1403-12-29'), 1))).toBe('1403-12-30');
    expect(formatDay(addDays(day('1403-12-30'), 1))).toBe('1404-01-01');
    expect(formatDay(addDays(day('1405-01-05'), -5))).toBe('1404-12-29');
    expect(daysBetween(day('1403-01-01'), day('1404-01-01'))).toBe(366);
  });

  it('round-trips day numbers', () => {
    for (let n = dayNumber(day('1398-01-01')); n < dayNumber(day('1400-01-01')); n += 1) {
      expect(dayNumber(dayFromNumber(n))).toBe(n);
    }
  });

  it.each([
    ['1405-01-01', 'saturday'], // 21 March 2026
    ['1404-01-01', 'friday'], // 21 March 2025
    ['1405-07-12', 'sunday'], // 4 October 2026
    ['1398-07-12', 'friday'], // 4 October 2019
  ])('%s is a %s', (text, weekday) => {
    expect(weekdayOf(day(text))).toBe(weekday);
  });

  it('parses real days only, within the supported years', () => {
    expect(parseDay('1403-12-30')).toEqual({ year: 1403, month: 12, day: 30 });
    expect(parseDay('1404-12-30')).toBeUndefined(); // 1404 is a common year
    expect(parseDay('1405-07-31')).toBeUndefined(); // Mehr has 30 days
    expect(parseDay('1405-06-31')).toEqual({ year: 1405, month: 6, day: 31 });
    expect(parseDay('1405-13-01')).toBeUndefined();
    expect(parseDay('1405-7-1')).toBeUndefined();
    expect(parseDay('1405-00-10')).toBeUndefined();
    expect(parseDay('1303-01-01')).toBeUndefined();
    expect(parseDay('1503-01-01')).toBeUndefined();
    expect(fromGregorianIso('2025-02-29')).toBeUndefined();
  });

  it('describes a day for people in Persian and in English', () => {
    expect(describeDay(day('1405-07-12'), 'en')).toBe('12 Mehr 1405');
    expect(describeDay(day('1405-07-12'), 'fa')).toBe('۱۲ مهر ۱۴۰۵');
  });
});

describe('Tehran days of instants', () => {
  it.each([
    ['2026-09-23T20:20:00Z', '1405-07-01'], // 23:50 Tehran
    ['2026-09-23T20:40:00Z', '1405-07-02'], // 00:10 Tehran, still 23 September in UTC
    ['2019-07-31T19:20:00Z', '1398-05-09'], // 23:50 at +04:30 (summer 1398)
    ['2019-07-31T19:40:00Z', '1398-05-10'], // 00:10 at +04:30
  ])('%s falls on %s', (instant, solar) => {
    expect(formatDay(tehranDayOf(new Date(instant)))).toBe(solar);
  });

  it.each([
    // No daylight saving since 2022: every day starts at 20:30 UTC.
    ['1405-07-12', '2026-10-03T20:30:00.000Z', 24],
    // 1398: 2 Farvardin began at 00:00 +03:30, then clocks went to 01:00; the day had 23 hours.
    ['1398-01-02', '2019-03-21T20:30:00.000Z', 23],
    ['1398-05-21', '2019-08-11T19:30:00.000Z', 24],
    // 30 Shahrivar 1398 began at +04:30 and ended at +03:30: 25 hours.
    ['1398-06-30', '2019-09-20T19:30:00.000Z', 25],
    // 1357 (1978): Iran was on +04:00 then.
    ['1357-01-02', '1978-03-21T20:00:00.000Z', 24],
  ])('%s starts at %s and lasts %i hours', (text, start, hours) => {
    const from = dayStart(day(text));
    const to = dayEnd(day(text));

    expect(from.toISOString()).toBe(start);
    expect((to.getTime() - from.getTime()) / HOUR).toBe(hours);
  });

  it('starts every day of a daylight-saving year at the first instant of its Tehran date', () => {
    for (let current = day('1398-01-01'); current.year === 1398; current = addDays(current, 1)) {
      const start = dayStart(current);
      expect(formatDay(tehranDayOf(start))).toBe(formatDay(current));
      expect(formatDay(tehranDayOf(new Date(start.getTime() - 1)))).toBe(formatDay(addDays(current, -1)));
    }
  });
});
