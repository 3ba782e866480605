import { courtStepCounters } from '../domain/counters';
import { isCureLapsed } from '../domain/court-orders';
import { ConflictError } from '../domain/errors';
import type { WorkCalendar } from '../domain/legal-periods';
import type { Deadline, Petition } from '../domain/petition';
import type { ProvinceCode } from '../domain/provinces';
import { petitionEvent } from '../events/emit';
import type { CalendarRepository, Clock, IdGenerator, PetitionRepository } from '../ports';
import { deadlineNow, eventsOfTransition } from './petitions';

export interface LapseDeps {
  petitions: Pick<PetitionRepository, 'curesEndingOn' | 'save'>;
  /** The work calendars a cure period is counted again on before it lapses (deadlineNow). */
  calendars: Pick<CalendarRepository, 'workCalendar'>;
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
 * Stores a returned petition's later cure deadline (from deadlineNow), which also moves it in
 * the lapse job's index (gsi3, keyed by the UTC day the cure ends: dynamo-petition-repository.ts,
 * petitionItem), with a `deadline-moved` event in the same transaction: the notifier tells the
 * petitioner the new last day, and the court's system learns it. No history entry: nobody took a
 * step. The law (Article 444) gives the same answer it always gave on the calendar as it now is;
 * what changed is the calendar, and its change is the administrator's own act. Conditional on the
 * version read, like every write of a petition: of this and a resubmission at the same moment, one
 * wins and the other is a ConflictError.
 */
export async function storeLaterCure(
  deps: Pick<LapseDeps, 'petitions' | 'ids'>,
  petition: Petition,
  cureDeadline: Deadline,
  now: Date,
): Promise<void> {
  // The version moves; `updatedAt` does not: nobody acted, and the court's inbox, ordered by it,
  // would show the petition as newly changed.
  const next = { ...petition, cureDeadline, version: petition.version + 1 };
  const courtCode = next.court?.courtCode;
  const previousDeadline = petition.cureDeadline;
  // A petition returned holds its court; one stored without it emits nothing rather than an event without its court.
  const events =
    courtCode && previousDeadline
      ? [
          petitionEvent(
            'deadline-moved',
            next,
            { courtCode, data: { period: 'cure', previousDeadline, deadline: cureDeadline } },
            { eventId: deps.ids.eventId(), occurredAt: now.toISOString() },
          ),
        ]
      : [];
  await deps.petitions.save(next, petition.version, [], events);
}

/**
 * The daily lapse job (Articles 53-54): each returned petition whose cure period has ended moves
 * to `rejection-due`, in its court's inbox, with its counters and its event in one transaction.
 * Before it moves one, it counts the period again with the province's calendar as it is now
 * (deadlineNow): if a closure or a lunar holiday loaded since service moved the last day later,
 * it stores the new deadline and leaves the petition returned (storeLaterCure). Only the petitions
 * about to lapse are counted again, with one calendar read per province and years per run.
 * Exactly once per petition even when two runs overlap: every write is conditional on the version
 * read, so of two runs (or a run and a resubmission at the last minute) one wins and the other
 * skips the petition. A calendar with no open day for a year (NoOpenDayError, a conflict) leaves
 * the petition returned and skipped: Article 444 waits for the offices to reopen. Any other
 * failure fails the run, after every other petition was judged.
 */
export async function runCureLapses(
  deps: LapseDeps,
): Promise<{ moved: string[]; postponed: string[]; skipped: number }> {
  const now = deps.clock.now();
  const calendars = { workCalendar: memoised(deps.calendars) };
  const moved: string[] = [];
  const kept: string[] = [];
  const failures: unknown[] = [];
  let skipped = 0;
  for (let back = LAPSE_CATCH_UP_DAYS; back >= 0; back--) {
    const day = new Date(now.getTime() - back * DAY_MS).toISOString().slice(0, 10);
    for (const petition of await deps.petitions.curesEndingOn(day, now.toISOString())) {
      if (!isCureLapsed(petition, now) || !petition.cureDeadline) continue;
      try {
        const cureDeadline = await deadlineNow({ calendars }, petition, 'cure', petition.cureDeadline, now);
        const current = cureDeadline === petition.cureDeadline ? petition : { ...petition, cureDeadline };
        if (!isCureLapsed(current, now)) {
          await storeLaterCure(deps, petition, cureDeadline, now);
          kept.push(petition.petitionId);
          continue;
        }
        const next = lapsed(current, now);
        await deps.petitions.save(
          next,
          petition.version,
          courtStepCounters(current, next, now).map((c) => ({ officeCode: petition.officeCode, ...c })),
          eventsOfTransition(current, next, deps.ids.eventId(), now),
        );
        moved.push(petition.petitionId);
      } catch (error) {
        // One petition that fails (a calendar read that outlasted the retries, a stored item the
        // recount cannot read) stops no other: every petition of every province is tried, and the
        // run then fails, so the scheduler retries it and the dead-letter queue's alarm calls.
        if (!(error instanceof ConflictError)) failures.push(error);
        else skipped++;
      }
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, `${failures.length} petitions could not be judged; the others were`);
  }
  return { moved, postponed: kept, skipped };
}

/** One read of a province's calendar for given years per run, however many of its petitions lapse. */
function memoised(calendars: Pick<CalendarRepository, 'workCalendar'>): CalendarRepository['workCalendar'] {
  const read = new Map<string, Promise<WorkCalendar>>();
  return (provinceCode: ProvinceCode, years: readonly number[]) => {
    const key = `${provinceCode}#${years.join(',')}`;
    let calendar = read.get(key);
    if (!calendar) {
      calendar = calendars.workCalendar(provinceCode, years);
      // A failed read is tried again by the next petition, not remembered.
      calendar.catch(() => read.delete(key));
      read.set(key, calendar);
    }
    return calendar;
  };
}
