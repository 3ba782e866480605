import type { DefectCode } from './defects';
import type { Payee } from './fees';
import type { Petition, PetitionKind } from './petition';
import { solarHijriMonth, tehranGregorianMonth } from './solar-hijri';

/**
 * What the monthly reports read instead of the petitions: per office and month, in both calendars
 * (the province works in Solar Hijri months; Gregorian months are given on request).
 */
export interface CounterChange {
  period: string;
  /** Counts as numbers; rials as bigint (DynamoDB adds numbers of up to 38 digits exactly). */
  add: Record<string, number | bigint>;
}

const periods = (at: Date) => [`J#${solarHijriMonth(at)}`, `G#${tehranGregorianMonth(at)}`];

export const kindCounter = (kind: PetitionKind) => `kind:${kind}`;

export function submissionCounters(kind: PetitionKind, at: Date): CounterChange[] {
  return periods(at).map((period) => ({ period, add: { submitted: 1, [kindCounter(kind)]: 1 } }));
}

export function returnCounters(at: Date, defects: readonly DefectCode[] = []): CounterChange[] {
  const byDefect = Object.fromEntries(defects.map((code) => [defectCounter(code), 1]));
  return periods(at).map((period) => ({ period, add: { returned: 1, ...byDefect } }));
}

/** The counter of returns for one defect code: `returnedFor_unpaid-fees`. */
export const defectCounter = (code: DefectCode) => `returnedFor_${code}`;

/**
 * What a court's step counts for the office: returns (and each defect code), cures that lapsed,
 * and rejection orders (and of those, the ones for a lapsed cure period).
 */
export function courtStepCounters(
  before: Pick<Petition, 'status'>,
  after: Pick<Petition, 'status' | 'defects' | 'rejection'>,
  at: Date,
): CounterChange[] {
  if (after.status === 'returned' && before.status !== 'returned') return returnCounters(at, after.defects ?? []);
  if (after.status === 'rejection-due' && before.status === 'returned') {
    return periods(at).map((period) => ({ period, add: { cureLapsed: 1 } }));
  }
  if (after.status === 'rejected' && before.status !== 'rejected') {
    const lapsed: Record<string, number> =
      after.rejection?.reason === 'cure-period-lapsed' ? { rejectedCureLapsed: 1 } : {};
    return periods(at).map((period) => ({ period, add: { rejected: 1, ...lapsed } }));
  }
  return [];
}

export function ratingCounters(
  ratings: { courtesy: number; responsiveness: number; overall: number },
  at: Date,
): CounterChange[] {
  return periods(at).map((period) => ({
    period,
    add: {
      ratings: 1,
      courtesySum: ratings.courtesy,
      responsivenessSum: ratings.responsiveness,
      overallSum: ratings.overall,
    },
  }));
}

export function documentCounters(at: Date): CounterChange[] {
  return periods(at).map((period) => ({ period, add: { documentsVerified: 1 } }));
}

/** What an office collected for a payee: whole rials, counted when the gateway verified the payment. */
export const collectedCounter = (payee: Payee) => `collected:${payee}`;

export function collectedCounters(payee: Payee, amountRials: bigint, at: Date): CounterChange[] {
  return periods(at).map((period) => ({ period, add: { [collectedCounter(payee)]: amountRials } }));
}
