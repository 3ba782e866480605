import fc from 'fast-check';
import { ConflictError } from '../../shared/domain/errors';
import type { LunarHolidayCalendar, ProvincialHoliday } from '../../shared/domain/holidays';
import {
  closedForAYearFrom,
  closedReasons,
  describeLastDay,
  isLapsed,
  LEGAL_PERIODS,
  lastDayToAct,
  type WorkCalendar,
} from '../../shared/domain/legal-periods';
import { addDays, dayEnd, formatDay, parseDay, tehranDayOf } from '../../shared/domain/solar-hijri-days';

/*
 * The lunar holidays these tests assume loaded. They are test fixtures near the tested dates (taken
 * from ICU's Umm al-Qura calendar, which the demo data uses), not a claim about the official
 * calendar: what matters here is which days are closed, and every closed day is listed below.
 *   1398: 20 Mordad (Eid al-Adha), 28 Mordad (Ghadir), 17-18 Shahrivar (Tasua, Ashura), 27 Mehr (Arbaeen)
 *   1403: 26 Bahman (15 Sha'ban)
 *   1404: 1 Farvardin (21 Ramadan), 10-11 Farvardin (Fitr), 19 Esfand (21 Ramadan), 29 Esfand (Fitr)
 *   1405: 1 Farvardin (2 Shawwal), 24 Farvardin, 8 Shahrivar, 22 Aban
 *   1406, 1407: not loaded unless a test says so.
 * Fixed holidays are built in: 1-4, 12-13 Farvardin, 14-15 Khordad, 22 Bahman, 29 Esfand.
 */
const lunar = (year: number, holidays: Array<[string, string]>, demo = false): LunarHolidayCalendar => ({
  year,
  holidays: holidays.map(([date, en]) => ({ date, name: { fa: 'تعطیل قمری', en } })),
  source: 'test fixture',
  demo,
});

const LUNAR_1398 = lunar(1398, [
  ['1398-05-20', 'Eid al-Adha'],
  ['1398-05-28', 'Eid al-Ghadir'],
  ['1398-06-17', 'Tasua'],
  ['1398-06-18', 'Ashura'],
  ['1398-07-27', 'Arbaeen'],
]);
const LUNAR_1403 = lunar(1403, [['1403-11-26', "15 Sha'ban"]]);
const LUNAR_1404 = lunar(1404, [
  ['1404-01-01', '21 Ramadan'],
  ['1404-01-10', 'Eid al-Fitr'],
  ['1404-01-11', 'Eid al-Fitr holiday'],
  ['1404-12-19', '21 Ramadan'],
  ['1404-12-29', 'Eid al-Fitr'],
]);
const LUNAR_1405 = lunar(1405, [
  ['1405-01-01', 'Eid al-Fitr holiday'],
  ['1405-01-24', '25 Shawwal'],
  ['1405-06-08', "17 Rabi' al-awwal"],
  ['1405-08-22', '3 Jumada al-thani'],
]);

const PROVINCE = '11';

const provincial = (date: string, en: string): ProvincialHoliday => ({
  provinceCode: PROVINCE,
  date,
  name: { fa: 'تعطیل استانی', en },
});

function calendar(overrides: Partial<WorkCalendar> = {}): WorkCalendar {
  return {
    provinceCode: PROVINCE,
    closedWeekdays: [],
    lunarCalendars: [LUNAR_1398, LUNAR_1403, LUNAR_1404, LUNAR_1405],
    provincialHolidays: [],
    ...overrides,
  };
}

const cure = (servedAt: string, work: WorkCalendar = calendar()) =>
  lastDayToAct({ servedAt: new Date(servedAt), days: LEGAL_PERIODS.cure.days, calendar: work });

/*
 * The hand-worked table. Each row: the service instant (UTC) and its Tehran wall time, the counted
 * days, the nominal last day (service day + 11), the closed days it moves over, and the last day.
 * Weekdays were checked against the Gregorian dates with GNU `date`, not with the code under test.
 * Since 2022 Tehran is +03:30 all year; in 1398 it was +04:30 from 2 Farvardin to 30 Shahrivar.
 */
