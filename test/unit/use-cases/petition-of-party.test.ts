import { NotFoundError, TooManyAttemptsError } from '../../../shared/domain/errors';
import type { Petition } from '../../../shared/domain/petition';
import { partyKeysOf } from '../../../shared/domain/tracking-code';
import type { AttemptLimiter, PetitionRepository, TrackingEntry } from '../../../shared/ports';
import { type CitizenDeps, petitionOfParty } from '../../../shared/use-cases/citizen';

/**
 * The order of a citizen's try (shared/use-cases/citizen.ts): the code's entry is read beside the
 * reservation, but a refused try is answered without waiting for that read; a wrong national ID,
 * or a party the notices never tell, is answered from the entry alone, as an unknown code is, its
 * try never given back; a proven party's refund, petition read and further reads start together,
 * and the refund happens even when those reads fail. In-memory ports script each case.
 */
const NATIONAL_ID = '0499370899';
const OTHER_ID = '0013542419';
const ACCUSED_ID = '0067749828';
const request = { trackingCode: '123456789014', nationalId: NATIONAL_ID, address: '203.0.113.9' };
const petition = {
  petitionId: 'p-1',
  officeCode: '56101',
  kind: 'criminal-complaint',
  parties: [
    { nationalId: NATIONAL_ID, role: 'claimant' },
    { nationalId: ACCUSED_ID, role: 'defendant' },
  ],
} as unknown as Petition;
/** The entry as written now: the keys of the parties who may track (not the accused). */
const keyedEntry: TrackingEntry = {
  petitionId: 'p-1',
  officeCode: '56101',
  partyKeys: partyKeysOf(request.trackingCode, [{ nationalId: NATIONAL_ID }]),
  keyedParties: 'told',
};

function deps(options: {
  spent?: boolean;
  entry: Promise<TrackingEntry | undefined>;
  petition?: () => Promise<Petition | undefined>;
}) {
  const calls: string[] = [];
  const limiter: AttemptLimiter = {
    reserve: async () => (options.spent ? { retryAfter: 60 } : undefined),
    refund: async () => {
      calls.push('refund');
    },
  };
  const petitions = {
    trackingEntry: () => options.entry,
    get: (petitionId: string) => {
      calls.push(`get ${petitionId}`);
      return options.petition ? options.petition() : Promise.resolve(petition);
    },
  } as unknown as PetitionRepository;
  const citizen: CitizenDeps = {
    petitions,
    offices: { get: async () => undefined },
    limiter,
    clock: { now: () => new Date('2026-11-28T08:00:00Z') },
  };
  return { citizen, calls };
}

it('answers a refused try without waiting for the entry read, so its time tells nothing', async () => {
  const { citizen } = deps({ spent: true, entry: new Promise(() => undefined) });

  await expect(petitionOfParty(citizen, 'track', request)).rejects.toBeInstanceOf(TooManyAttemptsError);
});

it('answers a wrong national ID from the entry alone, as an unknown code, without reading the petition', async () => {
  const wrong = deps({ entry: Promise.resolve(keyedEntry) });
  const unknown = deps({ entry: Promise.resolve(undefined) });

  const wrongId = petitionOfParty(wrong.citizen, 'track', { ...request, nationalId: OTHER_ID });
  const unknownCode = petitionOfParty(unknown.citizen, 'track', request);

  await expect(wrongId).rejects.toBeInstanceOf(NotFoundError);
  await expect(unknownCode).rejects.toBeInstanceOf(NotFoundError);
  expect(wrong.calls).toEqual([]);
  expect(unknown.calls).toEqual([]);
});

it('answers the accused from the entry alone, as a wrong national ID, with no petition read and no refund', async () => {
  // Prepare
  const accused = deps({ entry: Promise.resolve(keyedEntry) });
  const wrong = deps({ entry: Promise.resolve(keyedEntry) });

  // Act
  const byAccused = await petitionOfParty(accused.citizen, 'track', { ...request, nationalId: ACCUSED_ID }).catch(
    (error: unknown) => error,
  );
  const byWrongId = await petitionOfParty(wrong.citizen, 'track', { ...request, nationalId: OTHER_ID }).catch(
    (error: unknown) => error,
  );

  // Assess: the same error after the same (no) calls: the reservation stays spent
  expect(byAccused).toBeInstanceOf(NotFoundError);
  expect(byWrongId).toBeInstanceOf(NotFoundError);
  expect(accused.calls).toEqual([]);
  expect(wrong.calls).toEqual([]);
});

