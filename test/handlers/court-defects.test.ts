import { calendarRepositoryFromEnv, petitionAdaptersFromEnv } from '../../shared/adapters/from-env';
import type { DefectCode } from '../../shared/domain/defects';
import { ConflictError } from '../../shared/domain/errors';
import { loadLunarHolidays } from '../../shared/use-cases/holidays';
import { runCureLapses } from '../../shared/use-cases/lapses';
import { transitionPetition } from '../../shared/use-cases/petitions';
import { asFunction } from '../support/api-event';
import { outboxEventsOf } from '../support/outbox';
import { counter, storedPetitionItem, TEST_COURTS } from '../support/petitions';
import { at, courtClerk as court, petitionDeps as deps, returnedOn } from '../support/returned-petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * Coded defects, the cure period and its lapse on DynamoDB Local, at chosen Tehran times. Service
 * on 1 Mehr 1405 at 10:00 Tehran (06:30Z, 23 Sep 2026): the worked example of issue 13, the last
 * day to cure is 12 Mehr (Sunday 4 Oct 2026), which ends at 20:30Z.
 */
beforeAll(provisionStores);
afterAll(dropStores);

const SERVED = '2026-09-23T06:30:00Z';
const LAST_MINUTE = '2026-10-04T20:29:00Z';
const AFTER_LAST_DAY = '2026-10-04T20:30:00Z';

/** Returned on 1 Mehr 1405, the worked example; unpaid fees and missing evidence unless told. */
const returnedPetition = (defects: DefectCode[] = ['unpaid-fees', 'evidence']) => returnedOn(SERVED, defects);

async function loadLunarYears() {
  const calendars = calendarRepositoryFromEnv();
  const loaded = await calendars.lunarLoads([1405, 1406]);
  for (const year of [1405, 1406].filter((year) => !loaded.has(year))) {
    await calendars.putLunarCalendar({ year, holidays: [], source: 'test', demo: false, loadedAt: SERVED, version: 1 });
  }
}

describe('a return for coded defects', () => {
  it("is provisional while the year's lunar holidays are not loaded", async () => {
    const { returned } = await returnedPetition();

    expect(returned.cureDeadline).toEqual({
      lastDay: '1405-07-12',
      endsAt: '2026-10-04T20:30:00.000Z',
      provisional: true,
    });
  });

  it('posts the defect notice, served at posting, with the cure deadline of the worked example and one returned event', async () => {
    await loadLunarYears();

    const { returned, petitionId, officeCode } = await returnedPetition();

    expect(returned.defects).toEqual(['unpaid-fees', 'evidence']);
    expect(returned.cureDeadline).toEqual({
      lastDay: '1405-07-12',
      endsAt: '2026-10-04T20:30:00.000Z',
      provisional: false,
    });
    expect(returned.notices).toEqual([
      expect.objectContaining({
        kind: 'defect-notice',
        postedAt: '2026-09-23T06:30:00.000Z',
        servedAt: '2026-09-23T06:30:00.000Z',
        defects: ['unpaid-fees', 'evidence'],
      }),
    ]);
    const events = await outboxEventsOf(petitionId);
    expect(events.filter((event) => event.type === 'returned')).toEqual([
      expect.objectContaining({
        courtCode: TEST_COURTS['general-civil'],
        data: {
          defects: ['unpaid-fees', 'evidence'],
          servedAt: '2026-09-23T06:30:00.000Z',
          cureDeadline: { lastDay: '1405-07-12', endsAt: '2026-10-04T20:30:00.000Z', provisional: false },
        },
      }),
    ]);
    expect(await counter(officeCode, 'J#1405-07')).toMatchObject({
      returned: 1,
      'returnedFor_unpaid-fees': 1,
      returnedFor_evidence: 1,
    });
  });

  it('takes the resubmission until the end of the last day, Tehran time, and refuses it after (409 cure-period-over)', async () => {
    const early = await returnedPetition();
    const late = await returnedPetition();

    const resubmitted = await transitionPetition(deps(at(LAST_MINUTE)), early.clerk, early.petitionId, {
      action: 'resubmit',
      expectedVersion: 3,
    });
    const refused = transitionPetition(deps(at(AFTER_LAST_DAY)), late.clerk, late.petitionId, {
      action: 'resubmit',
      expectedVersion: 3,
    });

    expect(resubmitted.status).toBe('submitted');
    await expect(refused).rejects.toThrow(ConflictError);
    await expect(refused).rejects.toMatchObject({ code: 'cure-period-over', params: { lastDay: '1405-07-12' } });
  });
});

