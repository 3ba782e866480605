import { returnCounters, submissionCounters, type CounterChange } from '../domain/counters';
import { ConflictError, ForbiddenError, ValidationError } from '../domain/errors';
import {
  applyTransition,
  assertEditableByOffice,
  assertVisible,
  isOfficeStaff,
  unverifiedDocuments,
  type Petition,
  type TransitionRequest,
} from '../domain/petition';
import type { Principal } from '../domain/roles';
import { solarHijriMonth } from '../domain/solar-hijri';
import type { Clock, CounterIncrement, IdGenerator, OfficeRepository, PetitionRepository } from '../ports';
import type { CreatePetitionInput, ListPetitionsQuery } from '../schemas/petition';

export interface PetitionDeps {
  petitions: PetitionRepository;
  offices: OfficeRepository;
  clock: Clock;
  ids: IdGenerator;
}

/** How many fresh tracking codes a submission tries before giving up (a clash is ~1 in 10^10). */
const TRACKING_CODE_ATTEMPTS = 3;

const forOffice = (officeCode: string, changes: CounterChange[]): CounterIncrement[] => changes.map((c) => ({ officeCode, ...c }));

export async function createDraft(deps: PetitionDeps, principal: Principal, input: CreatePetitionInput): Promise<Petition> {
  const officeCode = principal.officeCode!;
  const office = await deps.offices.get(officeCode);
  if (!office || office.status !== 'active') throw new ConflictError('office-not-active');
  const at = deps.clock.now().toISOString();
  const petition: Petition = {
    petitionId: deps.ids.petitionId(),
    officeCode,
    officeName: office.name,
    kind: input.kind,
    subject: input.subject,
    description: input.description,
    ...(input.claimAmountRials !== undefined ? { claimAmountRials: input.claimAmountRials } : {}),
    parties: input.parties,
    documents: [],
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: principal.userId,
    history: [{ at, by: { userId: principal.userId, role: principal.roles[0]! }, action: 'create', from: null, to: 'draft' }],
  };
  await deps.petitions.insert(petition);
  return petition;
}

function assertDocumentsVerified(petition: Petition): void {
  const blocking = unverifiedDocuments(petition);
  if (blocking.length > 0) {
    throw new ConflictError('documents-not-verified', { documents: blocking.map((d) => `${d.documentId} (${d.status})`).join(', ') });
  }
}

/**
 * Draft → submitted: a tracking code, the month it counts in, and the office's counters, all in
 * one transaction. Idempotency (same key → same answer) is the handler's middleware's job.
 */
export async function submitPetition(deps: PetitionDeps, principal: Principal, petitionId: string) {
  const current = await deps.petitions.get(petitionId);
  assertVisible(current, principal);
  assertEditableByOffice(current, principal);
  if (current.status !== 'draft') {
    throw new ConflictError('transition-not-allowed', { action: 'submit', from: current.status, allowed: current.status === 'returned' ? 'resubmit' : '-' });
  }
  assertDocumentsVerified(current);
  const now = deps.clock.now();
  const at = now.toISOString();
  const month = solarHijriMonth(now);
  for (let attempt = 1; attempt <= TRACKING_CODE_ATTEMPTS; attempt++) {
    const submitted: Petition = {
      ...current,
      status: 'submitted',
      trackingCode: deps.ids.trackingCode(),
      submittedAt: at,
      month,
      version: current.version + 1,
      updatedAt: at,
      history: [...current.history, { at, by: { userId: principal.userId, role: principal.roles[0]! }, action: 'submit', from: 'draft', to: 'submitted' }],
    };
    const outcome = await deps.petitions.submit(submitted, current.version, forOffice(current.officeCode, submissionCounters(current.kind, now)));
    if (outcome === 'ok') {
      return { petitionId, trackingCode: submitted.trackingCode!, status: 'submitted' as const, submittedAt: at, month };
    }
  }
  throw new Error('no free tracking code after several attempts');
}

export async function readPetition(deps: PetitionDeps, principal: Principal, petitionId: string): Promise<Petition> {
  const petition = await deps.petitions.get(petitionId);
  assertVisible(petition, principal);
  return petition;
}

export async function listPetitions(deps: PetitionDeps, principal: Principal, query: ListPetitionsQuery) {
  let officeCode = query.officeCode;
  if (isOfficeStaff(principal)) {
    if (officeCode && officeCode !== principal.officeCode) throw new ForbiddenError();
    officeCode = principal.officeCode!;
  } else if (!officeCode) {
    throw new ValidationError([
      { field: 'query.officeCode', code: 'required', messages: { fa: 'برای این نقش، کد دفتر لازم است.', en: 'officeCode is required for this role.' } },
    ]);
  }
  const page = await deps.petitions.page({ officeCode, limit: query.limit, ...(query.status ? { status: query.status } : {}), ...(query.month ? { month: query.month } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) });
  return {
    items: page.items.map((p) => ({
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

export async function transitionPetition(deps: PetitionDeps, principal: Principal, petitionId: string, request: TransitionRequest): Promise<Petition> {
  const current = await deps.petitions.get(petitionId);
  assertVisible(current, principal);
  const now = deps.clock.now();
  const next = applyTransition(current, request, principal, now);
  if (request.action === 'resubmit') assertDocumentsVerified(current);
  const counters = request.action === 'return' ? forOffice(current.officeCode, returnCounters(now)) : [];
  await deps.petitions.save(next, current.version, counters);
  return next;
}

