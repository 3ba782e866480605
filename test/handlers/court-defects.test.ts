import {
  calendarRepositoryFromEnv,
  cryptoIds,
  documentUrlsFromEnv,
  petitionAdaptersFromEnv,
  submissionDepsFromEnv,
} from '../../shared/adapters/from-env';
import { ConflictError } from '../../shared/domain/errors';
import type { Principal } from '../../shared/domain/roles';
import type { Clock } from '../../shared/ports';
import { createPetitionSchema } from '../../shared/schemas/petition';
import { runCureLapses } from '../../shared/use-cases/lapses';
import { createDraft, submitPetition, transitionPetition } from '../../shared/use-cases/petitions';
import { outboxEventsOf } from '../support/outbox';
import { recordPaidInFull } from '../support/payments';
import { activeOffice, counter, petitionBody, TEST_COURTS } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * Coded defects, the cure period and its lapse on DynamoDB Local, at chosen Tehran times. Service
 * on 1 Mehr 1405 at 10:00 Tehran (06:30Z, 23 Sep 2026): the worked example of issue 13, the last
 * day to cure is 12 Mehr (Sunday 4 Oct 2026), which ends at 20:30Z.
 */
beforeAll(provisionStores);
afterAll(dropStores);

const at = (iso: string): Clock => ({ now: () => new Date(iso) });
const SERVED = '2026-09-23T06:30:00Z';
const LAST_MINUTE = '2026-10-04T20:29:00Z';
const AFTER_LAST_DAY = '2026-10-04T20:30:00Z';

const court: Principal = {
  kind: 'court',
  userId: 'court-clerk',
  role: 'court',
  courtCode: TEST_COURTS['general-civil'],
};

function deps(clock: Clock) {
  return {
    ...petitionAdaptersFromEnv(),
    ...submissionDepsFromEnv(),
    calendars: calendarRepositoryFromEnv(),
    documents: documentUrlsFromEnv(),
    ids: cryptoIds,
    clock,
  };
}

async function returnedPetition(defects: string[] = ['unpaid-fees', 'evidence']) {
  const officeCode = await activeOffice();
  const clerk: Principal = { kind: 'office', userId: 'clerk', role: 'clerk', officeCode };
  const { petition } = await createDraft(deps(at(SERVED)), clerk, createPetitionSchema.parse(petitionBody()));
  await recordPaidInFull(petition.petitionId, new Date(SERVED));
  await submitPetition(deps(at(SERVED)), clerk, petition.petitionId);
  const returned = await transitionPetition(deps(at(SERVED)), court, petition.petitionId, {
    action: 'return',
    defects: defects as never,
    expectedVersion: 2,
  });
  return { officeCode, clerk, petitionId: petition.petitionId, returned };
}

async function loadLunarYears() {
  const calendars = calendarRepositoryFromEnv();
  for (const year of [1405, 1406]) {
    await calendars.putLunarCalendar({ year, holidays: [], source: 'test', demo: false, loadedAt: SERVED });
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