const TABLE: Array<{
  name: string;
  servedAt: string;
  servedOn: string;
  nominal: string;
  postponedOver: string[];
  lastDay: string;
  gregorian: string;
  endsAt: string;
}> = [
  {
    // 12:00 Tehran, Wed 1 Mehr 1405 (2026-09-23). Counted: 2 Mehr (Thu) to 11 Mehr (Sat 3 Oct), with
    // the Fridays 3 and 10 Mehr inside. 12 Mehr = Sun 4 Oct 2026: no holiday, open.
    name: 'the worked example: served 1 Mehr 1405, the last day is 12 Mehr, a Sunday',
    servedAt: '2026-09-23T08:30:00Z',
    servedOn: '1405-07-01',
    nominal: '1405-07-12',
    postponedOver: [],
    lastDay: '1405-07-12',
    gregorian: '2026-10-04',
    endsAt: '2026-10-04T20:30:00.000Z', // 00:00 of 13 Mehr at +03:30
  },
  {
    // 12:00 Tehran (+03:30: daylight saving ended with 30 Shahrivar), Mon 1 Mehr 1398 (2019-09-23).
    // Counted: 2 Mehr (Tue) to 11 Mehr (Thu 3 Oct). 12 Mehr = Fri 4 Oct 2019: closed.
    // 13 Mehr = Sat 5 Oct 2019: open (Arbaeen is 27 Mehr).
    name: 'the worked example in 1398, when 12 Mehr is a Friday: the last day is Saturday 13 Mehr',
    servedAt: '2019-09-23T08:30:00Z',
    servedOn: '1398-07-01',
    nominal: '1398-07-12',
    postponedOver: ['1398-07-12'],
    lastDay: '1398-07-13',
    gregorian: '2019-10-05',
    endsAt: '2019-10-05T20:30:00.000Z',
  },
  {
    // 10:00 Tehran, Mon 6 Mehr 1405 (2026-09-28). Counted: 7-16 Mehr. 17 Mehr = Fri 9 Oct 2026.
    // 18 Mehr = Sat 10 Oct 2026: open.
    name: 'a last day on a Friday moves to the Saturday',
    servedAt: '2026-09-28T06:30:00Z',
    servedOn: '1405-07-06',
    nominal: '1405-07-17',
    postponedOver: ['1405-07-17'],
    lastDay: '1405-07-18',
    gregorian: '2026-10-10',
    endsAt: '2026-10-10T20:30:00.000Z',
  },
  {
    // 09:00 Tehran, Wed 20 Esfand 1404 (2026-03-11); 1404 is a common year, Esfand has 29 days.
    // Counted: 21-29 Esfand (9 days, 29 Esfand a Friday and a holiday) and 1 Farvardin 1405.
    // 2, 3, 4 Farvardin (Sun-Tue, 22-24 Mar 2026) are Nowruz. 5 Farvardin = Wed 25 Mar 2026: open.
    name: 'across Nowruz: a last day on 2 Farvardin moves past the Nowruz holidays to 5 Farvardin',
    servedAt: '2026-03-11T05:30:00Z',
    servedOn: '1404-12-20',
    nominal: '1405-01-02',
    postponedOver: ['1405-01-02', '1405-01-03', '1405-01-04'],
    lastDay: '1405-01-05',
    gregorian: '2026-03-25',
    endsAt: '2026-03-25T20:30:00.000Z',
  },
  {
    // 11:00 Tehran, Mon 25 Esfand 1404 (2026-03-16). Counted: 26-29 Esfand and 1-6 Farvardin 1405,
    // holidays all but 27-28 Esfand and 5-6 Farvardin, none of them extending the period.
    // 7 Farvardin = Fri 27 Mar 2026: closed. 8 Farvardin = Sat 28 Mar 2026: open.
    name: 'across Nowruz: served 25 Esfand, the holidays inside do not count and a Friday last day moves on',
    servedAt: '2026-03-16T07:30:00Z',
    servedOn: '1404-12-25',
    nominal: '1405-01-07',
    postponedOver: ['1405-01-07'],
    lastDay: '1405-01-08',
    gregorian: '2026-03-28',
    endsAt: '2026-03-28T20:30:00.000Z',
  },
  {
    // 10:00 Tehran, Sat 1 Farvardin 1405 (2026-03-21). Counted: 2-11 Farvardin.
    // 12 Farvardin = Wed 1 Apr 2026 (Islamic Republic Day), 13 Farvardin = Thu 2 Apr (Nature Day),
    // 14 Farvardin = Fri 3 Apr. 15 Farvardin = Sat 4 Apr 2026: open (the lunar holiday is 24 Farvardin).
    name: 'a last day on 12 Farvardin moves over 12-13 Farvardin and the Friday after them',
    servedAt: '2026-03-21T06:30:00Z',
    servedOn: '1405-01-01',
    nominal: '1405-01-12',
    postponedOver: ['1405-01-12', '1405-01-13', '1405-01-14'],
    lastDay: '1405-01-15',
    gregorian: '2026-04-04',
    endsAt: '2026-04-04T20:30:00.000Z',
  },
  {
    // 10:00 Tehran, Sat 18 Esfand 1403 (2025-03-08); 1403 is a leap year, Esfand has 30 days.
    // Counted: 19-28 Esfand. 29 Esfand = Wed 19 Mar 2025: holiday. 30 Esfand = Thu 20 Mar 2025:
    // not a holiday (only 29 Esfand is), open. The period ends when 1 Farvardin 1404 begins.
    name: 'across the end of Esfand in a leap year: the last day is 30 Esfand',
    servedAt: '2025-03-08T06:30:00Z',
    servedOn: '1403-12-18',
    nominal: '1403-12-29',
    postponedOver: ['1403-12-29'],
    lastDay: '1403-12-30',
    gregorian: '2025-03-20',
    endsAt: '2025-03-20T20:30:00.000Z',
  },
  {
    // 10:00 Tehran, Mon 18 Esfand 1404 (2026-03-09); 1404 is common, Esfand has 29 days.
    // Counted: 19-28 Esfand (19 Esfand, a lunar holiday, inside). 29 Esfand = Fri 20 Mar 2026
    // (Friday, oil nationalisation, Eid al-Fitr), 1-4 Farvardin 1405 (Sat-Tue): Nowruz.
    // 5 Farvardin = Wed 25 Mar 2026: open.
    name: 'across the end of Esfand in a common year: from 29 Esfand over Nowruz to 5 Farvardin',
    servedAt: '2026-03-09T06:30:00Z',
    servedOn: '1404-12-18',
    nominal: '1404-12-29',
    postponedOver: ['1404-12-29', '1405-01-01', '1405-01-02', '1405-01-03', '1405-01-04'],
    lastDay: '1405-01-05',
    gregorian: '2026-03-25',
    endsAt: '2026-03-25T20:30:00.000Z',
  },
  {
    // 23:50 Tehran, 1 Mehr 1405 = 20:20 UTC the same Gregorian day: the service day is 1 Mehr.
    name: 'service at 23:50 Tehran time counts from that Tehran day',
    servedAt: '2026-09-23T20:20:00Z',
    servedOn: '1405-07-01',
    nominal: '1405-07-12',
    postponedOver: [],
    lastDay: '1405-07-12',
    gregorian: '2026-10-04',
    endsAt: '2026-10-04T20:30:00.000Z',
  },
  {
    // 00:10 Tehran, 2 Mehr 1405 = 20:40 UTC on 23 Sep, still 1 Mehr's Gregorian date in UTC.
    // Counted: 3-12 Mehr. 13 Mehr = Mon 5 Oct 2026: open.
    name: 'service at 00:10 Tehran time counts from the Tehran day, although UTC still shows the day before',
    servedAt: '2026-09-23T20:40:00Z',
    servedOn: '1405-07-02',
    nominal: '1405-07-13',
    postponedOver: [],
    lastDay: '1405-07-13',
    gregorian: '2026-10-05',
    endsAt: '2026-10-05T20:30:00.000Z',
  },
  {
    // 23:50 Tehran at +04:30 (summer 1398), Wed 9 Mordad 1398 = 19:20 UTC on 31 Jul 2019.
    // Counted: 10-19 Mordad. 20 Mordad = Sun 11 Aug 2019: Eid al-Adha (loaded). 21 Mordad = Mon
    // 12 Aug: open. It ends at 00:00 of 22 Mordad at +04:30 = 19:30 UTC.
    name: 'a loaded lunar holiday on the last day moves it, and the end falls at midnight of summer time',
    servedAt: '2019-07-31T19:20:00Z',
    servedOn: '1398-05-09',
    nominal: '1398-05-20',
    postponedOver: ['1398-05-20'],
    lastDay: '1398-05-21',
    gregorian: '2019-08-12',
    endsAt: '2019-08-12T19:30:00.000Z',
  },
];