it('reads the petition before any refund for an entry that keyed every party, and gives the accused no refund', async () => {
  // Prepare: an entry as the previous version wrote it, the accused's key in it
  const everyParty: TrackingEntry = {
    petitionId: 'p-1',
    officeCode: '56101',
    partyKeys: partyKeysOf(request.trackingCode, petition.parties),
  };
  const accused = deps({ entry: Promise.resolve(everyParty) });
  const complainant = deps({ entry: Promise.resolve(everyParty) });

  // Act
  const byAccused = await petitionOfParty(accused.citizen, 'track', { ...request, nationalId: ACCUSED_ID }).catch(
    (error: unknown) => error,
  );
  const byComplainant = await petitionOfParty(complainant.citizen, 'track', request);

  // Assess
  expect(byAccused).toBeInstanceOf(NotFoundError);
  expect(accused.calls).toEqual(['get p-1']);
  expect(byComplainant).toMatchObject({ side: 'petitioner' });
  expect(complainant.calls).toEqual(['get p-1', 'refund']);
});

it("starts the refund, the petition read and the caller's reads together for a proven party", async () => {
  let release: (found: Petition) => void = () => undefined;
  const { citizen, calls } = deps({
    entry: Promise.resolve(keyedEntry),
    petition: () => new Promise((resolve) => (release = resolve)),
  });

  const attempt = petitionOfParty(citizen, 'track', request, async (ref) => {
    // The petition read has not answered yet: the caller's read started from the entry.
    calls.push(`read ${ref.petitionId} of ${ref.officeCode}`);
    return ref.officeCode;
  });
  await new Promise((settle) => setImmediate(settle));
  const startedBeforeThePetition = [...calls];
  release(petition);

  await expect(attempt).resolves.toEqual({ petition, side: 'petitioner', read: '56101' });
  expect(startedBeforeThePetition).toEqual(['refund', 'get p-1', 'read p-1 of 56101']);
});

it('refunds a proven right even when the reads beside the refund fail', async () => {
  const { citizen, calls } = deps({ entry: Promise.resolve(keyedEntry) });

  const attempt = petitionOfParty(citizen, 'track', request, () => {
    throw new Error('office read failed');
  });

  await expect(attempt).rejects.toThrow('office read failed');
  expect(calls).toContain('refund');
});

it('lets the petition have the last word when its entry still names a party it no longer has', async () => {
  const { citizen } = deps({
    entry: Promise.resolve(keyedEntry),
    petition: async () =>
      ({ ...petition, parties: [{ nationalId: OTHER_ID, role: 'claimant' }] }) as unknown as Petition,
  });

  await expect(petitionOfParty(citizen, 'track', request)).rejects.toBeInstanceOf(NotFoundError);
});

it('weighs the national ID against the petition for an entry written before parties were kept on it', async () => {
  const legacyEntry = Promise.resolve({ petitionId: 'p-1' });
  const party = deps({ entry: legacyEntry });
  const stranger = deps({ entry: legacyEntry });

  const result = await petitionOfParty(party.citizen, 'track', request, async (ref) => ref.officeCode);
  const refused = petitionOfParty(stranger.citizen, 'track', { ...request, nationalId: OTHER_ID });

  expect(result).toEqual({ petition, side: 'petitioner', read: '56101' });
  expect(party.calls).toEqual(['get p-1', 'refund']);
  await expect(refused).rejects.toBeInstanceOf(NotFoundError);
  expect(stranger.calls).toEqual(['get p-1']);
});

it('refunds a proven right even when the petition read beside the refund fails', async () => {
  const { citizen, calls } = deps({
    entry: Promise.resolve(keyedEntry),
    petition: () => Promise.reject(new Error('petition read failed')),
  });

  await expect(petitionOfParty(citizen, 'track', request)).rejects.toThrow('petition read failed');
  expect(calls).toContain('refund');
});

it('reads the petition first for an entry that names the parties but not the office', async () => {
  const { officeCode: _office, ...withoutOffice } = keyedEntry;
  const { citizen, calls } = deps({ entry: Promise.resolve(withoutOffice) });

  const result = await petitionOfParty(citizen, 'track', request, async (ref) => ref.officeCode);

  expect(result).toEqual({ petition, side: 'petitioner', read: '56101' });
  expect(calls).toEqual(['get p-1', 'refund']);
});
