import {
  cryptoIds,
  documentUrlsFromEnv,
  petitionAdaptersFromEnv,
  submissionDepsFromEnv,
} from '../../shared/adapters/from-env';
import type { Principal } from '../../shared/domain/roles';
import { newTrackingCode } from '../../shared/domain/tracking-code';
import type { Clock, IdGenerator } from '../../shared/ports';
import { createPetitionSchema } from '../../shared/schemas/petition';
import { createDraft, type DraftDeps, type SubmissionDeps, submitPetition } from '../../shared/use-cases/petitions';
import { demoSchedulesFor, recordPaidInFull } from '../support/payments';
import { activeOffice, counter, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

async function setUp(clock: Clock, ids: IdGenerator = cryptoIds) {
  const officeCode = await activeOffice();
  const principal: Principal = { kind: 'office', userId: 'clerk-1', role: 'clerk', officeCode };
  const deps: DraftDeps & SubmissionDeps = {
    ...petitionAdaptersFromEnv(),
    submissions: submissionDepsFromEnv().submissions,
    documents: documentUrlsFromEnv(),
    clock,
    ids,
  };
  // The draft is quoted from the demo schedule of the clock's year, and its fees are paid.
  await demoSchedulesFor(clock.now());
  const draftOf = async () => {
    const { petitionId } = (await createDraft(deps, principal, createPetitionSchema.parse(petitionBody()))).petition;
    await recordPaidInFull(petitionId, clock.now());
    return petitionId;
  };
  return { officeCode, principal, deps, draftOf };
}

describe('which month a submission counts in (Tehran time)', () => {
  it.each([
    // 1398: daylight saving (+04:30) until the end of 30 Shahrivar, +03:30 after it.
    ['2019-08-22T19:29:00Z', '1398-05', '2019-08'], // 31 Mordad, 23:59
    ['2019-08-22T19:31:00Z', '1398-06', '2019-08'], // 1 Shahrivar, 00:01
    ['2019-09-22T20:29:00Z', '1398-06', '2019-09'], // 31 Shahrivar, 23:59
    ['2019-09-22T20:31:00Z', '1398-07', '2019-09'], // 1 Mehr, 00:01
    // 1405: no daylight saving, +03:30 all year.
    ['2026-11-21T20:29:00Z', '1405-08', '2026-11'], // 30 Aban, 23:59
    ['2026-11-21T20:31:00Z', '1405-09', '2026-11'], // 1 Azar, 00:01
  ])('a petition submitted at %s counts in %s (Gregorian %s)', async (instant, solarMonth, gregorianMonth) => {
    const { officeCode, principal, deps, draftOf } = await setUp(fixedClock(instant));
    const petitionId = await draftOf();

    const submission = await submitPetition(deps, principal, petitionId);

    expect(submission.month).toBe(solarMonth);
    expect((await counter(officeCode, `J#${solarMonth}`))?.submitted).toBe(1);
    expect((await counter(officeCode, `G#${gregorianMonth}`))?.submitted).toBe(1);
  });
});

describe('tracking code clashes', () => {
  it('draws a new code when the first one is taken, and counts the petition once', async () => {
    const taken = newTrackingCode(() => 4);
    const fresh = newTrackingCode(() => 6);
    const codes = [taken, taken, fresh];
    const ids: IdGenerator = { ...cryptoIds, trackingCode: () => codes.shift() ?? fresh };
    const { officeCode, principal, deps, draftOf } = await setUp(fixedClock('2026-11-25T08:00:00Z'), ids);
    const [first, second] = [await draftOf(), await draftOf()];

    const a = await submitPetition(deps, principal, first);
    const b = await submitPetition(deps, principal, second);

    expect(a.trackingCode).toBe(taken);
    expect(b.trackingCode).toBe(fresh);
    expect((await counter(officeCode, 'J#1405-09'))?.submitted).toBe(2);
  });
});
