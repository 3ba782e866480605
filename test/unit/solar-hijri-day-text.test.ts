import {
  isLeapYear,
  isValidSolarHijriDay,
  solarHijriDay,
  solarHijriYearSpan,
} from '../../shared/domain/solar-hijri-days';

describe('Solar Hijri days for validity periods', () => {
  it('names the Tehran day of an instant as sortable text', () => {
    expect(solarHijriDay(new Date('2026-11-28T08:00:00Z'))).toBe('1405-09-07');
    expect(solarHijriDay(new Date('2027-03-20T20:31:00Z'))).toBe('1406-01-01'); // 00:01 Tehran on Nowruz 1406
  });

  it('knows which years have a 30th of Esfand, as the calendar the rest of the code uses does', () => {
    expect([1403, 1404, 1405, 1406].map(isLeapYear)).toEqual([true, false, false, false]);
    expect(solarHijriYearSpan(1403)).toEqual({ first: '1403-01-01', last: '1403-12-30' });
    expect(solarHijriYearSpan(1405)).toEqual({ first: '1405-01-01', last: '1405-12-29' });
  });

  it.each([
    ['1403-12-30', true],
    ['1404-12-30', false],
    ['1405-06-31', true],
    ['1405-07-31', false],
    ['1405-13-01', false],
    ['1405-00-10', false],
    ['1405-1-1', false],
    ['2026-11-28', false],
  ])('%s is a valid day: %s', (day, valid) => {
    expect(isValidSolarHijriDay(day)).toBe(valid);
  });
});
