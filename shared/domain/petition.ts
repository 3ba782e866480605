import * as fieldTexts from '../i18n/field-messages';
import { fieldText } from '../i18n/field-text';
import * as problemTexts from '../i18n/problem-texts';
import type { CourtKind } from './court';
import { DEFECT_CODES, type DefectCode } from './defects';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import type { FeeQuote, FeeStage } from './fees';
import type { ProvinceCode } from './provinces';
import { isOfficeStaff, OFFICE_ROLES, type Principal, type Role } from './roles';
import type { ReviewReason, RoutingRuleId } from './routing';

export const PETITION_KINDS = [
  'civil-petition',
  'criminal-complaint',
  'request',
  'appeal',
  'written-statement',
] as const;
export type PetitionKind = (typeof PETITION_KINDS)[number];

export const PETITION_STATUSES = [
  'draft',
  'submitted',
  'dispatched',
  'registered',
  'returned',
  'rejection-due',
  'rejected',
  'withdrawn',
] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

export const PARTY_ROLES = ['claimant', 'defendant'] as const;

export interface PersonParty {
  type: 'person';
  role: (typeof PARTY_ROLES)[number];
  nationalId: string;
  firstName: string;
  lastName: string;
  fatherName: string;
  mobile?: string;
}

export interface LegalEntityParty {
  type: 'legal-entity';
  role: (typeof PARTY_ROLES)[number];
  nationalId: string;
  name: string;
}

export type Party = PersonParty | LegalEntityParty;

export const DOCUMENT_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface PetitionDocument {
  documentId: string;
  kind: string;
  fileName: string;
  contentType: string;
  size: number;
  /** Lower-case hex, as declared by the client. */
  sha256: string;
  status: DocumentStatus;
  /** Why verification rejected the stored object. */
  reason?: string;
  declaredAt: string;
  verifiedAt?: string;
  /** Attachment pages, as declared (the office tariff counts them); items stored before fees read as 1. */
  pages?: number;
}

/**
 * An indigency claim (اعسار از هزینه دادرسی) a clerk records on a petition: the court fee is then
 * not asked for before submission, and the court decides the claim. Granted, the fee stays
 * deferred; rejected, it is due like any other difference.
 */
export const INDIGENCY_STATUSES = ['claimed', 'granted', 'rejected'] as const;
export type IndigencyStatus = (typeof INDIGENCY_STATUSES)[number];

export interface IndigencyClaim {
  status: IndigencyStatus;
  claimedAt: string;
  decidedAt?: string;
  /** The court's note on its decision. */
  note?: string;
}

export interface HistoryEntry {
  at: string;
  by: { userId: string; role: Role | 'system' };
  action: HistoryAction;
  from: PetitionStatus | null;
  to: PetitionStatus;
  note?: string;
  caseNumber?: string;
  documentId?: string;
  /** A return's coded defects; a rejection's reason. */
  defects?: DefectCode[];
  reason?: RejectionReason;
  /** Routing and reassignment: the court the petition went to, and the one it left. */
  courtCode?: string;
  previousCourtCode?: string;
}

