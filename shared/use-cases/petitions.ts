import { type CounterChange, returnCounters, submissionCounters } from '../domain/counters';
import { documentKey } from '../domain/document-policy';
import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors';
import {
  applyTransition,
  assertEditableByOffice,
  assertVisible,
  isOfficeStaff,
  isVisibleTo,
  type Petition,
  type TransitionRequest,
  unverifiedDocuments,
} from '../domain/petition';
import type { Principal } from '../domain/roles';
import { solarHijriMonth } from '../domain/solar-hijri';
import type {
  Clock,
  CounterIncrement,
  DocumentStore,
  IdGenerator,
  OfficeRepository,
  PetitionRepository,
} from '../ports';
import type { CreatePetitionInput, ListPetitionsQuery } from '../schemas/petition';
import { declareDocuments, uploadInstructions } from './documents';

export interface PetitionDeps {
  petitions: PetitionRepository;
  offices: OfficeRepository;
  documents: DocumentStore;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * How many fresh tracking codes a submission tries before giving up. There are 9×10^10 codes, so
 * even with ten million issued a draw clashes about once in 9,000 submissions, and three in a row
 * practically never.
 */
const TRACKING_CODE_ATTEMPTS = 3;

const forOffice = (officeCode: string, changes: CounterChange[]): CounterIncrement[] =>
  changes.map((c) => ({ officeCode, ...c }));

/** A draft with its parties and declared documents; answers with one upload instruction per document. */
export async function createDraft(deps: PetitionDeps, principal: Principal, input: CreatePetitionInput) {
  const officeCode = principal.officeCode!;
  const now = deps.clock.now();
  const documents = declareDocuments([], input.documents, now);
  const office = await deps.offices.get(officeCode);
  if (office?.status !== 'active') throw new ConflictError('office-not-active');
  const at = now.toISOString();
  const petition: Petition = {
    petitionId: deps.ids.petitionId(),
    officeCode,
    officeName: office.name,
    kind: input.kind,
    subject: input.subject,
    description: input.description,
    ...(input.claimAmountRials !== undefined ? { claimAmountRials: input.claimAmountRials } : {}),
    parties: input.parties,
    documents,
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: principal.userId,
    history: [
      { at, by: { userId: principal.userId, role: principal.roles[0]! }, action: 'create', from: null, to: 'draft' },
    ],
  };
  await deps.petitions.insert(petition);
  return { petition, uploads: await uploadInstructions(deps.documents, petition.petitionId, documents) };
}

/**
 * Before a petition (re)enters the court's hands, its documents lose the draft tag that lets the
 * lifecycle rule delete abandoned drafts. Done first: if it fails nothing is submitted, whereas
 * the other order could leave a submitted petition's scans to be deleted.
 */
async function keepDocuments(deps: PetitionDeps, petition: Petition): Promise<void> {
  if (petition.documents.length > 0)
    await deps.documents.keep(petition.documents.map((d) => documentKey(petition.petitionId, d.documentId)));
}

function assertDocumentsVerified(petition: Petition): void {
  const blocking = unverifiedDocuments(petition);
  if (blocking.length > 0) {
    throw new ConflictError('documents-not-verified', {
      pending: blocking.filter((d) => d.status === 'pending').length,
      rejected: blocking.filter((d) => d.status === 'rejected').length,
      documents: blocking.map((d) => d.documentId).join(','),
    });
  }
}

/**
 * Draft → submitted: a tracking code, the month it counts in, and the office's counters, all in
 * one transaction. Same key → same answer is the idempotency middleware's job; the key kept on
 * the petition covers the case where its record was lost after the transaction.
 */
export async function submitPetition(
  deps: PetitionDeps,
  principal: Principal,
  petitionId: string,
  submissionKey?: string,
) {
  const current = await deps.petitions.get(petitionId);
  assertVisible(current, principal);
  assertEditableByOffice(current, principal);
  // A retry of a submission that went through but whose answer was lost (say the idempotency
  // store failed afterwards) gets the first answer again, not a conflict.
  if (
    submissionKey &&
    current.submissionKey === submissionKey &&
    current.trackingCode &&
    current.submittedAt &&
    current.month
  ) {
    return {
      petitionId,
      trackingCode: current.trackingCode,
      status: 'submitted' as const,
      submittedAt: current.submittedAt,
      month: current.month,
    };
  }
  if (current.status !== 'draft') {
    throw new ConflictError('transition-not-allowed', {
      action: 'submit',
      from: current.status,
      allowed: current.status === 'returned' ? 'resubmit' : '-',
    });
  }
  assertDocumentsVerified(current);
  await keepDocuments(deps, current);
  const now = deps.clock.now();
  const at = now.toISOString();
  const month = solarHijriMonth(now);
  for (let attempt = 1; attempt <= TRACKING_CODE_ATTEMPTS; attempt++) {
    const submitted: Petition = {
      ...current,
      status: 'submitted',
      trackingCode: deps.ids.trackingCode(),
      ...(submissionKey ? { submissionKey } : {}),
      submittedAt: at,
      month,
      version: current.version + 1,
      updatedAt: at,
      history: [
        ...current.history,
        {
          at,
          by: { userId: principal.userId, role: principal.roles[0]! },
          action: 'submit',
          from: 'draft',
          to: 'submitted',
        },
      ],
    };
    const outcome = await deps.petitions.submit(
      submitted,
      current.version,
      forOffice(current.officeCode, submissionCounters(current.kind, now)),
    );
    if (outcome === 'ok') {
      return {
        petitionId,
        trackingCode: submitted.trackingCode!,
        status: 'submitted' as const,
        submittedAt: at,
        month,
      };
    }
  }
  throw new Error('no free tracking code after several attempts');
}

/** The petition with its whole history: life-cycle steps and the audit entries kept beside it. */
export async function readPetition(
  deps: Pick<PetitionDeps, 'petitions'>,
  principal: Principal,
  petitionId: string,
): Promise<Petition> {
  const [petition, audit] = await Promise.all([deps.petitions.get(petitionId), deps.petitions.auditTrail(petitionId)]);
  assertVisible(petition, principal);
  return { ...petition, history: [...petition.history, ...audit].sort((a, b) => a.at.localeCompare(b.at)) };
}

export async function listPetitions(
  deps: Pick<PetitionDeps, 'petitions'>,
  principal: Principal,
  query: ListPetitionsQuery,
) {
  let officeCode = query.officeCode;
  if (isOfficeStaff(principal)) {
    if (officeCode && officeCode !== principal.officeCode) throw new ForbiddenError();
    officeCode = principal.officeCode!;
  } else if (!officeCode) {
    throw new ValidationError([
      {
        field: 'query.officeCode',
        code: 'required',
        messages: { fa: 'برای این نقش، کد دفتر لازم است.', en: 'officeCode is required for this role.' },
      },
    ]);
  }
  const page = await deps.petitions.page({
    officeCode,
    limit: query.limit,
    ...(query.status ? { status: query.status } : {}),
    ...(query.month ? { month: query.month } : {}),
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    items: page.items
      .filter((p) => isVisibleTo(p, principal))
      .map((p) => ({
        petitionId: p.petitionId,
        kind: p.kind,
        subject: p.subject,
        status: p.status,
        createdAt: p.createdAt,
        ...(p.submittedAt ? { submittedAt: p.submittedAt, month: p.month, trackingCode: p.trackingCode } : {}),
      })),
    nextCursor: page.nextCursor,
  };
}

export async function transitionPetition(
  deps: PetitionDeps,
  principal: Principal,
  petitionId: string,
  request: TransitionRequest,
): Promise<Petition> {
  const current = await deps.petitions.get(petitionId);
  assertVisible(current, principal);
  const now = deps.clock.now();
  const next = applyTransition(current, request, principal, now);
  if (request.action === 'resubmit') {
    assertDocumentsVerified(current);
    await keepDocuments(deps, current);
  }
  const counters = request.action === 'return' ? forOffice(current.officeCode, returnCounters(now)) : [];
  await deps.petitions.save(next, current.version, counters);
  return next;
}
