import type { Deadline, Petition, PetitionStatus } from './petition';
import type { ReviewReason } from './routing';

/**
 * What a province administrator must look at, listed in the province's report (issue 13):
 * - a petition whose running legal period (a cure period, an objection window) was computed without
 *   a year's lunar holidays, because they are not loaded yet: its last day may still move;
 * - a petition routed to the province's fallback court for want of a court of its kind, until an
 *   administrator reassigns it or confirms the court.
 */
export const ATTENTION_REASONS = ['provisional-deadline', 'flagged-for-review'] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** Statuses in which a court still holds the petition and its routing can be changed. */
const ROUTING_OPEN: readonly PetitionStatus[] = ['submitted', 'dispatched', 'returned', 'rejection-due'];

/** One petition of the province's list; no party's name or ID, as every report. */
export interface AttentionEntry {
  petitionId: string;
  officeCode: string;
  courtCode: string | null;
  status: PetitionStatus;
  reasons: AttentionReason[];
  /** The provisional period: which one, and its last day as computed so far. */
  provisionalDeadline?: Deadline & { period: 'cure' | 'objection' };
  reviewReason?: ReviewReason;
  /** The petition's last change. */
  updatedAt: string;
}

/** The period the petition's status keeps running, if any. */
function runningPeriod(petition: Petition): AttentionEntry['provisionalDeadline'] {
  if ((petition.status === 'returned' || petition.status === 'rejection-due') && petition.cureDeadline) {
    return { period: 'cure', ...petition.cureDeadline };
  }
  if (petition.status === 'rejected' && petition.rejection) {
    return { period: 'objection', ...petition.rejection.objectionDeadline };
  }
  return undefined;
}

/** Why the province must look at this petition now; empty when it need not. */
export function attentionReasons(petition: Petition): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (runningPeriod(petition)?.provisional) reasons.push('provisional-deadline');
  if (petition.court?.flaggedForReview && ROUTING_OPEN.includes(petition.status)) reasons.push('flagged-for-review');
  return reasons;
}

/** The petition as the province's list shows it, or undefined when it needs no attention. */
export function attentionEntry(petition: Petition): AttentionEntry | undefined {
  const reasons = attentionReasons(petition);
  if (reasons.length === 0) return undefined;
  const period = runningPeriod(petition);
  return {
    petitionId: petition.petitionId,
    officeCode: petition.officeCode,
    courtCode: petition.court?.courtCode ?? null,
    status: petition.status,
    reasons,
    ...(period?.provisional ? { provisionalDeadline: period } : {}),
    ...(reasons.includes('flagged-for-review') && petition.court?.reviewReason
      ? { reviewReason: petition.court.reviewReason }
      : {}),
    updatedAt: petition.updatedAt,
  };
}

/**
 * Whether a listed petition still belongs on the list at `now`. A provisional cure period stays
 * listed while the petition is returned or rejection-due, even after its last day: a lunar holiday
 * loaded later may show that the period lapsed a day too early, and the court should know before
 * it rejects. An objection window drops off once it has ended: the rejection order stands either way.
 */
export function stillNeedsAttention(entry: AttentionEntry, now: Date): boolean {
  if (entry.reasons.includes('flagged-for-review')) return true;
  const period = entry.provisionalDeadline;
  return period !== undefined && (period.period === 'cure' || new Date(period.endsAt) > now);
}
