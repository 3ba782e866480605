import { noticeIdOf } from '../domain/e-notices';
import { noticePartiesOf } from '../domain/notice-recipients';
import type { Party } from '../domain/petition';
import { maskMobile, planSms, type SmsAudience, smsOfficeLabel, UnsafeSmsTextError } from '../domain/sms';
import { type DeliveryReport, type SmsFailureKind, type SmsPort, SmsProviderError } from '../domain/sms-port';
import type { PetitionEvent, PetitionEventType } from '../events/petition-events';
import type { Clock } from '../ports';

/**
 * SMS notices of petition events (issue 15): who is told comes from the notice table, what they
 * read from the Persian templates, when from quiet hours (shared/domain/sms.ts). Each recipient of
 * an event gets its SMS exactly once: the notice is recorded once per event and party (a
 * conditional write), claimed before each try, and sent with a local id the provider deduplicates
 * on, so neither a retried event nor a retried try sends a second copy.
 */

export type SmsNoticeState = 'due' | 'sending' | 'sent' | 'failed';

/** One SMS of one event to one party. Holds no number and no name: the number is read at sending time. */
export interface SmsNotice {
  eventId: string;
  eventType: PetitionEventType;
  petitionId: string;
  /** Index into the petition's parties. */
  partyIndex: number;
  audience: SmsAudience;
  /** The provider's local id (`smsLocalId`): the same on every try. */
  localId: string;
  text: string;
  /** Not before this instant, ISO 8601 (quiet hours). */
  sendAt: string;
  state: SmsNoticeState;
  /** Tries so far (each claim counts one). */
  attempts: number;
  createdAt: string;
  sentAt?: string;
  providerMessageId?: string;
  /** Why the last try failed: `<kind>:<provider code>`. */
  failure?: string;
}

export interface NoticeSources {
  /** The petition's parties as stored now, read only; undefined for an unknown petition. */
  parties(petitionId: string): Promise<readonly Party[] | undefined>;
  /** The registry's short name of an office, when it has one. */
  officeShortName(officeCode: string): Promise<string | undefined>;
}

export interface SmsNoticeStore {
  /** Records a notice unless its event and party already have one; answers with the one stored. */
  record(notice: SmsNotice): Promise<{ created: boolean; notice: SmsNotice }>;
  /**
   * Takes a notice for one try: only one that is due at `now`, or one whose try began before
   * `staleBefore` and never finished (a crashed or timed-out sender). Undefined when there is
   * nothing to do (sent, failed, claimed by another try, or not yet time).
   */
  claim(eventId: string, partyIndex: number, now: Date, staleBefore: Date): Promise<SmsNotice | undefined>;
  markSent(eventId: string, partyIndex: number, sent: { providerMessageId: string; at: Date }): Promise<void>;
  /** After a failed try: due again (the dispatcher tries later), or failed for good when `final`. */
  release(eventId: string, partyIndex: number, failure: string, final: boolean): Promise<void>;
  /** Notices due at `now` (oldest first, at most `limit`). */
  due(now: Date, limit: number): Promise<Array<{ eventId: string; partyIndex: number }>>;
}

/** What a delivery report did: recorded, already known (or after a final state), or for no message of ours. */
export type DeliveryRecording = 'recorded' | 'unchanged' | 'unknown';

/** A delivery recorded for the first time: which SMS it was, so that its served notice can note it. */
export interface FirstDelivery {
  petitionId: string;
  eventId: string;
  partyIndex: number;
  at: string;
}

export interface DeliveryReportStore {
  /** Records a provider's report on the notice its message id belongs to. */
  recordDelivery(
    report: DeliveryReport,
    receivedAt: Date,
  ): Promise<{ recording: DeliveryRecording; delivered?: FirstDelivery }>;
}

/** The electronic notice record's side of a delivery: the SMS about a served notice reached the party. */
export interface SmsDeliveryOnNotices {
  recordSmsDelivery(petitionId: string, noticeId: string, at: string): Promise<void>;
}

