import type { Deadline, PetitionEvent } from '../events/petition-events';
import type { DefectCode } from './defects';
import { type NoticeParty, noticeRecipients } from './notice-recipients';

/**
 * The electronic notice record (issue 15): what the law serves a party, kept per notice and party.
 * Under the judiciary's electronic-service regulation (1395), arrival in the party's electronic
 * account is service, so a notice's `servedAt` is the instant it was posted, and the cure and
 * objection periods count from it (Articles 53-54, 444-445). The record then collects what
 * happened to it: the SMS delivery the provider reported, the party's own views (through the
 * public notice route, which asks for their national ID and the tracking code, so a staff lookup
 * is never a view) and an office's prints. Prints and views never change the service time.
 *
 * A notice is posted in the same transaction as the change it serves (a return, a rejection
 * order), together with that change's event, so the record and the petition cannot disagree.
 */

export const E_NOTICE_KINDS = ['defect-notice', 'rejection-order'] as const;
export type ENoticeKind = (typeof E_NOTICE_KINDS)[number];

/** Where a party read a notice: the judiciary's web portal or its mobile app (the client says which). */
export const VIEW_CHANNELS = ['web', 'mobile-app'] as const;
export type ViewChannel = (typeof VIEW_CHANNELS)[number];

export type ENoticeContent =
  | { kind: 'defect-notice'; defects: DefectCode[]; cureDeadline: Deadline }
  | { kind: 'rejection-order'; reason: 'cure-period-lapsed' | 'court-order'; objectionDeadline: Deadline };

export interface ENotice {
  /** `<eventId>.<partyIndex>`: one notice per served change and party. */
  noticeId: string;
  petitionId: string;
  eventId: string;
  /** Index into the petition's parties (never a name or an ID). */
  partyIndex: number;
  courtCode: string;
  /** The service time: when the notice was posted to the party's electronic account. */
  servedAt: string;
  content: ENoticeContent;
  /** When the provider reported the SMS about this notice delivered. */
  smsDeliveredAt?: string;
  /** The party's first view, and through which channel; later views only count. */
  firstViewedAt?: string;
  firstViewChannel?: ViewChannel;
  lastViewedAt?: string;
  views: number;
  /** Each print at an office, logged; it does not serve the notice again. */
  prints: Array<{ at: string; officeCode: string }>;
}

export const noticeIdOf = (eventId: string, partyIndex: number) => `${eventId}.${partyIndex}`;

/**
 * The notices an event serves: one per party that the notice table gives the `e-notice` channel
 * (the claimant for a return and a rejection order; a legal entity too, which has no SMS). Events
 * the law does not serve give none.
 */
export function eNoticesOf(event: PetitionEvent, parties: readonly NoticeParty[]): ENotice[] {
  const content = contentOf(event);
  if (!content || !event.courtCode) return [];
  return noticeRecipients(event, parties)
    .filter((recipient) => recipient.channels.includes('e-notice'))
    .map((recipient) => ({
      noticeId: noticeIdOf(event.eventId, recipient.partyIndex),
      petitionId: event.petitionId,
      eventId: event.eventId,
      partyIndex: recipient.partyIndex,
      courtCode: event.courtCode as string,
      servedAt: servedAtOf(event) ?? event.occurredAt,
      content,
      views: 0,
      prints: [],
    }));
}

function contentOf(event: PetitionEvent): ENoticeContent | undefined {
  if (event.type === 'returned')
    return { kind: 'defect-notice', defects: [...event.data.defects], cureDeadline: event.data.cureDeadline };
  if (event.type === 'rejected')
    return { kind: 'rejection-order', reason: event.data.reason, objectionDeadline: event.data.objectionDeadline };
  return undefined;
}

function servedAtOf(event: PetitionEvent): string | undefined {
  return event.type === 'returned' || event.type === 'rejected' ? event.data.servedAt : undefined;
}
