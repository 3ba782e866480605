import { courtStepCounters } from '../domain/counters';
import { isCureLapsed } from '../domain/court-orders';
import { ConflictError } from '../domain/errors';
import type { Petition } from '../domain/petition';
import type { Clock, IdGenerator, PetitionRepository } from '../ports';
import { eventsOfTransition } from './petitions';

export interface LapseDeps {
  petitions: Pick<PetitionRepository, 'curesEndingOn' | 'save'>;
  clock: Clock;
  ids: Pick<IdGenerator, 'eventId'>;
}

/**
 * How far back a run looks: every cure period that ended within these days and is still returned
 * is moved, so a missed day (or a week) is caught up by the next run.
 */
export const LAPSE_CATCH_UP_DAYS = 31;

const DAY_MS = 86_400_000;

/** The system moves a petition; the history names no person. */
const SYSTEM = { userId: 'system', role: 'system' } as const;

export function lapsed(petition: Petition, now: Date): Petition {
  const at = now.toISOString();
  return {
    ...petition,
    status: 'rejection-due',
    version: petition.version + 1,
    updatedAt: at,
    history: [...petition.history, { at, by: SYSTEM, action: 'lapse', from: 'returned', to: 'rejection-due' }],
  };
}

/**
 * The daily lapse job (Articles 53-54): each returned petition whose cure period has ended moves
 * to `rejection-due`, in its court's inbox, with its counters and its event in one transaction.
 * Exactly once per petition even when two runs overlap: the write is conditional on the version
 * read, so of two runs (or a run and a resubmission at the last minute) one wins and the other
 * skips the petition.
 */
export async function runCureLapses(deps: LapseDeps): Promise<{ moved: string[]; skipped: number }> {
  const now = deps.clock.now();
  const moved: string[] = [];
  let skipped = 0;
  for (let back = LAPSE_CATCH_UP_DAYS; back >= 0; back--) {
    const day = new Date(now.getTime() - back * DAY_MS).toISOString().slice(0, 10);
    for (const petition of await deps.petitions.curesEndingOn(day, now.toISOString())) {
      if (!isCureLapsed(petition, now)) continue;
      const next = lapsed(petition, now);
      try {
        await deps.petitions.save(
          next,
          petition.version,
          courtStepCounters(petition, next, now).map((c) => ({ officeCode: petition.officeCode, ...c })),
          eventsOfTransition(petition, next, deps.ids.eventId(), now),
        );
        moved.push(petition.petitionId);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        skipped++;
      }
    }
  }
  return { moved, skipped };
}