describe('the daily lapse job', () => {
  it('moves a lapsed petition to rejection-due exactly once under overlapping runs, with one event', async () => {
    const { petitionId, officeCode } = await returnedPetition();
    const before = await runCureLapses({ ...deps(at(LAST_MINUTE)) });

    const runs = await Promise.all([
      runCureLapses(deps(at('2026-10-04T20:40:00Z'))),
      runCureLapses(deps(at('2026-10-04T20:40:00Z'))),
      runCureLapses(deps(at('2026-10-04T20:41:00Z'))),
    ]);

    expect(before.moved).not.toContain(petitionId);
    expect(runs.flatMap((run) => run.moved).filter((id) => id === petitionId)).toHaveLength(1);
    const petition = await petitionAdaptersFromEnv().petitions.get(petitionId);
    expect(petition?.status).toBe('rejection-due');
    expect(petition?.history.filter((entry) => entry.action === 'lapse')).toHaveLength(1);
    const events = (await outboxEventsOf(petitionId)).filter((event) => event.type === 'rejection-due');
    expect(events).toHaveLength(1);
    expect(await counter(officeCode, 'J#1405-07')).toMatchObject({ cureLapsed: 1 });
  });

  it('judges every other petition when one fails, then fails the run so that it is tried again', async () => {
    // Prepare: two lapsed petitions, and a calendar read that fails once (a fault DynamoDB Local
    // cannot make: the read outlasting the SDK's retries)
    const first = await returnedPetition();
    const second = await returnedPetition();
    const clock = at('2026-10-21T21:00:00Z');
    const real = deps(clock);
    let failures = 0;
    const flaky = {
      ...real,
      calendars: {
        workCalendar: (...args: Parameters<typeof real.calendars.workCalendar>) =>
          failures++ === 0 ? Promise.reject(new Error('calendar read failed')) : real.calendars.workCalendar(...args),
      },
    };
    const statusOf = async (petitionId: string) => (await real.petitions.get(petitionId))?.status;

    // Act
    const failed = await runCureLapses(flaky).catch((error: unknown) => error);
    const afterFailure = [await statusOf(first.petitionId), await statusOf(second.petitionId)];
    await runCureLapses(real);

    // Assess: one failure did not stop the run; the retry judges what it left
    expect(failed).toBeInstanceOf(AggregateError);
    expect((failed as AggregateError).errors).toHaveLength(1);
    expect(afterFailure).toContain('rejection-due');
    expect([await statusOf(first.petitionId), await statusOf(second.petitionId)]).toEqual([
      'rejection-due',
      'rejection-due',
    ]);
  });

  it('catches up after missed days', async () => {
    const { petitionId } = await returnedPetition();

    const run = await runCureLapses(deps(at('2026-10-20T21:00:00Z')));

    expect(run.moved).toContain(petitionId);
  });
});

