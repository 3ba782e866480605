import { solarHijriDate, solarHijriMonth, tehranGregorianMonth } from '../../shared/domain/solar-hijri';

describe('Solar Hijri months in Tehran time', () => {
  it.each([
    ['2019-09-22T19:29:00Z', '1398-06'], // 31 Shahrivar 1398, 22:59 Tehran (+03:30: daylight saving had ended)
    ['2019-09-22T20:31:00Z', '1398-07'], // 1 Mehr 1398, 00:01 Tehran
    ['2019-08-22T19:29:00Z', '1398-05'], // 31 Mordad 1398, 23:59 Tehran (+04:30, daylight saving)
    ['2019-08-22T19:31:00Z', '1398-06'], // 1 Shahrivar 1398, 00:01 Tehran
    ['2025-03-20T20:29:00Z', '1403-12'], // 30 Esfand 1403 (a leap year), 23:59 Tehran
    ['2025-03-20T20:31:00Z', '1404-01'], // 1 Farvardin 1404, 00:01 Tehran
    ['2026-11-21T20:29:00Z', '1405-08'], // 30 Aban 1405, 23:59 Tehran (no daylight saving since 2022)
    ['2026-11-21T20:31:00Z', '1405-09'], // 1 Azar 1405
  ])('%s falls in %s', (instant, month) => {
    expect(solarHijriMonth(new Date(instant))).toBe(month);
  });

  it('knows the Nowruz of 1398', () => {
    expect(solarHijriDate(new Date('2019-03-21T08:00:00Z'))).toEqual({ year: 1398, month: 1, day: 1 });
  });

  it('puts the last minutes of a Gregorian month in UTC into the next month in Tehran', () => {
    expect(tehranGregorianMonth(new Date('2019-09-30T21:00:00Z'))).toBe('2019-10');
  });
});
