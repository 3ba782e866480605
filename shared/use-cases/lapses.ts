import { courtStepCounters } from '../domain/counters';
import { isCureLapsed } from '../domain/court-orders';
import { ConflictError } from '../domain/errors';
import { isLapsed, type WorkCalendar } from '../domain/legal-periods';
import type { Deadline, Petition } from '../domain/petition';
import type { ProvinceCode } from '../domain/provinces';
import { formatDay, type SolarHijriDay, toGregorianIso } from '../domain/solar-hijri-days';
import { petitionEvent } from '../events/emit';
import type { CalendarRepository, Clock, IdGenerator, PetitionRepository } from '../ports';
import { deadlineNow, eventsOfTransition, periodProvinceOf, recountedDeadline } from './petitions';

export interface LapseDeps {
  petitions: Pick<PetitionRepository, 'curesEndingOn' | 'save'>;
  /** The work calendars a cure period is counted again on: before it lapses, or when a closure may move it. */
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
 * Stores a returned petition's later cure deadline (from recountedDeadline), which also moves it in
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
 * (deadlineNow): if a closure or a lunar holiday loaded since service moved the last day later (one
 * the calendar change did not already recount: a lunar calendar, a recount that failed), it stores
 * the new deadline and leaves the petition returned (storeLaterCure). Only the petitions about to
 * lapse are counted again, with one calendar read per province and years per run.
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
  const tally = newTally();
  for (let back = LAPSE_CATCH_UP_DAYS; back >= 0; back--) {
    const day = new Date(now.getTime() - back * DAY_MS).toISOString().slice(0, 10);
    const lapsing = (await deps.petitions.curesEndingOn(day, { before: now.toISOString() })).filter((petition) =>
      isCureLapsed(petition, now),
    );
    await judgeEach(lapsing, tally, async (petition) => {
      if (!petition.cureDeadline) return;
      const cureDeadline = await deadlineNow({ calendars }, petition, 'cure', petition.cureDeadline, now);
      const current = cureDeadline === petition.cureDeadline ? petition : { ...petition, cureDeadline };
      if (!isCureLapsed(current, now)) {
        await storeLaterCure(deps, petition, cureDeadline, now);
        kept.push(petition.petitionId);
        return;
      }
      const next = lapsed(current, now);
      await deps.petitions.save(
        next,
        petition.version,
        courtStepCounters(current, next, now).map((c) => ({ officeCode: petition.officeCode, ...c })),
        eventsOfTransition(current, next, deps.ids.eventId(), now),
      );
      moved.push(petition.petitionId);
    });
  }
  if (tally.failures.length > 0) {
    const count = tally.failures.length;
    throw new AggregateError(tally.failures, `${count} petitions could not be judged; the others were`);
  }
  return { moved, postponed: kept, skipped: tally.skipped };
}

/** What a calendar change closes: the province, the days it closes, and the change itself. */
export interface Closure {
  provinceCode: ProvinceCode;
  days: readonly SolarHijriDay[];
  /** The province's calendar with the change: read back, it could miss the change (eventually consistent). */
  apply: (calendar: WorkCalendar) => WorkCalendar;
}

export interface RecountOutcome {
  /** The petitions whose deadline moved later (each with its deadline-moved event). */
  moved: string[];
  /** A petition changed meanwhile, or a calendar without an open day: left to its next step or the lapse job. */
  skipped: number;
  /** Reads or writes that failed: those deadlines move when the lapse job counts them again. */
  failed: number;
}

/**
 * When a province closes days after service (a closure, a weekday closed), the cure periods of its
 * returned petitions whose stored last day is one of those days are counted again on the calendar
 * with the change, and each later deadline is stored at once (storeLaterCure): the petition, its
 * tracking and the court's inbox show it from now, and the petitioner is told. Only a period that
 * still runs is moved: one already over is the lapse job's, which counts it again before it lapses
 * it. Each day is one query of its gsi3 partition (the whole country's cures ending that day,
 * paged, filtered to the province), and the province's calendar is read once per years of service.
 * Never throws: the calendar change is stored already, and a failure here costs only the early
 * notice, since the lapse job counts every period again before it lapses it.
 */
export async function recountCuresClosedBy(deps: LapseDeps, closure: Closure): Promise<RecountOutcome> {
  const now = deps.clock.now();
  const { provinceCode } = closure;
  const changed: LapseDeps['calendars'] = {
    workCalendar: async (province, years) => {
      const calendar = await deps.calendars.workCalendar(province, years);
      return province === provinceCode ? closure.apply(calendar) : calendar;
    },
  };
  const calendars = { workCalendar: memoised(changed) };
  const moved: string[] = [];
  const tally = newTally();
  for (const day of closure.days) {
    const lastDay = formatDay(day);
    let returned: Petition[];
    try {
      returned = await deps.petitions.curesEndingOn(toGregorianIso(day), { provinceCode });
    } catch (error) {
      tally.failures.push(error);
      continue;
    }
    const closed = returned.filter(
      (petition) =>
        petition.status === 'returned' &&
        petition.cureDeadline?.lastDay === lastDay &&
        periodProvinceOf(petition) === provinceCode,
    );
    await judgeEach(closed, tally, async (petition) => {
      if (!petition.cureDeadline) return;
      const later = await recountedDeadline({ calendars }, petition, 'cure', petition.cureDeadline);
      if (later.lastDay === lastDay || isLapsed(later, now)) return;
      await storeLaterCure(deps, petition, later, now);
      moved.push(petition.petitionId);
    });
  }
  return { moved, skipped: tally.skipped, failed: tally.failures.length };
}

interface Tally {
  skipped: number;
  failures: unknown[];
}

const newTally = (): Tally => ({ skipped: 0, failures: [] });

/**
 * Acts on each petition in turn; one that fails stops no other. A ConflictError (the petition
 * changed since it was read, so someone acted first; a calendar without an open day) skips it;
 * any other failure (a read that outlasted the retries, a stored item the recount cannot read) is
 * kept for the caller.
 */
async function judgeEach(petitions: Petition[], tally: Tally, act: (petition: Petition) => Promise<void>) {
  for (const petition of petitions) {
    try {
      await act(petition);
    } catch (error) {
      if (error instanceof ConflictError) tally.skipped++;
      else tally.failures.push(error);
    }
  }
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