/**
 * The provider's delivery reports (the webhook, whose signature the HTTP edge has verified). Each
 * report is recorded on its notice at most once per state, and a final state (delivered, failed…)
 * is kept against later or repeated reports, so the provider may send them at least once, in any
 * order. A report for a message we never sent is counted, not an error: the provider must not
 * retry it for a day.
 */
export async function recordDeliveryReports(
  deps: { reports: DeliveryReportStore; eNotices: SmsDeliveryOnNotices; clock: Clock },
  reports: readonly DeliveryReport[],
): Promise<Record<DeliveryRecording, number>> {
  const counts: Record<DeliveryRecording, number> = { recorded: 0, unchanged: 0, unknown: 0 };
  const receivedAt = deps.clock.now();
  for (const report of reports) {
    const { recording, delivered } = await deps.reports.recordDelivery(notAfter(report, receivedAt), receivedAt);
    counts[recording] += 1;
    // Only an SMS about a served notice has a record to note it on; for others this changes nothing.
    if (delivered)
      await deps.eNotices.recordSmsDelivery(
        delivered.petitionId,
        noticeIdOf(delivered.eventId, delivered.partyIndex),
        delivered.at,
      );
  }
  return counts;
}

/**
 * A report dated after it reached us is clamped to when it reached us, whether by a few minutes of
 * skew or by more: clamped, not refused. Nothing is observed after it is reported, so such a time
 * says the provider's clock is ahead; the state is still true, and the arrival is the nearest time
 * known to be no earlier than it. Refusing (4xx) would be wrong: the provider retries the whole
 * batch, up to 500 reports, for 24 hours with the same times, and every state in it would be lost.
 */
function notAfter(report: DeliveryReport, receivedAt: Date): DeliveryReport {
  return report.at !== undefined && Date.parse(report.at) > receivedAt.getTime()
    ? { ...report, at: receivedAt.toISOString() }
    : report;
}

export interface NoticeDeps {
  sources: NoticeSources;
  notices: SmsNoticeStore;
  sms: SmsPort;
  clock: Clock;
}

/** A try that began this long ago and never finished is taken to have died: Lambda's 15 minutes and more. */
export const CLAIM_LEASE_MS = 20 * 60_000;
/** Tries before a notice is given up on: six hours of the dispatcher's quarter-hourly runs. */
export const MAX_SEND_ATTEMPTS = 24;

export type SmsOutcome =
  | { partyIndex: number; outcome: 'sent'; to: string }
  | { partyIndex: number; outcome: 'delayed'; sendAt: string }
  | { partyIndex: number; outcome: 'nothing-to-do' }
  | { partyIndex: number; outcome: 'retry' | 'failed'; kind: SmsFailureKind | 'no-mobile'; to?: string };

type PartiesCache = Map<string, Promise<readonly Party[] | undefined>>;

/** What the notifier did for one event; numbers only ever appear masked (`09*****4567`). */
export interface NotifyResult {
  eventId: string;
  petitionFound: boolean;
  outcomes: SmsOutcome[];
}

/**
 * Handles one petition event: records one SMS notice per recipient the notice table names, and
 * sends those not in quiet hours now. Run again with the same event, it records nothing new and
 * sends only what is still due (a try that failed), so a retried consumer never duplicates.
 */
