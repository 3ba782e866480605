import {
  counterPeriod,
  daysInMonth,
  type MonthId,
  monthRange,
  nextMonth,
  parseMonth,
  previousMonth,
} from '../../shared/domain/months';

const j = (text: string): MonthId => parseMonth('solar-hijri', text)!;
const g = (text: string): MonthId => parseMonth('gregorian', text)!;
const iso = (d: Date) => d.toISOString().replace('.000', '');

describe('Solar Hijri month arithmetic', () => {
  it.each([
    // 1398: Iran still kept daylight saving, +04:30 from 1 Farvardin to the end of 30 Shahrivar.
    ['1398-01', '2019-03-20T20:30:00Z', '2019-04-20T19:30:00Z'],
    ['1398-06', '2019-08-22T19:30:00Z', '2019-09-22T20:30:00Z'],
    ['1398-07', '2019-09-22T20:30:00Z', '2019-10-22T20:30:00Z'],
    ['1398-12', '2020-02-19T20:30:00Z', '2020-03-19T20:30:00Z'],
    // 1405: no daylight saving since 2022, every month starts at 20:30 UTC.
    ['1405-09', '2026-11-21T20:30:00Z', '2026-12-21T20:30:00Z'],
    ['1403-12', '2025-02-18T20:30:00Z', '2025-03-20T20:30:00Z'],
  ])('%s runs from %s to %s', (month, from, to) => {
    const range = monthRange(j(month));

    expect([iso(range.from), iso(range.to)]).toEqual([from, to]);
  });

  it.each([
    ['1398-01', 31],
    ['1398-06', 31],
    ['1398-07', 30],
    ['1398-12', 29], // 1398 is a common year
    ['1399-12', 30], // 1399 is a leap year
    ['1403-12', 30], // 1403 is a leap year
    ['1404-12', 29],
  ])('%s has %i days', (month, days) => {
    expect(daysInMonth(j(month))).toBe(days);
  });

  it("goes back from Farvardin to the previous year's Esfand and forward again", () => {
    expect(previousMonth(j('1398-01'))).toEqual(j('1397-12'));
    expect(nextMonth(j('1397-12'))).toEqual(j('1398-01'));
    expect(previousMonth(j('1398-07'))).toEqual(j('1398-06'));
  });

  it('refuses malformed months', () => {
    expect(parseMonth('solar-hijri', '1398-13')).toBeUndefined();
    expect(parseMonth('solar-hijri', '1398-6')).toBeUndefined();
    expect(parseMonth('solar-hijri', '2019-06')).toBeUndefined();
  });

  it('names the counter periods of both calendars', () => {
    expect(counterPeriod(j('1398-06'))).toBe('J#1398-06');
    expect(counterPeriod(g('2019-09'))).toBe('G#2019-09');
  });
});

describe('Gregorian months in Tehran time', () => {
  it.each([
    ['2019-09', '2019-08-31T19:30:00Z', '2019-09-30T20:30:00Z'], // +04:30 until 21 September 2019
    ['2026-11', '2026-10-31T20:30:00Z', '2026-11-30T20:30:00Z'],
  ])('%s runs from %s to %s', (month, from, to) => {
    const range = monthRange(g(month));

    expect([iso(range.from), iso(range.to)]).toEqual([from, to]);
  });
});