describe('the last day to cure a defect (Articles 443-445)', () => {
  it.each(TABLE)('$name', (row) => {
    const period = cure(row.servedAt);

    expect(period).toMatchObject({
      days: 10,
      servedOn: row.servedOn,
      nominalLastDay: row.nominal,
      lastDay: row.lastDay,
      lastDayGregorian: row.gregorian,
      endsAt: row.endsAt,
      provisional: false,
      missingLunarYears: [],
    });
    expect(period.postponedOver.map((day) => day.date)).toEqual(row.postponedOver);
  });

  it('says why each day it moved over is closed', () => {
    const period = cure('2026-03-09T06:30:00Z');

    expect(period.postponedOver.slice(0, 2)).toEqual([
      {
        date: '1404-12-29',
        gregorian: '2026-03-20',
        weekday: 'friday',
        reasons: [
          { kind: 'closed-weekday', name: { fa: 'جمعه', en: 'Friday' } },
          {
            kind: 'fixed-holiday',
            name: { fa: 'روز ملی شدن صنعت نفت ایران', en: 'Nationalisation of the oil industry' },
          },
          { kind: 'lunar-holiday', name: { fa: 'تعطیل قمری', en: 'Eid al-Fitr' } },
        ],
      },
      {
        date: '1405-01-01',
        gregorian: '2026-03-21',
        weekday: 'saturday',
        reasons: [
          { kind: 'fixed-holiday', name: { fa: 'عید نوروز', en: 'Nowruz' } },
          { kind: 'lunar-holiday', name: { fa: 'تعطیل قمری', en: 'Eid al-Fitr holiday' } },
        ],
      },
    ]);
  });

  it('does not extend the period for holidays inside it', () => {
    // Served Wed 1 Mehr 1405; inside: the Fridays 3 and 10 Mehr and a provincial holiday on 5 Mehr.
    const inside = provincial('1405-07-05', 'Provincial holiday');
    const work = calendar({ provincialHolidays: [inside] });

    const period = cure('2026-09-23T08:30:00Z', work);

    expect(period.lastDay).toBe('1405-07-12');
    expect(period.postponedOver).toEqual([]);
  });

  it('moves a last day that is a provincial holiday to the next open day', () => {
    const closure = provincial('1405-07-12', 'Snow closure');

    const period = cure('2026-09-23T08:30:00Z', calendar({ provincialHolidays: [closure] }));

    expect(period.lastDay).toBe('1405-07-13');
    expect(period.postponedOver[0]?.reasons).toEqual([{ kind: 'provincial-holiday', name: closure.name }]);
  });

  it('moves a Thursday last day over Thursday and Friday where the province closes on Thursdays', () => {
    // Served Sun 5 Mehr 1405 (2026-09-27). Counted: 6-15 Mehr. 16 Mehr = Thu 8 Oct 2026.
    const servedAt = '2026-09-27T06:30:00Z';

    const everywhere = cure(servedAt);
    const thursdaysClosed = cure(servedAt, calendar({ closedWeekdays: ['thursday'] }));

    expect(everywhere.lastDay).toBe('1405-07-16');
    expect(thursdaysClosed.lastDay).toBe('1405-07-18'); // Sat 10 Oct 2026
    expect(thursdaysClosed.postponedOver.map((day) => [day.date, day.weekday])).toEqual([
      ['1405-07-16', 'thursday'],
      ['1405-07-17', 'friday'],
    ]);
  });

  it('counts the objection window to a rejection order the same way', () => {
    const servedAt = new Date('2019-09-23T08:30:00Z');

    const period = lastDayToAct({ servedAt, days: LEGAL_PERIODS.objection.days, calendar: calendar() });

    expect(period.lastDay).toBe('1398-07-13');
  });
});