describe('the rejection order and reinstatement', () => {
  it('rejects a lapsed cure with one action, posting the order and a 10-day objection window, and reinstates within it', async () => {
    const { petitionId } = await returnedPetition();
    await runCureLapses(deps(at('2026-10-04T21:00:00Z')));
    const ORDER = '2026-10-05T06:30:00Z'; // 13 Mehr 1405, 10:00 Tehran

    const rejected = await transitionPetition(deps(at(ORDER)), court, petitionId, {
      action: 'reject',
      reason: 'cure-period-lapsed',
      expectedVersion: 4,
    });
    const reinstated = await transitionPetition(deps(at('2026-10-10T06:30:00Z')), court, petitionId, {
      action: 'reinstate',
      expectedVersion: 5,
    });

    expect(rejected.rejection).toEqual({
      reason: 'cure-period-lapsed',
      servedAt: '2026-10-05T06:30:00.000Z',
      // Served 13 Mehr: the ten days are 14-23 Mehr; 24 Mehr is Friday 16 Oct 2026, so the last day
      // is Saturday 25 Mehr (17 Oct), ending at 20:30Z.
      objectionDeadline: { lastDay: '1405-07-25', endsAt: '2026-10-17T20:30:00.000Z', provisional: false },
    });
    expect(rejected.notices?.map((notice) => notice.kind)).toEqual(['defect-notice', 'rejection-order']);
    expect(reinstated.status).toBe('submitted');
    expect(reinstated.history.map((entry) => entry.action).slice(-3)).toEqual(['lapse', 'reject', 'reinstate']);
    const types = (await outboxEventsOf(petitionId)).map((event) => event.type);
    expect(types.slice(-4)).toEqual(['returned', 'rejection-due', 'rejected', 'reinstated']);
  });

  it('refuses reinstatement after the objection window (409 objection-period-over)', async () => {
    const { petitionId } = await returnedPetition();
    await runCureLapses(deps(at('2026-10-04T21:00:00Z')));
    await transitionPetition(deps(at('2026-10-05T06:30:00Z')), court, petitionId, {
      action: 'reject',
      expectedVersion: 4,
    });

    await expect(
      transitionPetition(deps(at('2026-10-17T20:30:00Z')), court, petitionId, {
        action: 'reinstate',
        expectedVersion: 5,
      }),
    ).rejects.toMatchObject({ code: 'objection-period-over' });
  });
});

/**
 * Article 444 applies to the calendar as it is when the period would lapse, not as it was at
 * service: a provincial closure announced the day before, or a lunar calendar loaded later, that
 * closes the stored last day moves it to the next open day. Azar and Dey 1405 (Nov 2026 - Jan 2027),
 * South Khorasan (29), the test courts' province; its offices close on Fridays alone.
 */
