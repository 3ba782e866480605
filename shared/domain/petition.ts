import { fieldText } from '../i18n/messages';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import type { FeeQuote, FeeStage } from './fees';
import type { ProvinceCode } from './provinces';
import { isOfficeStaff, OFFICE_ROLES, type Principal, type Role } from './roles';

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
  documents: PetitionDocument[];
  /** The current fee quote, pinned to its schedule version; absent on petitions stored before fees. */
  quote?: FeeQuote;
  indigency?: IndigencyClaim;
  status: PetitionStatus;
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

export const TRANSITION_ACTIONS = ['dispatch', 'register', 'return', 'reject', 'resubmit', 'withdraw'] as const;
export type PetitionAction = (typeof TRANSITION_ACTIONS)[number];

/** Everything the history records: life-cycle steps and what the office did to the file. */
export const HISTORY_ACTIONS = [
  ...TRANSITION_ACTIONS,
  'create',
  'submit',
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
  needs?: 'note' | 'caseNumber';
}

const COURT: readonly Role[] = ['court'];

/** The life cycle: who may take which step from where. Submission has its own, idempotent route. */
export const TRANSITIONS: Record<PetitionAction, TransitionRule> = {
  dispatch: { by: COURT, from: ['submitted'], to: 'dispatched' },
  register: { by: COURT, from: ['dispatched'], to: 'registered', needs: 'caseNumber' },
  return: { by: COURT, from: ['submitted', 'dispatched'], to: 'returned', needs: 'note' },
  reject: { by: COURT, from: ['submitted', 'dispatched'], to: 'rejected', needs: 'note' },
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
 * Office staff see only their office's petitions; others see all. A petition of another office
 * answers exactly like a missing one, so ids of other offices cannot be probed.
 */
export function assertVisible(petition: Petition | undefined, principal: Principal): asserts petition is Petition {
  if (!petition || !isVisibleTo(petition, principal)) throw new NotFoundError('petition');
}

/**
 * A draft is the office's own work until it is submitted: the court does not see it. A province
 * administrator sees their province's petitions only; the national administrator reads reports,
 * never petitions.
 */
export function isVisibleTo(
  petition: Pick<Petition, 'officeCode' | 'status' | 'provinceCode'>,
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
      return petition.status !== 'draft';
  }
}

export function assertEditableByOffice(petition: Petition, principal: Principal): void {
  if (!isOfficeStaff(principal) || petition.officeCode !== principal.officeCode) throw new NotFoundError('petition');
}

export interface TransitionRequest {
  action: PetitionAction;
  note?: string;
  caseNumber?: string;
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
  if (!rule.by.includes(role)) throw new ForbiddenError({ allowed: actionsFor(role, petition.status).join(',') });
  if (request.expectedVersion !== petition.version)
    throw new ConflictError('petition-changed', { expected: request.expectedVersion });
  if (!rule.from.includes(petition.status)) {
    throw new ConflictError('transition-not-allowed', {
      action: request.action,
      from: petition.status,
      allowed: actionsFor(role, petition.status).join(','),
    });
  }
  if (rule.needs && !request[rule.needs]) {
    throw new ValidationError([
      { field: `body.${rule.needs}`, code: 'required', messages: REQUIRED_MESSAGES[rule.needs] },
    ]);
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
      },
    ],
  };
}

const REQUIRED_MESSAGES = {
  note: fieldText('note-required'),
  caseNumber: fieldText('case-number-required'),
};

/** Documents that block submission: declared but not (yet) verified. */
export function unverifiedDocuments(petition: Petition): PetitionDocument[] {
  return petition.documents.filter((d) => d.status !== 'verified');
}
