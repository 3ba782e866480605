import { TooManyAttemptsError } from '../../../shared/domain/errors';
import type { Petition } from '../../../shared/domain/petition';
import type { AttemptLimiter, PetitionRepository } from '../../../shared/ports';
import { type CitizenDeps, petitionOfParty } from '../../../shared/use-cases/citizen';

/**
 * The order of a citizen's try (shared/use-cases/citizen.ts): the petition is read beside the
 * reservation, but a refused try is answered without waiting for that read, and a proven right
 * is refunded even when the reads after it fail. In-memory ports script each case.
 */
const NATIONAL_ID = '0499370899';
const request = { trackingCode: 'TRK-0001', nationalId: NATIONAL_ID, address: '203.0.113.9' };
const petition = {
  petitionId: 'p-1',
  officeCode: '56101',
  parties: [{ nationalId: NATIONAL_ID }],
} as unknown as Petition;

function deps(options: { spent?: boolean; reading: Promise<Petition | undefined> }) {
  const refunds: number[] = [];
  const limiter: AttemptLimiter = {
    reserve: async () => (options.spent ? { retryAfter: 60 } : undefined),
    refund: async () => {
      refunds.push(1);
    },
  };
  const petitions = { findByTrackingCode: () => options.reading } as unknown as PetitionRepository;
  const citizen: CitizenDeps = {
    petitions,
    offices: { get: async () => undefined },
    limiter,
    clock: { now: () => new Date('2026-11-28T08:00:00Z') },
  };
  return { citizen, refunds };
}

it('answers a refused try without waiting for the petition read, so its time tells nothing', async () => {
  const { citizen } = deps({ spent: true, reading: new Promise(() => undefined) });

  await expect(petitionOfParty(citizen, 'track', request)).rejects.toBeInstanceOf(TooManyAttemptsError);
});

it('refunds a proven right even when the reads beside the refund fail', async () => {
  const { citizen, refunds } = deps({ reading: Promise.resolve(petition) });

  const attempt = petitionOfParty(citizen, 'track', request, () => {
    throw new Error('office read failed');
  });

  await expect(attempt).rejects.toThrow('office read failed');
  expect(refunds).toEqual([1]);
});

it('gives the petition and what was read beside the refund', async () => {
  const { citizen, refunds } = deps({ reading: Promise.resolve(petition) });

  const result = await petitionOfParty(citizen, 'track', request, async (found) => found.officeCode);

  expect(result).toEqual({ petition, read: '56101' });
  expect(refunds).toEqual([1]);
});