describe('provisional deadlines', () => {
  it('is provisional when the year of the last day has no lunar holidays loaded', () => {
    // Fri 1 Mehr 1407 (2028-09-22); 12 Mehr = Tue 3 Oct 2028, open as far as is known.
    const period = cure('2028-09-22T08:30:00Z');

    expect(period).toMatchObject({ lastDay: '1407-07-12', provisional: true, missingLunarYears: [1407] });
  });

  it('watches every year from the nominal last day to the final one', () => {
    // Tue 18 Esfand 1405 (2027-03-09). Nominal: 29 Esfand 1405 (Sat, holiday); 1-4 Farvardin 1406
    // (Sun-Wed): Nowruz; 5 Farvardin 1406 = Thu 25 Mar 2027.
    const servedAt = '2027-03-09T06:30:00Z';
    const lunar1406 = lunar(1406, [['1406-01-13', '25 Shawwal']]);

    const without1406 = cure(servedAt);
    const without1405 = cure(servedAt, calendar({ lunarCalendars: [lunar1406] }));
    const withBoth = cure(servedAt, calendar({ lunarCalendars: [LUNAR_1405, lunar1406] }));

    expect(without1406).toMatchObject({ lastDay: '1406-01-05', provisional: true, missingLunarYears: [1406] });
    expect(without1405).toMatchObject({ lastDay: '1406-01-05', provisional: true, missingLunarYears: [1405] });
    expect(withBoth).toMatchObject({ lastDay: '1406-01-05', provisional: false, missingLunarYears: [] });
  });

  it('ignores a missing year that only holds days inside the period', () => {
    // Served 25 Esfand 1404; the last day, 8 Farvardin 1405, is the only day that could move.
    const period = cure('2026-03-16T07:30:00Z', calendar({ lunarCalendars: [LUNAR_1405] }));

    expect(period).toMatchObject({ lastDay: '1405-01-08', provisional: false });
  });

  it('names the years whose lunar holidays are demo data', () => {
    const period = cure('2026-09-23T08:30:00Z', calendar({ lunarCalendars: [{ ...LUNAR_1405, demo: true }] }));

    expect(period).toMatchObject({ provisional: false, demoLunarYears: [1405] });
  });

  it('says a provisional last day is provisional, in both languages', () => {
    const period = cure('2028-09-22T08:30:00Z');

    expect(describeLastDay(period, 'en')).toBe(
      'Last day to act: Tuesday 12 Mehr 1407, until the end of that day, Tehran time. ' +
        "This date is provisional: the year's lunar holidays are not loaded yet.",
    );
    expect(describeLastDay(period, 'fa')).toContain('سه‌شنبه ۱۲ مهر ۱۴۰۷');
    expect(describeLastDay(period, 'fa')).toContain('موقت');
  });
});

