import { handler as addProvincialHoliday } from '../../functions/add-provincial-holiday';
import { handler as getWorkCalendar } from '../../functions/get-work-calendar';
import { handler as setWorkWeek } from '../../functions/set-work-week';
import { handler as transitionPetition } from '../../functions/transition-petition';
import { calendarRepositoryFromEnv, petitionAdaptersFromEnv } from '../../shared/adapters/from-env';
import type { ProvinceCode } from '../../shared/domain/provinces';
import {
  addDays,
  formatDay,
  type SolarHijriDay,
  tehranDayOf,
  type Weekday,
  weekdayOf,
} from '../../shared/domain/solar-hijri-days';
import { apiEvent, type Caller, call } from '../support/api-event';
import { fileAndSubmit } from '../support/filing';
import { activeOffice, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * A province whose offices would stay closed for a year: every weekday but Saturday closed, and a
 * holiday on every Saturday. A period ending in such a run could never end (Article 444 waits for
 * a day the offices reopen). The holiday and work-week changes that would make one are refused
 * (409), and a calendar stored before that refusal answers a return with a 409, not a 500. The
 * handlers run on the system clock, so the closures are laid from today on.
 */
beforeAll(provisionStores);
afterAll(dropStores);

const ALL_BUT_SATURDAY: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'];
const today = () => tehranDayOf(new Date());

/** Every Saturday from today to `days` days on (a window longer than a year). */
function saturdays(days = 420): SolarHijriDay[] {
  const all: SolarHijriDay[] = [];
  for (let day = today(), i = 0; i <= days; day = addDays(day, 1), i++)
    if (weekdayOf(day) === 'saturday') all.push(day);
  return all;
}

/** Holidays stored straight in the table, as a calendar stored before the check would be. */
async function storeHolidays(provinceCode: ProvinceCode, days: SolarHijriDay[]) {
  const calendars = calendarRepositoryFromEnv();
  for (const day of days) {
    await calendars.addProvincialHoliday({
      provinceCode,
      date: formatDay(day),
      name: { fa: 'تعطیلی', en: 'Closure' },
    });
  }
}

const adminOf = (provinceCode: ProvinceCode): Caller => ({ role: 'province-admin', provinceCode });
const holiday = (date: string) => ({ date, name: { fa: 'تعطیلی اضطراری', en: 'Emergency closure' } });
const calendarOf = (caller: Caller, year: number) =>
  call(getWorkCalendar, apiEvent('get-work-calendar', { caller, pathParameters: { year: String(year) } }));

describe('a province left without an open day for a year', () => {
  it('refuses a work week that, with the holidays, closes the offices for a year (409), and keeps the stored week', async () => {
    // Prepare: Yazd (25) has a holiday on every Saturday for the coming 420 days.
    const yazd = adminOf('25');
    await storeHolidays('25', saturdays());

    // Act: its administrator closes every weekday but Saturday.
    const answer = await call(
      setWorkWeek,
      apiEvent('set-work-week', { caller: yazd, body: { closedWeekdays: ALL_BUT_SATURDAY } }),
    );
    const stored = await calendarOf(yazd, today().year);

    // Assess
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ type: 'urn:judicial-e-services:problem:calendar-without-open-day' });
    expect(stored.body.closedWeekdays).toEqual(['friday']);
  });

  it('refuses a holiday on the one open day of a year (409), and takes a holiday that leaves one', async () => {
    // Prepare: Semnan (12) is open on Saturdays alone, and every Saturday for 420 days is a holiday but one
    // in the middle, so the offices open once in that time.
    const semnan = adminOf('12');
    const all = saturdays();
    const openDay = all[30]!;
    const after = addDays(all.at(-1)!, 7);
    await calendarRepositoryFromEnv().setClosedWeekdays('12', ALL_BUT_SATURDAY);
    await storeHolidays('12', [...all.slice(0, 30), ...all.slice(31)]);

    // Act: its administrator closes that Saturday, and then the first Saturday after the closures.
    const refused = await call(
      addProvincialHoliday,
      apiEvent('add-provincial-holiday', { caller: semnan, body: holiday(formatDay(openDay)) }),
    );
    const taken = await call(
      addProvincialHoliday,
      apiEvent('add-provincial-holiday', { caller: semnan, body: holiday(formatDay(after)) }),
    );
    const stored = await calendarOf(semnan, openDay.year);

    // Assess
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: 'urn:judicial-e-services:problem:calendar-without-open-day' });
    expect(taken.status).toBe(201);
    expect(stored.body.holidays.map((h: { date: string }) => h.date)).not.toContain(formatDay(openDay));
  });

  it("answers a return 409 (no-open-day), not 500, where the court's province was stored with no open day for a year", async () => {
    // Prepare: South Khorasan (29), the test courts' province, stored open on Saturdays alone and every
    // Saturday for 420 days a holiday; a petition submitted to its general civil court.
    await calendarRepositoryFromEnv().setClosedWeekdays('29', ALL_BUT_SATURDAY);
    await storeHolidays('29', saturdays());
    const officeCode = await activeOffice();
    const { petitionId } = await fileAndSubmit({ role: 'clerk', officeCode }, petitionBody());

    // Act: the court returns it for a defect.
    const answer = await call(
      transitionPetition,
      apiEvent('transition-petition', {
        caller: { role: 'court' },
        pathParameters: { petitionId },
        body: { action: 'return', defects: ['evidence'], expectedVersion: 2 },
      }),
    );

    // Assess: the province and the day the period would end from are named; the petition is unchanged.
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ type: 'urn:judicial-e-services:problem:no-open-day' });
    expect(answer.body.detail).toContain('29');
    expect(await petitionAdaptersFromEnv().petitions.get(petitionId)).toMatchObject({
      status: 'submitted',
      version: 2,
    });
  });
});