export async function notifyParties(deps: NoticeDeps, event: PetitionEvent): Promise<NotifyResult> {
  const parties = await deps.sources.parties(event.petitionId);
  // The event was written in the petition's own transaction, so the petition exists; an event
  // replayed long after a test petition was cleaned away has no one to tell.
  if (!parties) return { eventId: event.eventId, petitionFound: false, outcomes: [] };
  const shortName = await deps.sources.officeShortName(event.officeCode);
  const label = smsOfficeLabel({ officeCode: event.officeCode, ...(shortName ? { shortName } : {}) });
  const now = deps.clock.now();
  const planned = planSms(event, noticePartiesOf(parties), label, now);

  const cache: PartiesCache = new Map([[event.petitionId, Promise.resolve(parties)]]);
  const outcomes: SmsOutcome[] = [];
  for (const sms of planned) {
    const { notice } = await deps.notices.record({
      eventId: event.eventId,
      eventType: event.type,
      petitionId: event.petitionId,
      partyIndex: sms.partyIndex,
      audience: sms.audience,
      localId: sms.localId,
      text: sms.text,
      sendAt: sms.sendAt.toISOString(),
      state: 'due',
      attempts: 0,
      createdAt: now.toISOString(),
    });
    // The first record wins: a retry in the morning keeps the night's planned time, and so sends now.
    if (notice.state === 'due' && Date.parse(notice.sendAt) > now.getTime()) {
      outcomes.push({ partyIndex: sms.partyIndex, outcome: 'delayed', sendAt: notice.sendAt });
      continue;
    }
    outcomes.push(await deliver(deps, event.eventId, sms.partyIndex, cache));
  }
  return { eventId: event.eventId, petitionFound: true, outcomes };
}

export interface DispatchResult {
  outcomes: SmsOutcome[];
  /** Due notices left for the next run (the run stopped for time). */
  left: number;
}

/**
 * Sends the notices that have come due: those held over quiet hours, and those whose try failed.
 * Each is claimed first, so two overlapping runs (or a run and the notifier) never both send one.
 */
export async function dispatchDueSms(
  deps: NoticeDeps,
  options: { limit: number; outOfTime?: () => boolean },
): Promise<DispatchResult> {
  const due = await deps.notices.due(deps.clock.now(), options.limit);
  const cache: PartiesCache = new Map();
  const outcomes: SmsOutcome[] = [];
  for (const [i, notice] of due.entries()) {
    if (options.outOfTime?.()) return { outcomes, left: due.length - i };
    outcomes.push(await deliver(deps, notice.eventId, notice.partyIndex, cache));
  }
  return { outcomes, left: 0 };
}

/** One try at one notice: claim, look the number up, send, record. */
async function deliver(
  deps: NoticeDeps,
  eventId: string,
  partyIndex: number,
  cache: PartiesCache,
): Promise<SmsOutcome> {
  const now = deps.clock.now();
  const notice = await deps.notices.claim(eventId, partyIndex, now, new Date(now.getTime() - CLAIM_LEASE_MS));
  if (!notice) return { partyIndex, outcome: 'nothing-to-do' };
  if (!cache.has(notice.petitionId)) cache.set(notice.petitionId, deps.sources.parties(notice.petitionId));
  const party = (await cache.get(notice.petitionId))?.[partyIndex];
  // The number as the petition has it now: a corrected number is used, a removed one ends the notice.
  const mobile = party?.type === 'person' ? party.mobile : undefined;
  if (!mobile) {
    await deps.notices.release(eventId, partyIndex, 'permanent:no-mobile', true);
    return { partyIndex, outcome: 'failed', kind: 'no-mobile' };
  }
  const to = maskMobile(mobile);
  try {
    const receipt = await deps.sms.send({ to: mobile, text: notice.text, localId: notice.localId });
    await deps.notices.markSent(eventId, partyIndex, { providerMessageId: receipt.providerMessageId, at: now });
    return { partyIndex, outcome: 'sent', to };
  } catch (error) {
    const kind: SmsFailureKind =
      error instanceof SmsProviderError ? error.kind : error instanceof UnsafeSmsTextError ? 'permanent' : 'retry';
    const code = error instanceof SmsProviderError ? error.providerCode : error instanceof Error ? error.name : 'error';
    const final = kind === 'permanent' || notice.attempts >= MAX_SEND_ATTEMPTS;
    await deps.notices.release(eventId, partyIndex, `${kind}:${code}`, final);
    return { partyIndex, outcome: final ? 'failed' : 'retry', kind, to };
  }
}
