import {
  icuNowruzDayNumber,
  icuPersianDateOfDayNumber,
  nowruzDayNumber,
  persianDateOfDayNumber,
} from '../../shared/domain/persian-calendar';
import {
  FIXED_TEHRAN_OFFSET,
  IRAN_TIME_ZONE,
  solarHijriDate,
  tehranGregorianDate,
} from '../../shared/domain/solar-hijri';
import { tehranMoment } from '../../shared/use-cases/citizen';

/**
 * The calendar table and the fixed Tehran offset answer without ICU (a cold start's first Intl
 * formatter costs about 24 ms); ICU and the tz database stay the reference, checked here.
 */
describe('the Persian calendar table', () => {
  it('places Nowruz of every year from 1304 to 1504 where ICU does', () => {
    // Prepare
    const years = Array.from({ length: 201 }, (_, i) => 1304 + i);

    // Act
    const differing = years.filter((year) => nowruzDayNumber(year) !== icuNowruzDayNumber(year));

    // Assess
    expect(differing).toEqual([]);
  });

  it('gives every day from Nowruz 1304 to the last day of 1503, and the days around them, the date ICU gives', () => {
    // Prepare: one day before the table to one day after it, where ICU answers.
    const from = nowruzDayNumber(1304) - 1;
    const to = nowruzDayNumber(1504);
    const differing: number[] = [];

    // Act
    for (let day = from; day <= to; day++) {
      const table = persianDateOfDayNumber(day);
      const icu = icuPersianDateOfDayNumber(day);
      if (table.year !== icu.year || table.month !== icu.month || table.day !== icu.day) differing.push(day);
    }

    // Assess
    expect(to - from).toBeGreaterThan(73_000);
    expect(differing).toEqual([]);
  });
});

describe('Tehran on a fixed +03:30 since daylight saving ended', () => {
  const formats = Object.fromEntries(
    ['persian', 'gregory'].map((calendar) => [
      calendar,
      new Intl.DateTimeFormat(`en-US-u-ca-${calendar}-nu-latn`, {
        timeZone: IRAN_TIME_ZONE,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
      }),
    ]),
  );
  const icuDate = (calendar: 'persian' | 'gregory', instant: Date) => {
    const values: Record<string, number> = {};
    for (const part of formats[calendar]!.formatToParts(instant))
      if (part.type === 'year' || part.type === 'month' || part.type === 'day') values[part.type] = Number(part.value);
    return { year: values.year, month: values.month, day: values.day };
  };

  it('reads the same Solar Hijri and Gregorian dates as the tz database, every 97 minutes to 2070', () => {
    // Prepare: a step that is not a divisor of an hour or a day, so that instants drift across midnights.
    const step = 97 * 60_000;
    const end = Date.UTC(2070, 0, 1);
    const differing: string[] = [];

    // Act
    for (let ms = FIXED_TEHRAN_OFFSET.since; ms < end; ms += step) {
      const instant = new Date(ms);
      const solar = solarHijriDate(instant);
      const gregorian = tehranGregorianDate(instant);
      const expectedSolar = icuDate('persian', instant);
      const expectedGregorian = icuDate('gregory', instant);
      if (
        solar.year !== expectedSolar.year ||
        solar.month !== expectedSolar.month ||
        solar.day !== expectedSolar.day ||
        gregorian.year !== expectedGregorian.year ||
        gregorian.month !== expectedGregorian.month ||
        gregorian.day !== expectedGregorian.day
      )
        differing.push(instant.toISOString());
    }

    // Assess
    expect(differing).toEqual([]);
  });

  it('starts where the last summer offset (+04:30) ended, and turns the day at 20:30 UTC', () => {
    // Prepare: the millisecond before the fixed offset is still read from the tz database.
    const since = new Date(FIXED_TEHRAN_OFFSET.since);
    const justBefore = new Date(FIXED_TEHRAN_OFFSET.since - 1);
    const midnight = new Date(Date.UTC(2026, 10, 27, 20, 30));

    // Act and assess
    expect(solarHijriDate(justBefore)).toEqual(icuDate('persian', justBefore));
    expect(solarHijriDate(since)).toEqual(icuDate('persian', since));
    expect(solarHijriDate(new Date(midnight.getTime() - 1))).toEqual({ year: 1405, month: 9, day: 6 });
    expect(solarHijriDate(midnight)).toEqual({ year: 1405, month: 9, day: 7 });
  });
});

describe("a moment's time of day in Tehran", () => {
  it('is the time the tz database gives, every 97 minutes over two years', () => {
    // Prepare
    const icuTime = new Intl.DateTimeFormat('en-GB', {
      timeZone: IRAN_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const differing: string[] = [];

    // Act
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 97 * 60_000) {
      const at = new Date(ms).toISOString();
      if (!tehranMoment(at, 'en').text.endsWith(`, ${icuTime.format(new Date(ms))}`)) differing.push(at);
    }

    // Assess
    expect(differing).toEqual([]);
  });
});
