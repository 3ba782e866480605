import { eventsOfTransition } from '../../shared/use-cases/petitions';
import { submittedPetition } from '../support/submitted-petition';

/**
 * A resubmission's `submitted` event (shared/use-cases/petitions.ts) has the documents kept and
 * the parties told. It names the month the petition counts in: the one it keeps, or for a petition
 * stored before it kept one, the month of its first submission.
 */
describe('the event of a resubmission', () => {
  const now = new Date('2027-04-10T08:00:00.000Z');
  const returned = (month?: string) =>
    submittedPetition({
      status: 'returned',
      trackingCode: '123456789014',
      submittedAt: '2027-03-01T06:30:00.000Z',
      month,
    });

  it('names the month the petition keeps', () => {
    const before = returned('1405-12');

    const events = eventsOfTransition(before, { ...before, status: 'submitted' }, 'e-1', now);

    expect(events).toEqual([
      expect.objectContaining({ type: 'submitted', data: { month: '1405-12', resubmission: true } }),
    ]);
  });

  it('names the month of the first submission for a petition stored before it kept one', () => {
    // 2027-03-01 in Tehran is 10 Esfand 1405; 2027-04-10 (now) is in Farvardin 1406.
    const before = returned(undefined);

    const events = eventsOfTransition(before, { ...before, status: 'submitted' }, 'e-1', now);

    expect(events).toEqual([
      expect.objectContaining({ type: 'submitted', data: { month: '1405-12', resubmission: true } }),
    ]);
  });
});