describe('a period counted again after service', () => {
  // Served Wed 1 Mehr 1405: nominally the last day is Sunday 12 Mehr, as in the worked example.
  const servedAt = new Date('2026-09-23T08:30:00Z');
  const again = (notBefore: string, work: WorkCalendar = calendar()) =>
    lastDayToAct({ servedAt, days: LEGAL_PERIODS.cure.days, calendar: work, notBefore });

  it('never ends before the last day already served, though the calendar now opens the days before it', () => {
    // Served when 12 Mehr was closed, so the party was given Monday 13 Mehr; that closure is gone now.
    const period = again('1405-07-13');

    expect(period).toMatchObject({ nominalLastDay: '1405-07-12', lastDay: '1405-07-13', provisional: false });
  });

  it('moves a last day already served that the calendar now closes to the next open day, as far as the calendar says', () => {
    const closure = provincial('1405-07-13', 'Emergency closure');
    const earlier = provincial('1405-07-12', 'Closure');

    const period = again('1405-07-13', calendar({ provincialHolidays: [closure] }));
    const both = again('1405-07-12', calendar({ provincialHolidays: [earlier, closure] }));

    expect(period.lastDay).toBe('1405-07-14');
    expect(period.endsAt).toBe('2026-10-06T20:30:00.000Z');
    expect(both.lastDay).toBe('1405-07-14');
  });
});

describe('a calendar with no open day for a year', () => {
  // Open on Thursdays alone, and every Thursday from Mehr 1405 to the end of 1406 a provincial holiday.
  const thursdays: ProvincialHoliday[] = [];
  for (let day = parseDay('1405-07-02')!; day.year < 1407; day = addDays(day, 7)) {
    thursdays.push(provincial(formatDay(day), 'Closed Thursday'));
  }
  const closedAll = calendar({
    closedWeekdays: ['saturday', 'sunday', 'monday', 'tuesday', 'wednesday'],
    provincialHolidays: thursdays,
  });

  it('answers a period ending in it with a typed conflict (no-open-day, a 409), not a RangeError', () => {
    let thrown: unknown;
    try {
      cure('2026-09-23T08:30:00Z', closedAll);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ConflictError);
    expect(thrown).toMatchObject({ code: 'no-open-day', params: { provinceCode: PROVINCE, from: '1405-07-12' } });
  });

  it('is found from the first day of the closed run, and not where an open day follows within the year', () => {
    const from = parseDay('1405-07-01')!;
    // One Thursday in twenty open: a run of closed days ends within twenty weeks.
    const open = calendar({
      closedWeekdays: closedAll.closedWeekdays,
      provincialHolidays: thursdays.filter((_, i) => i % 20 !== 10),
    });

    expect(closedForAYearFrom(closedAll, from, addDays(from, 30))).toBe('1405-07-01');
    expect(closedForAYearFrom(open, from, addDays(from, 30))).toBeUndefined();
  });
});

