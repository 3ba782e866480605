import { petitionItem } from '../../shared/adapters/dynamo-petition-repository';
import { attentionEntry, attentionReasons, stillNeedsAttention } from '../../shared/domain/attention';
import type { Deadline } from '../../shared/domain/petition';
import { FALLBACK_ASSIGNMENT, submittedPetition } from '../support/submitted-petition';

/** Which petitions the province's attention list holds, and when they leave it. */
const provisional: Deadline = { lastDay: '1405-12-27', endsAt: '2027-03-17T20:30:00.000Z', provisional: true };
const settled: Deadline = { ...provisional, provisional: false };
const fallbackCourt = FALLBACK_ASSIGNMENT;
const petition = submittedPetition;

describe('attention reasons', () => {
  it('names a provisional cure period while returned or rejection-due, and a provisional objection window', () => {
    const returned = petition({ status: 'returned', cureDeadline: provisional });
    const due = petition({ status: 'rejection-due', cureDeadline: provisional });
    const rejected = petition({
      status: 'rejected',
      rejection: { reason: 'cure-period-lapsed', servedAt: '2027-03-18T06:30:00.000Z', objectionDeadline: provisional },
    });

    expect([returned, due, rejected].map(attentionReasons)).toEqual([
      ['provisional-deadline'],
      ['provisional-deadline'],
      ['provisional-deadline'],
    ]);
  });

  it('names nothing for a settled deadline, nor for a provisional one the status no longer runs', () => {
    const settledReturn = petition({ status: 'returned', cureDeadline: settled });
    const registered = petition({ status: 'registered', cureDeadline: provisional });

    expect([settledReturn, registered].map(attentionReasons)).toEqual([[], []]);
  });

  it('names a fallback routing while a court can still change hands, not once the court has finished', () => {
    const flagged = petition({ court: fallbackCourt });
    const registered = petition({ court: fallbackCourt, status: 'registered' });

    expect(attentionEntry(flagged)).toMatchObject({
      reasons: ['flagged-for-review'],
      reviewReason: 'no-court-of-kind-in-district',
      courtCode: 'TEST-BIR-CIVIL',
    });
    expect(attentionReasons(registered)).toEqual([]);
  });
});

describe('staying on the list', () => {
  it('keeps a provisional cure period after its last day, and drops an objection window once it ended', () => {
    const after = new Date('2027-03-20T00:00:00Z');
    const cure = attentionEntry(petition({ status: 'rejection-due', cureDeadline: provisional }))!;
    const objection = attentionEntry(
      petition({
        status: 'rejected',
        rejection: { reason: 'court-order', servedAt: '2027-03-01T06:30:00.000Z', objectionDeadline: provisional },
      }),
    )!;

    expect(stillNeedsAttention(cure, after)).toBe(true);
    expect(stillNeedsAttention(objection, after)).toBe(false);
    expect(stillNeedsAttention(objection, new Date('2027-03-10T00:00:00Z'))).toBe(true);
  });
});

describe('the index entry', () => {
  it("puts a petition needing attention in its province's partition, and writes no key for the others", () => {
    const flagged = petitionItem(petition({ court: fallbackCourt }));
    const ordinary = petitionItem(petition({}));

    expect(flagged).toMatchObject({ gsi5pk: 'ATTENTION#29', gsi5sk: '2027-03-01T06:30:00.000Z#p-1' });
    expect(ordinary).not.toHaveProperty('gsi5pk');
    expect(ordinary).not.toHaveProperty('gsi5sk');
  });
});