/** Why a court office rejects a petition: the cure period lapsed (Article 54), or another order of the court. */
export const REJECTION_REASONS = ['cure-period-lapsed', 'court-order'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** A legal period's end as a petition keeps it (shared/domain/legal-periods.ts computes it). */
export interface Deadline {
  /** The last day to act, Solar Hijri `YYYY-MM-DD`, Tehran. */
  lastDay: string;
  /** The end of that day in Tehran (exclusive), ISO 8601. */
  endsAt: string;
  /** Computed without the lunar holidays of a year not loaded yet: it may still move later. */
  provisional: boolean;
}

/**
 * One entry of the petitioner's electronic notice record: a paper the court office serves. Its
 * posting to the record is its service (the 1395 electronic-service regulation): the period it
 * starts runs from `servedAt`. This is the petition's own copy of the orders served on it; each party's
 * service record (SMS delivery, their views, an office's prints) is the electronic notice record
 * (shared/domain/e-notices.ts), posted in the same transaction from the order's event.
 */
export interface NoticeRecordEntry {
  noticeId: string;
  kind: 'defect-notice' | 'rejection-order';
  postedAt: string;
  servedAt: string;
  /** The period the notice starts: the cure period, or the objection window. */
  deadline: Deadline;
  defects?: DefectCode[];
  reason?: RejectionReason;
  note?: string;
}

/** The case a petition refers to: a written statement goes to its court; an appeal names the judgment's case. */
export interface CaseReference {
  courtCode: string;
  caseNumber: string;
}

/** The court that holds a submitted petition, and how it got there. */
export interface CourtAssignment {
  courtCode: string;
  /** The court's Persian name when it was assigned. */
  name: string;
  kind: CourtKind;
  /** The court's province: its closed days count for the petition's legal periods. */
  provinceCode: ProvinceCode;
  /** When the petition reached this court: on submission, or by a reassignment. */
  assignedAt: string;
  /** The routing rule that sent it (shared/domain/routing.ts), or a province administrator's reassignment. */
  rule: RoutingRuleId | 'reassignment';
  /** Routed to the province's fallback because no court of the needed kind was found: for review. */
  flaggedForReview: boolean;
  reviewReason?: ReviewReason;
}

export interface Petition {
  petitionId: string;
  officeCode: string;
  officeName: string;
  /**
   * The office's province when the draft was made: what a province administrator's reach is
   * checked against. Absent only on petitions stored before provinces had codes, until
   * scripts/backfill.ts adds it; until then no province administrator sees them.
   */
  provinceCode?: ProvinceCode;
  kind: PetitionKind;
  subject: string;
  description: string;
  claimAmountRials?: string;
  /** Fees: the stage the court fee is for (by kind when absent), the judgment appealed, a non-monetary claim's category. */
  stage?: FeeStage;
  judgmentAmountRials?: string;
  nonMonetaryCategory?: string;
  parties: Party[];
  /** The case a written statement or an appeal refers to. */
  caseReference?: CaseReference;
  documents: PetitionDocument[];
  /** The current fee quote, pinned to its schedule version; absent on petitions stored before fees. */
  quote?: FeeQuote;
  indigency?: IndigencyClaim;
  status: PetitionStatus;
  /** The court holding the petition, from its first submission on (routing, then reassignments). */
  court?: CourtAssignment;
  /** While returned (and rejection-due): the coded defects to cure and the cure period's end. */
  defects?: DefectCode[];
  cureDeadline?: Deadline;
  /** Once rejected: the order's reason, its service and the objection window's end. */
  rejection?: { reason: RejectionReason; servedAt: string; objectionDeadline: Deadline };
  /** The petitioner's electronic notice record: defect notices and rejection orders, oldest first. */
  notices?: NoticeRecordEntry[];
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  /** First submission: the instant the petition is counted at, and its Solar Hijri month. */
  submittedAt?: string;
  month?: string;
  trackingCode?: string;
  /** The Idempotency-Key of the submission, so a retry finds its own answer even without the idempotency record. */
  submissionKey?: string;
  caseNumber?: string;
  history: HistoryEntry[];
}

export const TRANSITION_ACTIONS = [
  'dispatch',
  'register',
  'return',
  'reject',
  'reinstate',
  'resubmit',
  'withdraw',
] as const;
export type PetitionAction = (typeof TRANSITION_ACTIONS)[number];

/** Everything the history records: life-cycle steps and what the office did to the file. */
export const HISTORY_ACTIONS = [
  ...TRANSITION_ACTIONS,
  'create',
  'submit',
  'route',
  'reassign',
  'lapse',
  'declare-documents',
  'remove-document',
  'download',
  'update',
  'claim-indigency',
  'grant-indigency',
  'reject-indigency',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

interface TransitionRule {
  by: readonly Role[];
  from: readonly PetitionStatus[];
  to: PetitionStatus;
  needs?: 'note' | 'caseNumber' | 'defects';
}

const COURT: readonly Role[] = ['court'];

/** The life cycle: who may take which step from where. Submission has its own, idempotent route. */
export const TRANSITIONS: Record<PetitionAction, TransitionRule> = {
  dispatch: { by: COURT, from: ['submitted'], to: 'dispatched' },
  register: { by: COURT, from: ['dispatched'], to: 'registered', needs: 'caseNumber' },
  return: { by: COURT, from: ['submitted', 'dispatched'], to: 'returned', needs: 'defects' },
  // From rejection-due the reason is the lapsed cure period; from submitted or dispatched an order needs a note.
  reject: { by: COURT, from: ['submitted', 'dispatched', 'rejection-due'], to: 'rejected' },
  // Within the objection window the court takes the petition back (Article 54), history kept.
  reinstate: { by: COURT, from: ['rejected'], to: 'submitted' },
  resubmit: { by: OFFICE_ROLES, from: ['returned'], to: 'submitted' },
  withdraw: { by: OFFICE_ROLES, from: ['draft', 'submitted', 'dispatched', 'returned'], to: 'withdrawn' },
};

export function actionsFor(role: Role, status?: PetitionStatus): PetitionAction[] {
  return TRANSITION_ACTIONS.filter((action) => {
    const rule = TRANSITIONS[action];
    return rule.by.includes(role) && (status === undefined || rule.from.includes(status));
  });
}

/**
 * Office staff see only their office's petitions, a court only those it holds. A petition out of
 * reach answers exactly like a missing one, so ids cannot be probed.
 */
export function assertVisible(petition: Petition | undefined, principal: Principal): asserts petition is Petition {
  if (!petition || !isVisibleTo(petition, principal)) throw new NotFoundError('petition');
}

/**
 * A draft is the office's own work until it is submitted: no court sees it. A court sees the
 * petitions it holds; a province administrator their province's; the national administrator reads
 * reports, never petitions.
 */
export function isVisibleTo(
  petition: Pick<Petition, 'officeCode' | 'status' | 'provinceCode' | 'court'>,
  principal: Principal,
): boolean {
  switch (principal.kind) {
    case 'office':
      return petition.officeCode === principal.officeCode;
    case 'province':
      return petition.provinceCode === principal.provinceCode;
    case 'national':
      return false;
    case 'court':
      return petition.status !== 'draft' && petition.court?.courtCode === principal.courtCode;
  }
}

export function assertEditableByOffice(petition: Petition, principal: Principal): void {
  if (!isOfficeStaff(principal) || petition.officeCode !== principal.officeCode) throw new NotFoundError('petition');
}

/**
 * A returned petition's claimants stay who and where they are: each keeps its national ID and the
 * claimant's role in its place among the parties. The defect notice was served on them, and
 * Article 51's first clause (the claimant) is no curable defect (domain/defects.ts): a cure cannot
 * change who petitions; another claimant files a petition of their own. Their place matters too:
 * the notice record and the SMS claims name a party by its index (domain/e-notices.ts), so a claimant
 * moved would leave its served notice to whoever took its place. The other parties may be corrected,
 * and parties added after them; a draft's parties change freely.
 */
export function assertClaimantsKept(petition: Pick<Petition, 'status' | 'parties'>, parties: readonly Party[]): void {
  if (petition.status !== 'returned') return;
  const displaced = petition.parties.some(
    (party, index) =>
      party.role === 'claimant' &&
      (parties[index]?.role !== 'claimant' || parties[index]?.nationalId !== party.nationalId),
  );
  if (displaced) throw new ConflictError(problemTexts.claimantServed);
}

export interface TransitionRequest {
  action: PetitionAction;
  note?: string;
  caseNumber?: string;
  defects?: DefectCode[];
  reason?: RejectionReason;
  expectedVersion: number;
}

/** Checks role, state, version and required fields, then returns the petition after the step. */
export function applyTransition(
  petition: Petition,
  request: TransitionRequest,
  principal: Principal,
  now: Date,
): Petition {
  const rule = TRANSITIONS[request.action];
  const { role } = principal;
  // Bad input first. A field of another action is refused by name, not dropped: a court that
  // sends a case number with `dispatch` believes it registered the case.
  const unused = (Object.keys(ACTION_OF_FIELD) as Array<keyof typeof ACTION_OF_FIELD>).filter(
    (field) => request[field] !== undefined && ACTION_OF_FIELD[field] !== request.action,
  );
  if (unused.length > 0) {
    throw new ValidationError(
      unused.map((field) => ({
        field: `body.${field}`,
        code: 'not_for_action',
        messages: fieldText(fieldTexts.notForThisAction, { action: request.action }),
      })),
    );
  }
  if (!rule.by.includes(role)) throw new ForbiddenError({ allowed: actionsFor(role, petition.status).join(',') });
  if (request.expectedVersion !== petition.version)
    throw new ConflictError(problemTexts.petitionChanged, { expected: request.expectedVersion });
  if (!rule.from.includes(petition.status)) {
    throw new ConflictError(problemTexts.transitionNotAllowed, {
      action: request.action,
      from: petition.status,
      allowed: actionsFor(role, petition.status).join(','),
    });
  }
  const needs = request.action === 'reject' && petition.status !== 'rejection-due' ? 'note' : rule.needs;
  if (needs && (!request[needs] || (needs === 'defects' && request.defects?.length === 0))) {
    throw new ValidationError([{ field: `body.${needs}`, code: 'required', messages: REQUIRED_MESSAGES[needs] }]);
  }
  const reason = request.action === 'reject' ? rejectionReasonOf(petition) : undefined;
  if (request.reason !== undefined && request.reason !== reason) {
    throw new ConflictError(problemTexts.transitionNotAllowed, {
      action: `${request.action}:${request.reason}`,
      from: petition.status,
      allowed: actionsFor(role, petition.status).join(','),
    });
  }
  const at = now.toISOString();
  return {
    ...petition,
    status: rule.to,
    ...(request.action === 'register' ? { caseNumber: request.caseNumber } : {}),
    version: petition.version + 1,
    updatedAt: at,
    history: [
      ...petition.history,
      {
        at,
        by: { userId: principal.userId, role },
        action: request.action,
        from: petition.status,
        to: rule.to,
        ...(request.note ? { note: request.note } : {}),
        ...(request.action === 'register' ? { caseNumber: request.caseNumber } : {}),
        ...(request.action === 'return' ? { defects: orderedDefects(request.defects ?? []) } : {}),
        ...(reason ? { reason } : {}),
      },
    ],
  };
}

/** A rejection from rejection-due is for the lapsed cure period; any other is an order of the court. */
export function rejectionReasonOf(petition: Pick<Petition, 'status'>): RejectionReason {
  return petition.status === 'rejection-due' ? 'cure-period-lapsed' : 'court-order';
}

/** Defect codes once each, in the order of the law. */
export function orderedDefects(codes: readonly DefectCode[]): DefectCode[] {
  return DEFECT_CODES.filter((code) => codes.includes(code));
}

/** The one action each action-specific field of a transition belongs to (a note goes with any). */
const ACTION_OF_FIELD = { caseNumber: 'register', defects: 'return', reason: 'reject' } as const satisfies Partial<
  Record<keyof TransitionRequest, PetitionAction>
>;

const REQUIRED_MESSAGES = {
  note: fieldText(fieldTexts.noteRequired),
  caseNumber: fieldText(fieldTexts.caseNumberRequired),
  defects: fieldText(fieldTexts.defectsRequired),
};

/** Documents that block submission: declared but not (yet) verified. */
export function unverifiedDocuments(petition: Petition): PetitionDocument[] {
  return petition.documents.filter((d) => d.status !== 'verified');
}
