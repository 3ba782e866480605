import { handler as addProvincialHoliday } from '../../functions/add-provincial-holiday';
import { handler as getWorkCalendar } from '../../functions/get-work-calendar';
import { handler as setWorkWeek } from '../../functions/set-work-week';
import { handler as trackPetition } from '../../functions/track-petition';
import { calendarRepositoryFromEnv, petitionAdaptersFromEnv } from '../../shared/adapters/from-env';
import { fixedHolidaysOn } from '../../shared/domain/holidays';
import type { Deadline } from '../../shared/domain/petition';
import {
  addDays,
  dayEnd,
  formatDay,
  parseDay,
  type SolarHijriDay,
  tehranDayOf,
  toGregorianIso,
  type Weekday,
  weekdayOf,
} from '../../shared/domain/solar-hijri-days';
import { apiEvent, type Caller, call } from '../support/api-event';
import { injectFault, throttled } from '../support/faults';
import { outboxEventsOf } from '../support/outbox';
import { storedPetitionItem, TEST_COURTS } from '../support/petitions';
import { returnedOn } from '../support/returned-petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * A province closes a day after a petition was returned: the cure period's stored last day, if the
 * change closes it, moves to the next open day at once (Article 444), through the calendar routes
 * themselves, with a deadline-moved event for the notices. The routes run on the system clock, so
 * petitions are returned from now on; South Khorasan (29) holds the test courts, and its offices
 * close on Fridays alone until a test says otherwise. The lunar calendars are loaded, empty.
 */
beforeAll(provisionStores);
afterAll(dropStores);

const DAY_MS = 86_400_000;
const NOW = Date.now();
const daysFromNow = (days: number) => new Date(NOW + days * DAY_MS).toISOString();

const southKhorasan: Caller = { role: 'province-admin', provinceCode: '29' };
const yazd: Caller = { role: 'province-admin', provinceCode: '25' };

const addHoliday = (caller: Caller, date: string) =>
  call(
    addProvincialHoliday,
    apiEvent('add-provincial-holiday', {
      caller,
      body: { date, name: { fa: 'تعطیلی اضطراری', en: 'Emergency closure' } },
    }),
  );
const setClosedWeekdays = (closedWeekdays: Weekday[]) =>
  call(setWorkWeek, apiEvent('set-work-week', { caller: southKhorasan, body: { closedWeekdays } }));

const day = (date: string): SolarHijriDay => {
  const parsed = parseDay(date);
  if (!parsed) throw new Error(`not a Solar Hijri day: ${date}`);
  return parsed;
};

/** The first day after `date` that is neither a Friday, a fixed holiday, nor among the closures given. */
function nextOpenDay(date: string, closed: { days?: string[]; weekdays?: Weekday[] } = {}): string {
  for (let next = addDays(day(date), 1); ; next = addDays(next, 1)) {
    const shut =
      weekdayOf(next) === 'friday' ||
      closed.weekdays?.includes(weekdayOf(next)) ||
      closed.days?.includes(formatDay(next)) ||
      fixedHolidaysOn(next).length > 0;
    if (!shut) return formatDay(next);
  }
}

/** A deadline as the petition stores it: its last day and the end of that day in Tehran. */
const deadlineOn = (lastDay: string): Deadline => ({
  lastDay,
  endsAt: dayEnd(day(lastDay)).toISOString(),
  provisional: false,
});

const stored = (petitionId: string) => petitionAdaptersFromEnv().petitions.get(petitionId);

const movedEventsOf = async (petitionId: string) =>
  (await outboxEventsOf(petitionId)).filter((event) => event.type === 'deadline-moved');

beforeAll(async () => {
  const calendars = calendarRepositoryFromEnv();
  const { year } = tehranDayOf(new Date(NOW));
  for (const lunarYear of [year, year + 1, year + 2]) {
    await calendars.putLunarCalendar({
      year: lunarYear,
      holidays: [],
      source: 'test',
      demo: false,
      loadedAt: daysFromNow(0),
      version: 1,
    });
  }
});

