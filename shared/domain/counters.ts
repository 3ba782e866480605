import type { Payee } from './fees';
import type { PetitionKind } from './petition';
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

export function returnCounters(at: Date): CounterChange[] {
  return periods(at).map((period) => ({ period, add: { returned: 1 } }));
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
