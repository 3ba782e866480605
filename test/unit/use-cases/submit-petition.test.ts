import { newCourt } from '../../../shared/domain/court';
import { ConflictError } from '../../../shared/domain/errors';
import type { Office } from '../../../shared/domain/office';
import { newOffice } from '../../../shared/domain/office';
import type { Petition } from '../../../shared/domain/petition';
import type { OfficeStaff } from '../../../shared/domain/roles';
import type { IdGenerator, SubmissionRecord, SubmissionStore } from '../../../shared/ports';
import { type SubmissionDeps, submissionRequestHash, submitPetition } from '../../../shared/use-cases/petitions';

/**
 * The branches of submission that the engines reach only by chance: tracking-code clashes, a lost
 * race to a twin request with the same key, a petition changed meanwhile. The store is an
 * in-memory one whose answers each test scripts.
 */
const clerk: OfficeStaff = { kind: 'office', userId: 'clerk-1', role: 'clerk', officeCode: '56101' };
const now = new Date('2026-11-25T08:00:00Z');

function draft(): Petition {
  return {
    petitionId: 'p-1',
    officeCode: '56101',
    officeName: 'دفتر آزمون',
    kind: 'civil-petition',
    subject: 'مطالبه وجه',
    description: '',
    parties: [],
    documents: [],
    // Nothing to pay: submission's fee check passes, and these tests are about the rest.
    quote: {
      schedule: { versionId: 'demo-1405-r1', year: 1405, revision: 1, demo: true },
      quotedAt: now.toISOString(),
      quotedOn: '1405-09-04',
      lines: [],
      totals: { judiciary: '0', office: '0', total: '0' },
    },
    status: 'draft',
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    createdBy: 'clerk-1',
    history: [],
  };
}

const activeOffice: Office = newOffice(
  {
    officeCode: '56101',
    name: 'دفتر آزمون',
    provinceCode: '29',
    judicialDistrict: 'بیرجند',
    county: 'بیرجند',
    deprivedArea: false,
    status: 'active',
    contact: {},
  },
  now,
);

const civilCourt = newCourt(
  {
    courtCode: 'BIR-CIVIL',
    name: 'دادگاه عمومی حقوقی بیرجند',
    provinceCode: '29',
    judicialDistrict: 'بیرجند',
    kind: 'general-civil',
    status: 'active',
  },
  now,
);

type Outcome = Awaited<ReturnType<SubmissionStore['commit']>>;

/** A store that answers `commit` with the scripted outcomes in turn and records what it was given. */
function scriptedStore(outcomes: Outcome[], winner?: SubmissionRecord) {
  const commits: Array<{ trackingCode: string; record: SubmissionRecord }> = [];
  const store: SubmissionStore = {
    load: async () => ({ petition: draft(), office: activeOffice }),
    record: async () => winner,
    courtRegistry: async () => ({ courts: [civilCourt], fallbacks: {} }),
    commit: async (petition, _previous, _counters, record) => {
      commits.push({ trackingCode: petition.trackingCode ?? '', record });
      return outcomes.shift() ?? 'ok';
    },
  };
  return { store, commits };
}

function deps(
  store: SubmissionStore,
  codes: string[] = ['100000000011', '100000000029', '100000000037'],
): SubmissionDeps {
  const ids: IdGenerator = {
    petitionId: () => 'p-1',
    documentId: () => 'd-1',
    runId: () => 'r-1',
    eventId: () => crypto.randomUUID(),
    trackingCode: () => codes.shift() ?? '999999999990',
  };
  return { submissions: store, payments: { forPetition: async () => [] }, clock: { now: () => now }, ids };
}

const winnerRecord = (requestHash: string): SubmissionRecord => ({
  officeCode: '56101',
  key: 'key-12345678',
  requestHash,
  answer: { petitionId: 'p-1', trackingCode: '555555555550', status: 'submitted', submittedAt: 'x', month: '1405-09' },
  expiresAt: 0,
});

describe('submitPetition', () => {
  it('draws a fresh tracking code for each clash and commits with the one that is free', async () => {
    // Prepare
    const { store, commits } = scriptedStore(['tracking-code-taken', 'tracking-code-taken', 'ok']);

    // Act
    const answer = await submitPetition(deps(store), clerk, 'p-1', { key: 'key-12345678' });

    // Assess
    expect(commits.map((c) => c.trackingCode)).toEqual(['100000000011', '100000000029', '100000000037']);
    expect(answer.trackingCode).toBe('100000000037');
  });

  it('gives up after three clashes rather than loop', async () => {
    const { store } = scriptedStore(['tracking-code-taken', 'tracking-code-taken', 'tracking-code-taken']);

    await expect(submitPetition(deps(store), clerk, 'p-1', { key: 'key-12345678' })).rejects.toThrow(
      /no free tracking code/,
    );
  });

  it("answers with the twin request's result when it won the race for the key", async () => {
    const hash = submissionRequestHash('p-1', undefined);
    const { store } = scriptedStore(['key-taken'], winnerRecord(hash));

    const answer = await submitPetition(deps(store), clerk, 'p-1', { key: 'key-12345678' });

    expect(answer.trackingCode).toBe('555555555550');
  });

  it('refuses with 422 when the key that won the race came with another request', async () => {
    const { store } = scriptedStore(['key-taken'], winnerRecord('another request'));

    await expect(submitPetition(deps(store), clerk, 'p-1', { key: 'key-12345678' })).rejects.toMatchObject({
      code: 'idempotency-key-mismatch',
    });
  });

  it('answers petition-changed when the petition moved on under another key', async () => {
    const { store } = scriptedStore(['petition-changed']);

    await expect(submitPetition(deps(store), clerk, 'p-1', { key: 'key-12345678' })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('binds the key to the petition and the body it came with', async () => {
    const { store, commits } = scriptedStore(['ok']);

    await submitPetition(deps(store), clerk, 'p-1', { key: 'key-12345678', body: {} });

    expect(commits[0]?.record).toMatchObject({
      key: 'key-12345678',
      officeCode: '56101',
      requestHash: submissionRequestHash('p-1', {}),
      expiresAt: Math.floor(now.getTime() / 1000) + 24 * 3600,
    });
  });
});