describe('lapse', () => {
  it('is not lapsed until the last day has ended in Tehran, and lapsed from then on', () => {
    const period = cure('2026-09-23T08:30:00Z'); // ends 2026-10-04T20:30Z, midnight after 12 Mehr

    expect(isLapsed(period, new Date('2026-10-04T20:29:59.999Z'))).toBe(false);
    expect(isLapsed(period, new Date('2026-10-04T20:30:00Z'))).toBe(true);
    expect(isLapsed(period, new Date('2026-09-24T00:00:00Z'))).toBe(false);
  });
});

describe('refusals', () => {
  it('refuses a period that is not a positive whole number of days', () => {
    const servedAt = new Date('2026-09-23T08:30:00Z');

    expect(() => lastDayToAct({ servedAt, days: 0, calendar: calendar() })).toThrow(RangeError);
    expect(() => lastDayToAct({ servedAt, days: 2.5, calendar: calendar() })).toThrow(RangeError);
  });

  it('refuses an invalid service instant', () => {
    const servedAt = new Date('not a date');

    expect(() => lastDayToAct({ servedAt, days: 10, calendar: calendar() })).toThrow(RangeError);
  });

  it("refuses another province's holiday in a province's calendar", () => {
    const stray: ProvincialHoliday = { ...provincial('1405-07-12', 'Elsewhere'), provinceCode: '12' };

    expect(() => cure('2026-09-23T08:30:00Z', calendar({ provincialHolidays: [stray] }))).toThrow(/province 12/);
  });

  it('refuses two lunar calendars for one year, and a week with no open day', () => {
    expect(() => cure('2026-09-23T08:30:00Z', calendar({ lunarCalendars: [LUNAR_1405, LUNAR_1405] }))).toThrow(/1405/);
    const allWeek = ['saturday', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday'] as const;
    expect(() => cure('2026-09-23T08:30:00Z', calendar({ closedWeekdays: allWeek }))).toThrow(RangeError);
  });
});

describe('the counting rule for any service instant', () => {
  // 1399 to 1409: both daylight-saving and standard-time years, leap and common Esfands.
  const instants = fc.date({
    min: new Date('2020-03-20T00:00:00Z'),
    max: new Date('2031-03-01T00:00:00Z'),
    noInvalidDate: true,
  });
  const weekdaySets = fc.subarray(['thursday', 'wednesday', 'saturday'] as const);

  it('ends on the first open day from service day + days + 1, at the end of that Tehran day', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 40 }), weekdaySets, (servedAt, days, closedWeekdays) => {
        const work = calendar({ closedWeekdays });

        const period = lastDayToAct({ servedAt, days, calendar: work });

        const nominal = addDays(tehranDayOf(servedAt), days + 1);
        const last = parseDay(period.lastDay)!;
        expect(period.nominalLastDay).toBe(formatDay(nominal));
        expect(closedReasons(last, work)).toEqual([]);
        const between: string[] = [];
        for (let day = nominal; formatDay(day) !== period.lastDay; day = addDays(day, 1)) between.push(formatDay(day));
        expect(period.postponedOver.map((day) => day.date)).toEqual(between);
        expect(period.endsAt).toBe(dayEnd(last).toISOString());
      }),
      { numRuns: 150 },
    );
  });

  it('never moves the last day earlier when more holidays are loaded', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 20 }), (servedAt, offset) => {
        const before = cure(servedAt.toISOString());
        const extra = provincial(formatDay(addDays(parseDay(before.nominalLastDay)!, offset)), 'Extra');

        const after = cure(servedAt.toISOString(), calendar({ provincialHolidays: [extra] }));

        expect(after.lastDay >= before.lastDay).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