describe("a province closes a returned petition's last day", () => {
  it('moves the stored cure deadline to the next open day at once, shows it in tracking, and emits deadline-moved', async () => {
    // Prepare: a petition returned now, its last day as the defect notice served it.
    const { petitionId, returned } = await returnedOn(daysFromNow(0));
    const served = returned.cureDeadline as Deadline;
    const party = (await stored(petitionId))?.parties.find((p) => p.role === 'claimant');

    // Act: the province closes that day.
    const answer = await addHoliday(southKhorasan, served.lastDay);

    // Assess: the petition, its index entry and the citizen's tracking hold the next open day now.
    const expected = deadlineOn(nextOpenDay(served.lastDay));
    const moved = await stored(petitionId);
    const tracked = await call(
      trackPetition,
      apiEvent('track-petition', {
        pathParameters: { trackingCode: String(returned.trackingCode) },
        query: { nationalId: party?.type === 'person' ? party.nationalId : '' },
      }),
    );
    expect(answer.status).toBe(201);
    expect(moved).toMatchObject({ status: 'returned', version: 4, cureDeadline: expected });
    // Nobody took a step: no history entry, and the court's inbox keeps its order.
    expect(moved?.history).toEqual(returned.history);
    expect(moved?.updatedAt).toBe(returned.updatedAt);
    expect(await storedPetitionItem(petitionId)).toMatchObject({
      gsi3pk: `CURE-DUE#${toGregorianIso(day(expected.lastDay))}`,
      gsi3sk: `${expected.endsAt}#${petitionId}`,
    });
    expect(tracked.body.cureDeadline).toMatchObject(expected);
    expect(await movedEventsOf(petitionId)).toEqual([
      expect.objectContaining({
        petitionVersion: 4,
        courtCode: TEST_COURTS['general-civil'],
        data: { period: 'cure', previousDeadline: served, deadline: expected },
      }),
    ]);
  });

  it('changes nothing when it closes another day, or when another province closes that day', async () => {
    // Prepare: a petition returned 20 days from now.
    const { petitionId, returned } = await returnedOn(daysFromNow(20));
    const lastDay = returned.cureDeadline?.lastDay as string;
    const before = await stored(petitionId);

    // Act: South Khorasan closes the day before the last day; Yazd closes the last day itself.
    const otherDay = await addHoliday(southKhorasan, formatDay(addDays(day(lastDay), -1)));
    const otherProvince = await addHoliday(yazd, lastDay);

    // Assess
    expect([otherDay.status, otherProvince.status]).toEqual([201, 201]);
    expect(await stored(petitionId)).toEqual(before);
    expect(await movedEventsOf(petitionId)).toEqual([]);
  });

  it('keeps the closure when the recount fails (201): the deadline waits for the lapse job, as before', async () => {
    // Prepare: a petition returned 40 days from now; every query of the returned petitions throttled.
    const { petitionId, returned } = await returnedOn(daysFromNow(40));
    const lastDay = returned.cureDeadline?.lastDay as string;
    const before = await stored(petitionId);
    const fault = injectFault({ service: 'dynamo', command: 'QueryCommand', error: throttled, times: 20 });

    // Act
    const answer = await addHoliday(southKhorasan, lastDay).finally(() => fault.remove());

    // Assess
    const calendar = await call(
      getWorkCalendar,
      apiEvent('get-work-calendar', { caller: southKhorasan, pathParameters: { year: lastDay.slice(0, 4) } }),
    );
    expect(answer.status).toBe(201);
    expect(calendar.body.holidays.map((holiday: { date: string }) => holiday.date)).toContain(lastDay);
    expect(await stored(petitionId)).toEqual(before);
  });
});

describe('a province closes a weekday', () => {
  afterAll(() => setClosedWeekdays([]));

  it('moves a cure deadline ending on it to the next open day at once, and opening it again moves none back', async () => {
    // Prepare: a petition returned 3 days from now; its last day's weekday is open (it is never a Friday).
    const { petitionId, returned } = await returnedOn(daysFromNow(3));
    const served = returned.cureDeadline as Deadline;
    const weekday = weekdayOf(day(served.lastDay));

    // Act: the province closes that weekday; then opens it again.
    const closed = await setClosedWeekdays([weekday]);
    const moved = await stored(petitionId);
    const opened = await setClosedWeekdays([]);

    // Assess
    const expected = deadlineOn(nextOpenDay(served.lastDay, { weekdays: [weekday] }));
    expect([closed.status, opened.status]).toEqual([200, 200]);
    expect(moved).toMatchObject({ status: 'returned', version: 4, cureDeadline: expected });
    expect(await stored(petitionId)).toEqual(moved);
    expect((await movedEventsOf(petitionId)).map((event) => event.data)).toEqual([
      { period: 'cure', previousDeadline: served, deadline: expected },
    ]);
  });
});
