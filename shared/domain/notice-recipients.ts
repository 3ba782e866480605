import { isCaseRegistered, type PetitionEvent, type PetitionEventType } from '../events/petition-events';
import type { Party, PetitionKind } from './petition';

/**
 * Who is told what, in one table. The rules come from the law and from issue 15:
 * - the claimant (the petitioner) hears of every change of their petition, but the office's own
 *   removal of a declared document, made with the petitioner at the counter;
 * - in a civil matter the defendant hears only once the court has registered the case, and from
 *   then on; before that the petition is the claimant's business, and may still be returned,
 *   withdrawn or rejected without the other side ever being involved;
 * - the accused in a criminal complaint is never told by this system: the prosecutor decides
 *   when and whether the accused learns of a complaint, and an early SMS could warn a suspect;
 * - a notice that the law serves (a defect notice, a rejection order) is also posted to the
 *   party's electronic notice record: its posting time is the service time the cure and
 *   objection periods count from (issue 13). A legal entity has no mobile here, so no SMS, but it
 *   still gets those electronic notices.
 */

export const NOTICE_CHANNELS = ['sms', 'e-notice'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** The side a party stands on, as notices see it: a criminal complaint's defendant is the accused. */
export type NoticeAudience = 'claimant' | 'defendant' | 'accused';

interface NoticeRule {
  claimant: readonly NoticeChannel[];
  /** A civil defendant, and only once the case is registered (the registration event included). */
  defendant: readonly NoticeChannel[];
  /** Always empty: kept as a column so the rule is read in the table, not inferred from code. */
  accused: readonly [];
}

const SMS = ['sms'] as const;
const SERVED = ['sms', 'e-notice'] as const;
const NONE = [] as const;

export const NOTICE_TABLE: Record<PetitionEventType, NoticeRule> = {
  submitted: { claimant: SMS, defendant: NONE, accused: NONE },
  routed: { claimant: SMS, defendant: NONE, accused: NONE },
  // A registered case moving to another court changes where the defendant must appear.
  reassigned: { claimant: SMS, defendant: SMS, accused: NONE },
  dispatched: { claimant: SMS, defendant: NONE, accused: NONE },
  registered: { claimant: SMS, defendant: SMS, accused: NONE },
  // The defect notice and the rejection order are served: SMS and the electronic notice record.
  returned: { claimant: SERVED, defendant: NONE, accused: NONE },
  'rejection-due': { claimant: SMS, defendant: NONE, accused: NONE },
  rejected: { claimant: SERVED, defendant: SMS, accused: NONE },
  reinstated: { claimant: SMS, defendant: SMS, accused: NONE },
  withdrawn: { claimant: SMS, defendant: SMS, accused: NONE },
  // The claimant's own papers and payments are no business of the other side, even after registration.
  'document-rejected': { claimant: SMS, defendant: NONE, accused: NONE },
  // The office's own correction of a draft or a returned petition, made with the petitioner there.
  'document-removed': { claimant: NONE, defendant: NONE, accused: NONE },
  'payment-verified': { claimant: SMS, defendant: NONE, accused: NONE },
  // The party who must act learns the later last day; the law serves nothing new (Article 444 moves
  // the day itself), so no electronic notice.
  'deadline-moved': { claimant: SMS, defendant: NONE, accused: NONE },
};

/** What the recipient rules need of a party: never its name, national ID or number. */
export interface NoticeParty {
  role: Party['role'];
  type: Party['type'];
  hasMobile: boolean;
}

export interface NoticeRecipient {
  /** Index into the petition's `parties`: the sender resolves the number there, at sending time. */
  partyIndex: number;
  role: Party['role'];
  audience: Exclude<NoticeAudience, 'accused'>;
  channels: NoticeChannel[];
}

export function noticePartiesOf(parties: readonly Party[]): NoticeParty[] {
  return parties.map((party) => ({
    role: party.role,
    type: party.type,
    hasMobile: party.type === 'person' && typeof party.mobile === 'string' && party.mobile.length > 0,
  }));
}

export function audienceOf(kind: PetitionKind, role: Party['role']): NoticeAudience {
  if (role === 'claimant') return 'claimant';
  return kind === 'criminal-complaint' ? 'accused' : 'defendant';
}

/**
 * Whether this system tells a party on this side anything of the petition now: never a side whose
 * column of the table is empty for every change (the accused), a civil defendant only once the
 * case is registered, the claimant always. The notices and the citizen routes
 * (domain/citizen-access.ts) both ask this, so a party the notices never tell is shown nothing.
 */
export function isTold(audience: NoticeAudience, caseRegistered: boolean): boolean {
  const everTold = Object.values(NOTICE_TABLE).some((rule) => rule[audience].length > 0);
  return everTold && (audience !== 'defendant' || caseRegistered);
}

/**
 * The recipients of one event, each with the channels they get. A party with no channel left
 * (a legal entity for an SMS-only change, a defendant before registration, the accused) is absent.
 */
export function noticeRecipients(
  event: Pick<PetitionEvent, 'type' | 'kind' | 'caseNumber'>,
  parties: readonly NoticeParty[],
): NoticeRecipient[] {
  const rule = NOTICE_TABLE[event.type];
  const recipients: NoticeRecipient[] = [];
  parties.forEach((party, partyIndex) => {
    const audience = audienceOf(event.kind, party.role);
    if (audience === 'accused' || !isTold(audience, isCaseRegistered(event))) return;
    const channels = rule[audience].filter(
      (channel) => channel !== 'sms' || (party.type === 'person' && party.hasMobile),
    );
    if (channels.length > 0) recipients.push({ partyIndex, role: party.role, audience, channels });
  });
  return recipients;
}
