import { demoLunarCalendar, demoLunarCalendars } from '../../local/demo-holidays';
import { FIXED_HOLIDAYS, fixedHolidaysOf, fixedHolidaysOn } from '../../shared/domain/holidays';
import { parseDay } from '../../shared/domain/solar-hijri-days';
import { lunarHolidayCalendarSchema } from '../../shared/schemas/holidays';
import { fieldMessageName } from '../support/field-messages';

describe('fixed holidays', () => {
  it('are 1-4 and 12-13 Farvardin, 14-15 Khordad, 22 Bahman and 29 Esfand', () => {
    expect(fixedHolidaysOf(1405).map((holiday) => holiday.date)).toEqual([
      '1405-01-01',
      '1405-01-02',
      '1405-01-03',
      '1405-01-04',
      '1405-01-12',
      '1405-01-13',
      '1405-03-14',
      '1405-03-15',
      '1405-11-22',
      '1405-12-29',
    ]);
    expect(FIXED_HOLIDAYS.every((holiday) => holiday.name.fa.length > 0 && holiday.name.en.length > 0)).toBe(true);
  });

  it('keep 29 Esfand in a leap year and leave 30 Esfand a working day', () => {
    expect(fixedHolidaysOn(parseDay('1403-12-29')!)).toHaveLength(1);
    expect(fixedHolidaysOn(parseDay('1403-12-30')!)).toEqual([]);
    expect(fixedHolidaysOn(parseDay('1404-12-29')!)).toHaveLength(1);
  });
});

describe('loading a year of lunar holidays', () => {
  const valid = {
    year: 1405,
    holidays: [{ date: '1405-04-04', name: { fa: 'عاشورای حسینی', en: 'Ashura' } }],
    source: 'Official calendar 1405',
  };

  it('accepts a year and defaults it to official (not demo) data', () => {
    expect(lunarHolidayCalendarSchema.parse(valid)).toEqual({ ...valid, demo: false });
  });

  const ashura = valid.holidays[0]!;
  const withHolidays = (...holidays: unknown[]) => ({ ...valid, holidays });

  it.each([
    ['a date that does not exist', withHolidays({ ...ashura, date: '1404-12-30' }), 'solarDate'],
    ['a date in another year', withHolidays({ ...ashura, date: '1406-04-04' }), 'holidayYear'],
    ['the same day twice', withHolidays(ashura, ashura), 'holidayDuplicate'],
    [
      'a Persian name in Latin letters',
      withHolidays({ ...ashura, name: { fa: 'Ashura', en: 'Ashura' } }),
      'persianText',
    ],
  ])('refuses %s', (_what, input, message) => {
    const result = lunarHolidayCalendarSchema.safeParse(input);

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => fieldMessageName(issue.message))).toContain(message);
  });

  it('refuses unknown fields and an empty year', () => {
    expect(lunarHolidayCalendarSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(lunarHolidayCalendarSchema.safeParse({ ...valid, holidays: [] }).success).toBe(false);
  });
});

describe('demo lunar holidays', () => {
  it('cover the current and the next Solar Hijri year, marked as demo, and pass the loading schema', () => {
    const calendars = demoLunarCalendars(new Date('2026-11-28T09:00:00Z'));

    expect(calendars.map((calendar) => [calendar.year, calendar.demo])).toEqual([
      [1405, true],
      [1406, true],
    ]);
    for (const calendar of calendars) {
      expect(lunarHolidayCalendarSchema.safeParse(calendar).success).toBe(true);
      expect(calendar.source).toMatch(/DEMO/);
    }
  });

  it('follow the year of "now", so they stay right in later years', () => {
    expect(demoLunarCalendars(new Date('2027-03-21T12:00:00Z')).map((calendar) => calendar.year)).toEqual([1406, 1407]);
  });

  it('put Tasua and Ashura 1446 on 25-26 Tir 1403 (15-16 July 2024), as the official calendar did', () => {
    const dates = demoLunarCalendar(1403).holidays.filter((holiday) => /Tasua|Ashura/.test(holiday.name.en));

    expect(dates.map((holiday) => holiday.date)).toEqual(['1403-04-25', '1403-04-26']);
  });

  it('give every listed occasion at least once in a year, and the last day of Safar after 28 Safar', () => {
    const holidays = demoLunarCalendar(1405).holidays;

    expect(holidays.length).toBeGreaterThanOrEqual(17);
    const reza = holidays.findIndex((holiday) => holiday.name.en === 'Martyrdom of Imam Reza');
    expect(holidays[reza - 1]?.name.en).toBe('Death of the Prophet and martyrdom of Imam Hasan');
  });
});