describe('a last day the calendar closes after service', () => {
  const AZAR_8 = '2026-11-29T06:30:00Z'; // Sunday 8 Azar 1405, 10:00 Tehran
  const calendars = () => calendarRepositoryFromEnv();

  /**
   * The calendar closes a day with no recount of the deadlines ending on it (a holiday's route
   * recounts them at once: deadline-recount.test.ts). So a lunar calendar loaded later does, or a
   * closure whose recount failed: the lapse job and the court's steps are what count them again.
   */
  async function closeDay(date: string) {
    await calendars()
      .addProvincialHoliday({ provinceCode: '29', date, name: { fa: 'تعطیلی اضطراری', en: 'Emergency closure' } })
      .catch((error: unknown) => {
        if (!(error instanceof ConflictError && error.code === 'holiday-exists')) throw error;
      });
  }

  /** The daily job as its function runs it, under the function's own IAM policy. */
  const lapseJobAt = (iso: string) => asFunction('cure-lapse-job', () => runCureLapses(deps(at(iso))));

  beforeAll(loadLunarYears);

  it('does not lapse on a last day closed after service: deadline and index move to the next open day; the party is told', async () => {
    // Prepare: served Sunday 8 Azar, the last day is Thursday 19 Azar; the day before it, the province closes it.
    const { petitionId, returned } = await returnedOn(AZAR_8);
    await closeDay('1405-09-19');

    // Act: the job at the end of 19 Azar, again at the end of Friday 20 Azar, and at the end of Saturday 21 Azar.
    const end19 = await lapseJobAt('2026-12-10T20:40:00Z');
    const moved = await petitionAdaptersFromEnv().petitions.get(petitionId);
    const item = await storedPetitionItem(petitionId);
    const end20 = await lapseJobAt('2026-12-11T20:40:00Z');
    const end21 = await lapseJobAt('2026-12-12T20:40:00Z');

    // Assess
    expect(returned.cureDeadline?.lastDay).toBe('1405-09-19');
    expect(end19.moved).not.toContain(petitionId);
    expect(moved).toMatchObject({
      status: 'returned',
      version: 4,
      cureDeadline: { lastDay: '1405-09-21', endsAt: '2026-12-12T20:30:00.000Z', provisional: false },
    });
    // The lapse job's index (gsi3) holds it under the UTC day its cure now ends.
    expect(item).toMatchObject({
      gsi3pk: 'CURE-DUE#2026-12-12',
      gsi3sk: `2026-12-12T20:30:00.000Z#${petitionId}`,
    });
    expect(end20.moved).not.toContain(petitionId);
    expect(end21.moved).toContain(petitionId);
    const lapsed = await petitionAdaptersFromEnv().petitions.get(petitionId);
    expect(lapsed?.status).toBe('rejection-due');
    // The move is no step of the life cycle (no history entry), but the petitioner hears of it
    // (deadline-moved); the rejection-due event names the deadline that lapsed.
    expect(lapsed?.history.map((entry) => entry.action).slice(-2)).toEqual(['return', 'lapse']);
    const events = (await outboxEventsOf(petitionId)).filter((e) =>
      ['returned', 'deadline-moved', 'rejection-due'].includes(e.type),
    );
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['returned', expect.objectContaining({ cureDeadline: returned.cureDeadline })],
      [
        'deadline-moved',
        {
          period: 'cure',
          previousDeadline: returned.cureDeadline,
          deadline: { lastDay: '1405-09-21', endsAt: '2026-12-12T20:30:00.000Z', provisional: false },
        },
      ],
      [
        'rejection-due',
        { cureDeadline: { lastDay: '1405-09-21', endsAt: '2026-12-12T20:30:00.000Z', provisional: false } },
      ],
    ]);
  });

  it('takes the resubmission on the new last day once the job has moved the deadline, and refuses it after that day', async () => {
    // Prepare: two petitions returned on Sunday 15 Azar (last day Thursday 26 Azar); 26 Azar closed after
    // service; the job ran at its end. 27 Azar is a Friday: the new last day is Saturday 28 Azar.
    const onTime = await returnedOn('2026-12-06T06:30:00Z');
    const late = await returnedOn('2026-12-06T06:30:00Z');
    await closeDay('1405-09-26');
    await lapseJobAt('2026-12-17T20:40:00Z');

    // Act: one resubmission in the last minute of 28 Azar, one when it has ended.
    const resubmitted = await transitionPetition(deps(at('2026-12-19T20:29:00Z')), onTime.clerk, onTime.petitionId, {
      action: 'resubmit',
      expectedVersion: 4,
    });
    const refused = transitionPetition(deps(at('2026-12-19T20:30:00Z')), late.clerk, late.petitionId, {
      action: 'resubmit',
      expectedVersion: 4,
    });

    // Assess
    expect(resubmitted.status).toBe('submitted');
    await expect(refused).rejects.toMatchObject({ code: 'cure-period-over', params: { lastDay: '1405-09-28' } });
  });

  it('judges a resubmission by the calendar as it is now, before any job ran: taken on the new last day, refused after it', async () => {
    // Prepare: two petitions returned on Sunday 22 Azar (last day Thursday 3 Dey, as stored); 3 Dey closed;
    // no lapse job since. 4 Dey is a Friday: the last day is now Saturday 5 Dey.
    const onTime = await returnedOn('2026-12-13T06:30:00Z');
    const late = await returnedOn('2026-12-13T06:30:00Z');
    await closeDay('1405-10-03');

    // Act: resubmissions on 5 Dey and after it, by offices that read the petitions as returned.
    const resubmitted = await transitionPetition(deps(at('2026-12-26T06:30:00Z')), onTime.clerk, onTime.petitionId, {
      action: 'resubmit',
      expectedVersion: 3,
    });
    const refused = transitionPetition(deps(at('2026-12-26T20:30:00Z')), late.clerk, late.petitionId, {
      action: 'resubmit',
      expectedVersion: 3,
    });

    // Assess: the refusal names the last day as it now is.
    expect(resubmitted.status).toBe('submitted');
    await expect(refused).rejects.toMatchObject({ code: 'cure-period-over', params: { lastDay: '1405-10-05' } });
  });

  it('reinstates on the next open day when the last day of the objection window is closed after the order', async () => {
    // Prepare: returned Tuesday 24 Azar (last day Saturday 5 Dey), lapsed; rejected Sunday 13 Dey, so the
    // objection window's last day is Thursday 24 Dey, which the province then closes (25 Dey is a Friday).
    const { petitionId } = await returnedOn('2026-12-15T06:30:00Z');
    await lapseJobAt('2027-01-02T21:00:00Z');
    const rejected = await transitionPetition(deps(at('2027-01-03T06:30:00Z')), court, petitionId, {
      action: 'reject',
      expectedVersion: 4,
    });
    await closeDay('1405-10-24');

    // Act: the court reinstates on Saturday 26 Dey.
    const reinstated = await transitionPetition(deps(at('2027-01-16T06:30:00Z')), court, petitionId, {
      action: 'reinstate',
      expectedVersion: 5,
    });

    // Assess
    expect(rejected.rejection?.objectionDeadline.lastDay).toBe('1405-10-24');
    expect(reinstated.status).toBe('submitted');
  });

  it('never ends before a served last day: a lunar holiday taken out does not shorten it; closing the served day moves it', async () => {
    // Prepare: the lunar calendar closes Wednesday 16 Dey, so a return on Saturday 5 Dey lasts to Thursday 17 Dey;
    // then the calendar is reloaded without 16 Dey, and the province closes 17 Dey.
    // Each load replaces the year's load stored before it, named by its version.
    const lunar1405 = async (holidays: Array<{ date: string; name: { fa: string; en: string } }>) =>
      loadLunarHolidays(calendars(), at('2026-12-20T06:30:00Z'), {
        year: 1405,
        holidays,
        source: 'test',
        demo: false,
        expectedVersion: (await calendars().lunarLoad(1405))?.version,
      });
    await lunar1405([{ date: '1405-10-16', name: { fa: 'تعطیل قمری', en: 'Lunar holiday' } }]);
    const { petitionId, returned } = await returnedOn('2026-12-26T06:30:00Z');
    await lunar1405([{ date: '1405-04-04', name: { fa: 'عاشورای حسینی', en: 'Ashura' } }]);
    await closeDay('1405-10-17');

    // Act: the job at the end of 16 Dey, and at the end of 17 Dey.
    const end16 = await lapseJobAt('2027-01-06T20:40:00Z');
    const end17 = await lapseJobAt('2027-01-07T20:40:00Z');

    // Assess: not 16 Dey (the calendar now), nor a lapse on closed 17 Dey, but Saturday 19 Dey (18 Dey is a Friday).
    expect(returned.cureDeadline?.lastDay).toBe('1405-10-17');
    expect(end16.moved).not.toContain(petitionId);
    expect(end17.moved).not.toContain(petitionId);
    expect((await petitionAdaptersFromEnv().petitions.get(petitionId))?.cureDeadline).toEqual({
      lastDay: '1405-10-19',
      endsAt: '2027-01-09T20:30:00.000Z',
      provisional: false,
    });
  });
});
