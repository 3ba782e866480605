import { createHash } from 'node:crypto';
import { documentKey, quarantineKey } from '../../../shared/domain/document-policy';
import { ConflictError } from '../../../shared/domain/errors';
import type { Petition } from '../../../shared/domain/petition';
import * as problemTexts from '../../../shared/i18n/problem-texts';
import type { DocumentObjects, FeeScheduleRepository, PetitionRepository } from '../../../shared/ports';
import { type DocumentDeps, verifyArrival } from '../../../shared/use-cases/documents';

/**
 * Verification's retries when other changes move the petition's version, and the order of its
 * steps (decide, then quarantine), with in-memory ports whose conflicts each test scripts.
 */
const P = '0b7a6c3e-8f1d-4c2a-9e5b-1d2c3b4a5f60';
const D = '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 1)]);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function petition(declaredSha = sha(pdf)): Petition {
  return {
    petitionId: P,
    officeCode: '56101',
    officeName: 'دفتر آزمون',
    kind: 'civil-petition',
    subject: 'مطالبه وجه',
    description: '',
    parties: [],
    documents: [
      {
        documentId: D,
        kind: 'evidence',
        fileName: 'سند.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256: declaredSha,
        status: 'pending',
        declaredAt: '2026-11-25T08:00:00Z',
      },
    ],
    status: 'draft',
    version: 1,
    createdAt: '2026-11-25T08:00:00Z',
    updatedAt: '2026-11-25T08:00:00Z',
    createdBy: 'clerk-1',
    history: [],
  };
}

/** A repository whose first `conflicts` saves lose a version race; it records the steps taken. */
function setUp(stored: Petition, conflicts: number) {
  const steps: string[] = [];
  let current = stored;
  let left = conflicts;
  const petitions = {
    get: async () => current,
    save: async (next: Petition) => {
      if (left > 0) {
        left -= 1;
        steps.push('save lost a race');
        throw new ConflictError(problemTexts.petitionChanged);
      }
      steps.push(`saved ${next.documents[0]?.status}`);
      current = next;
    },
  } as unknown as PetitionRepository;
  const documents = {
    inspect: async () => ({ size: pdf.length, sha256: sha(pdf), head: Uint8Array.from(pdf.subarray(0, 16)) }),
    quarantine: async (from: string, to: string) => {
      steps.push(`moved ${from} to ${to}`);
    },
    keep: async (keys: string[]) => {
      steps.push(`kept ${keys.join(', ')}`);
    },
  } as unknown as DocumentObjects;
  const deps: DocumentDeps<DocumentObjects> = {
    petitions,
    documents,
    // Verification never quotes: no schedule is read.
    schedules: {} as FeeScheduleRepository,
    clock: { now: () => new Date('2026-11-25T08:05:00Z') },
    ids: { documentId: () => 'd-2', eventId: () => 'e-1' },
  };
  return { deps, steps };
}

describe('verifyArrival', () => {
  it('tries again after losing version races, and settles the document', async () => {
    const { deps, steps } = setUp(petition(), 3);

    const outcome = await verifyArrival(deps, documentKey(P, D));

    expect(outcome).toBe('verified');
    expect(steps).toEqual(['save lost a race', 'save lost a race', 'save lost a race', 'saved verified']);
  });

  it('saves a rejection before it moves the object aside, so a lost race never loses the object', async () => {
    const { deps, steps } = setUp(petition('0'.repeat(64)), 1);

    const outcome = await verifyArrival(deps, documentKey(P, D));

    expect(outcome).toBe('rejected');
    expect(steps).toEqual([
      'save lost a race',
      'saved rejected',
      `moved ${documentKey(P, D)} to ${quarantineKey(P, D)}`,
    ]);
  });

  it('keeps a verified scan of a petition once submitted (here returned) after its decision is saved, not a draft’s', async () => {
    // Prepare: a scan declared while the petition is returned, and the same on a draft
    const returned = setUp({ ...petition(), status: 'returned', submittedAt: '2026-11-25T07:00:00Z' }, 1);
    const draft = setUp(petition(), 0);

    // Act
    const outcomes = [
      await verifyArrival(returned.deps, documentKey(P, D)),
      await verifyArrival(draft.deps, documentKey(P, D)),
    ];

    // Assess
    expect(outcomes).toEqual(['verified', 'verified']);
    expect(returned.steps).toEqual(['save lost a race', 'saved verified', `kept ${documentKey(P, D)}`]);
    expect(draft.steps).toEqual(['saved verified']);
  });

  it('gives up (so the platform retries later) when the petition keeps changing', async () => {
    const { deps } = setUp(petition(), 100);

    await expect(verifyArrival(deps, documentKey(P, D))).rejects.toThrow(/kept changing/);
  });
});
