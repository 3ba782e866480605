import { createHash } from 'node:crypto';
import { trackerIdsOf } from '../domain/citizen-access';
import { type CounterChange, courtStepCounters, submissionCounters } from '../domain/counters';
import { isActiveCourt } from '../domain/court';
import {
  assertCurePeriodOpen,
  assertObjectionWindowOpen,
  clearedOfOrders,
  cureServedAt,
  deadlineOf,
  withDefectNotice,
  withRejectionOrder,
} from '../domain/court-orders';
import {
  ConflictError,
  ForbiddenError,
  IdempotencyKeyReusedError,
  NotFoundError,
  ValidationError,
} from '../domain/errors';
import {
  calendarYearsFor,
  isLapsed,
  LEGAL_PERIODS,
  type LegalPeriod,
  type LegalPeriodKind,
  lastDayToAct,
} from '../domain/legal-periods';
import type { Office } from '../domain/office';
import { byCodePoint } from '../domain/order';
import {
  applyTransition,
  assertClaimantsKept,
  assertEditableByOffice,
  assertVisible,
  type CourtAssignment,
  type Deadline,
  isVisibleTo,
  orderedDefects,
  type Petition,
  rejectionReasonOf,
  type TransitionRequest,
  unverifiedDocuments,
} from '../domain/petition';
import { actor, asOfficeStaff, asProvinceAdmin, isOfficeStaff, type Principal } from '../domain/roles';
import {
  type CourtRegistrySnapshot,
  courtKindsFor,
  type RoutingDecision,
  type RoutingRuleId,
  routePetition,
} from '../domain/routing';
import { solarHijriDate, solarHijriMonth } from '../domain/solar-hijri';
import { petitionEvent } from '../events/emit';
import type { PetitionEvent } from '../events/petition-events';
import * as fieldTexts from '../i18n/field-messages';
import * as problemTexts from '../i18n/problem-texts';
import type {
  CalendarRepository,
  Clock,
  CounterIncrement,
  CourtRegistry,
  CourtRepository,
  CourtStatusReader,
  DocumentUrls,
  FeeScheduleRepository,
  IdGenerator,
  OfficeRepository,
  PaymentRepository,
  PetitionReader,
  PetitionRepository,
  SubmissionAnswer,
  SubmissionRecord,
  SubmissionStore,
} from '../ports';
import type {
  CourtInboxQueryInput,
  CreatePetitionInput,
  ListPetitionsQuery,
  ReassignInput,
  UpdatePetitionInput,
} from '../schemas/petition';
import { declareDocuments, uploadInstructions } from './documents';
import { assertFeesSettled, balanceOf, quotePetition } from './fees';

export interface PetitionDeps {
  petitions: PetitionRepository;
  offices: OfficeRepository;
  /** The fee schedules every draft is quoted from, and the payments submission waits for. */
  schedules: FeeScheduleRepository;
  payments: Pick<PaymentRepository, 'forPetition'>;
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

/** A draft needs URLs for its uploads, never the objects: its function carries no S3 client. */
export type DraftDeps = Omit<PetitionDeps, 'payments'> & { documents: Pick<DocumentUrls, 'presignUpload'> };

/** A draft with its parties, declared documents and fee quote; answers with one upload instruction per document. */
export async function createDraft(deps: DraftDeps, principal: Principal, input: CreatePetitionInput) {
  const { officeCode } = asOfficeStaff(principal);
  const now = deps.clock.now();
  const documents = declareDocuments([], input.documents, now, deps.ids);
  // The fee schedules are read beside the office: one round trip less on a clerk's most frequent
  // call. The office is judged first, and a refused draft marks no schedule used.
  const schedules = deps.schedules.forYear(solarHijriDate(now).year);
  schedules.catch(() => undefined);
  // The upload URLs need only the ids: they are signed while the office and schedules are read.
  const petitionId = deps.ids.petitionId();
  const uploads = uploadInstructions(deps.documents, petitionId, documents);
  uploads.catch(() => undefined);
  const office = await deps.offices.get(officeCode);
  if (office?.status !== 'active') throw new ConflictError(problemTexts.officeNotActive);
  const at = now.toISOString();
  const petition: Petition = {
    petitionId,
    officeCode,
    officeName: office.name,
    provinceCode: office.provinceCode,
    kind: input.kind,
    subject: input.subject,
    description: input.description,
    ...(input.claimAmountRials !== undefined ? { claimAmountRials: input.claimAmountRials } : {}),
    ...(input.stage !== undefined ? { stage: input.stage } : {}),
    ...(input.judgmentAmountRials !== undefined ? { judgmentAmountRials: input.judgmentAmountRials } : {}),
    ...(input.nonMonetaryCategory !== undefined ? { nonMonetaryCategory: input.nonMonetaryCategory } : {}),
    ...(input.caseReference ? { caseReference: input.caseReference } : {}),
    parties: input.parties,
    documents,
    status: 'draft',
    version: 1,
    createdAt: at,
    updatedAt: at,
    createdBy: principal.userId,
    history: [{ at, by: actor(principal), action: 'create', from: null, to: 'draft' }],
  };
  petition.quote = await quotePetition({ schedules: deps.schedules, clock: deps.clock }, petition, now, schedules);
  // Signed before the draft is stored: a signing failure leaves nothing behind for a retry to duplicate.
  const signed = await uploads;
  await deps.petitions.insert(petition);
  return { petition, uploads: signed };
}

/** What a draft or a returned petition may still change: the claim and what the fees are computed from. */
const EDITABLE: readonly string[] = ['draft', 'returned'];
const CLEARABLE = ['claimAmountRials', 'judgmentAmountRials', 'nonMonetaryCategory', 'stage'] as const;

/**
 * Changes a draft (or a petition returned for defects): subject, description, parties, the claim
 * and the fields the fees are computed from. Every change re-quotes from the schedule valid today;
 * a quote that rose after payment leaves the difference due, one that fell a credit.
 */
export async function updatePetition(
  deps: Pick<PetitionDeps, 'petitions' | 'schedules' | 'clock'>,
  principal: Principal,
  petitionId: string,
  input: UpdatePetitionInput,
): Promise<Petition> {
  const current = await deps.petitions.get(petitionId);
  assertVisible(current, principal);
  assertEditableByOffice(current, principal);
  if (input.expectedVersion !== current.version) {
    throw new ConflictError(problemTexts.petitionChanged, { expected: input.expectedVersion });
  }
  if (!EDITABLE.includes(current.status)) {
    throw new ConflictError(problemTexts.transitionNotAllowed, { action: 'update', from: current.status, allowed: '' });
  }
  if (input.parties) assertClaimantsKept(current, input.parties);
  const now = deps.clock.now();
  const at = now.toISOString();
  const { expectedVersion: _version, ...changes } = input;
  const next: Petition = { ...current };
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (value === null && (CLEARABLE as readonly string[]).includes(field))
      delete next[field as (typeof CLEARABLE)[number]];
    else Object.assign(next, { [field]: value });
  }
  next.quote = await quotePetition({ schedules: deps.schedules, clock: deps.clock }, next, now);
  next.version = current.version + 1;
  next.updatedAt = at;
  next.history = [
    ...current.history,
    { at, by: actor(principal), action: 'update', from: current.status, to: current.status },
  ];
  // Who may track a returned petition goes with its parties (ports.ts, TrackingEntry).
  await deps.petitions.save(next, current.version, [], [], { trackersChanged: trackersChanged(current, next) });
  return next;
}

/** Whether a change of a petition with a tracking code changes who may track it (its entry's keys). */
function trackersChanged(before: Petition, after: Petition): boolean {
  return after.trackingCode !== undefined && trackerIdsOf(before).join() !== trackerIdsOf(after).join();
}

function assertDocumentsVerified(petition: Petition): void {
  const blocking = unverifiedDocuments(petition);
  if (blocking.length > 0) {
    throw new ConflictError(problemTexts.documentsNotVerified, {
      pending: blocking.filter((d) => d.status === 'pending').length,
      rejected: blocking.filter((d) => d.status === 'rejected').length,
      documents: blocking.map((d) => d.documentId).join(','),
    });
  }
}

export type SubmissionDeps = Omit<PetitionDeps, 'petitions' | 'offices' | 'schedules'> & {
  submissions: SubmissionStore;
};

/** How long a submission's Idempotency-Key keeps its answer: clients retry within minutes, a day is ample. */
const SUBMISSION_KEY_SECONDS = 24 * 3600;

/** What binds an Idempotency-Key to one request: the petition and the body it came with. */
export function submissionRequestHash(petitionId: string, body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify([petitionId, body ?? {}]))
    .digest('hex');
}

/** The first answer to this key, or 422 when the key came with another request. */
function replay(record: SubmissionRecord, requestHash: string): SubmissionAnswer {
  if (record.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
  return record.answer;
}

/**
 * Draft → submitted: a tracking code, the month it counts in, the office's counters and the
 * Idempotency-Key's record, all in one transaction, so a retry never counts twice. A retry with
 * the same key gets the first answer; the key with another petition or body is refused (422) and
 * the first answer stays. Of concurrent requests with one key, one transaction wins and the
 * others answer with its result. Internal callers (demo seeding) without a key get one per petition.
 */
export async function submitPetition(
  deps: SubmissionDeps,
  principal: Principal,
  petitionId: string,
  request: { key: string; body?: unknown } = { key: `internal-${petitionId}` },
): Promise<SubmissionAnswer> {
  const { officeCode } = asOfficeStaff(principal);
  const requestHash = submissionRequestHash(petitionId, request.body);
  const { petition: current, office, record, paid } = await deps.submissions.load(petitionId, officeCode, request.key);
  if (record) return replay(record, requestHash);
  assertVisible(current, principal);
  assertEditableByOffice(current, principal);
  // The key's record outlives a day only on the petition: a very late retry still gets its answer.
  if (current.submissionKey === request.key && current.trackingCode && current.submittedAt && current.month) {
    return answerOf(current);
  }
  if (current.status !== 'draft') {
    throw new ConflictError(problemTexts.transitionNotAllowed, {
      action: 'submit',
      from: current.status,
      allowed: current.status === 'returned' ? 'resubmit' : '',
    });
  }
  if (office?.status !== 'active')
    throw new ConflictError(problemTexts.officeNotActive, { status: office?.status ?? '' });
  assertDocumentsVerified(current);
  // Paid in full, or the court fee deferred by an indigency claim: 409 with the amount due otherwise.
  // The paid totals settle it in the common case; where they are missing or fall short (nothing
  // paid yet, or a payment verified before the totals existed), the payments themselves decide.
  const settledByTotals = paid !== undefined && balanceOf(current, paid)?.settled === true;
  if (!settledByTotals) assertFeesSettled(current, await deps.payments.forPetition(petitionId));
  const registry = await deps.submissions.courtRegistry(office.provinceCode, current.caseReference?.courtCode);
  const route = routePetition(current, office, registry);
  if (!route) throw new ConflictError(problemTexts.noCourtForPetition, { kind: current.kind });
  const now = deps.clock.now();
  const at = now.toISOString();
  const month = solarHijriMonth(now);
  const court = courtAssignment(route, at);
  for (let attempt = 1; attempt <= TRACKING_CODE_ATTEMPTS; attempt++) {
    const submitted: Petition = {
      ...current,
      status: 'submitted',
      trackingCode: deps.ids.trackingCode(),
      submissionKey: request.key,
      submittedAt: at,
      month,
      court,
      version: current.version + 1,
      updatedAt: at,
      history: [
        ...current.history,
        { at, by: actor(principal), action: 'submit', from: 'draft', to: 'submitted' },
        { at, by: SYSTEM, action: 'route', from: 'submitted', to: 'submitted', courtCode: court.courtCode },
      ],
    };
    const answer = answerOf(submitted);
    const outcome = await deps.submissions.commit(
      submitted,
      current.version,
      forOffice(current.officeCode, submissionCounters(current.kind, now)),
      {
        officeCode,
        key: request.key,
        requestHash,
        answer,
        expiresAt: Math.floor(now.getTime() / 1000) + SUBMISSION_KEY_SECONDS,
      },
      [
        petitionEvent(
          'submitted',
          submitted,
          { data: { month, resubmission: false } },
          { eventId: deps.ids.eventId(), occurredAt: at },
        ),
        petitionEvent(
          'routed',
          submitted,
          { courtCode: court.courtCode, data: { flaggedForReview: court.flaggedForReview } },
          { eventId: deps.ids.eventId(), occurredAt: at },
        ),
      ],
    );
    if (outcome === 'ok') return answer;
    if (outcome === 'key-taken') {
      const winner = await deps.submissions.record(officeCode, request.key);
      if (winner) return replay(winner, requestHash);
      throw new ConflictError(problemTexts.idempotencyInProgress);
    }
    if (outcome === 'petition-changed') {
      // Perhaps our own key's twin won meanwhile: its answer then is ours.
      const winner = await deps.submissions.record(officeCode, request.key);
      if (winner) return replay(winner, requestHash);
      throw new ConflictError(problemTexts.petitionChanged, { expected: current.version });
    }
  }
  throw new Error('no free tracking code after several attempts');
}

/** Routing is the system's act, by the rule table, not the clerk's. */
const SYSTEM = { userId: 'system', role: 'system' } as const;

function courtAssignment(route: RoutingDecision, at: string): CourtAssignment {
  return {
    courtCode: route.court.courtCode,
    name: route.court.name,
    kind: route.court.kind,
    provinceCode: route.court.provinceCode,
    assignedAt: at,
    rule: route.rule.id as RoutingRuleId,
    flaggedForReview: route.flaggedForReview,
    ...(route.reviewReason ? { reviewReason: route.reviewReason } : {}),
  };
}

function answerOf(petition: Petition): SubmissionAnswer {
  return {
    petitionId: petition.petitionId,
    trackingCode: petition.trackingCode ?? '',
    status: 'submitted',
    submittedAt: petition.submittedAt ?? '',
    month: petition.month ?? '',
  };
}

/** The petition with its whole history: life-cycle steps and the audit entries kept beside it. */
export async function readPetition(
  deps: { petitions: Pick<PetitionReader, 'withAuditTrail'> },
  principal: Principal,
  petitionId: string,
): Promise<Petition> {
  const { petition, audit } = await deps.petitions.withAuditTrail(petitionId);
  assertVisible(petition, principal);
  return { ...petition, history: [...petition.history, ...audit].sort((a, b) => byCodePoint(a.at, b.at)) };
}

export async function listPetitions(
  deps: Pick<PetitionDeps, 'offices'> & { petitions: Pick<PetitionReader, 'page'> },
  principal: Principal,
  query: ListPetitionsQuery,
) {
  let officeCode = query.officeCode;
  if (isOfficeStaff(principal)) {
    if (officeCode && officeCode !== principal.officeCode) throw new ForbiddenError();
    officeCode = principal.officeCode;
  } else if (!officeCode) {
    throw new ValidationError([
      { field: 'query.officeCode', code: 'required', messages: fieldTexts.officeCodeRequired },
    ]);
  } else if (principal.kind === 'province') {
    // The listing index holds summaries without a province, so the office answers for its petitions;
    // another province's office answers as an unknown one does.
    const office = await deps.offices.get(officeCode);
    if (office?.provinceCode !== principal.provinceCode) throw new NotFoundError('office');
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
      .filter((p) => principal.kind === 'province' || isVisibleTo(p, principal))
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

/**
 * A page of a court's inbox: the court's own users read it, and the administrators of its province
 * (who oversee its workload); any other court's inbox answers 404, as an unknown court does. An
 * administrator sees of it only the petitions of its own province's offices: a written statement
 * goes to the court holding its case, which may be another province's, and a petition of another
 * province is one the administrator may not read (isVisibleTo), in the inbox as anywhere else.
 * Only an administrator's read asks for the court, beside the page, then the listed offices' provinces
 * in one BatchGetItem.
 */
export async function courtInbox(
  deps: {
    petitions: Pick<PetitionReader, 'inbox'>;
    courts: Pick<CourtRepository, 'get'>;
    offices: Pick<OfficeRepository, 'provincesOf'>;
  },
  principal: Principal,
  courtCode: string,
  query: CourtInboxQueryInput,
) {
  const own = principal.kind === 'court' && principal.courtCode === courtCode;
  const admin = principal.kind === 'province' ? principal : undefined;
  if (!own && !admin) throw new NotFoundError('court');
  const [court, page] = await Promise.all([
    admin ? deps.courts.get(courtCode) : undefined,
    deps.petitions.inbox({
      courtCode,
      status: query.status,
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    }),
  ]);
  let items = page.items;
  if (admin) {
    if (court?.provinceCode !== admin.provinceCode) throw new NotFoundError('court');
    const provinces =
      items.length > 0 ? await deps.offices.provincesOf(items.map((item) => item.officeCode)) : new Map();
    items = items.filter((item) => provinces.get(item.officeCode) === admin.provinceCode);
  }
  return {
    items: items.map((p) => ({
      petitionId: p.petitionId,
      officeCode: p.officeCode,
      officeName: p.officeName,
      kind: p.kind,
      subject: p.subject,
      status: p.status,
      submittedAt: p.submittedAt ?? '',
      updatedAt: p.updatedAt,
      trackingCode: p.trackingCode ?? '',
      month: p.month ?? '',
    })),
    nextCursor: page.nextCursor,
  };
}

export type TransitionDeps = PetitionDeps & {
  calendars: Pick<CalendarRepository, 'workCalendar'>;
  /** A resubmission is routed again (routedAgain); a court user's court must be active. */
  registry: CourtRegistry & CourtStatusReader;
};

export async function transitionPetition(
  deps: TransitionDeps,
  principal: Principal,
  petitionId: string,
  request: TransitionRequest,
): Promise<Petition> {
  const [current, ownCourt] = await Promise.all([
    deps.petitions.get(petitionId),
    principal.kind === 'court' ? deps.registry.court(principal.courtCode) : undefined,
  ]);
  assertVisible(current, principal);
  // A closed or suspended court takes no step on what it still holds: the province reassigns it.
  if (principal.kind === 'court' && !isActiveCourt(ownCourt))
    throw new ConflictError(problemTexts.courtNotActive, { courtCode: principal.courtCode });
  const now = deps.clock.now();
  let next = applyTransition(current, request, principal, now);
  const eventId = deps.ids.eventId();
  if (request.action === 'resubmit') {
    const cure = current.cureDeadline && (await deadlineNow(deps, current, 'cure', current.cureDeadline, now));
    assertCurePeriodOpen(cure, now);
    assertDocumentsVerified(current);
    const [office, payments] = await Promise.all([
      deps.offices.get(current.officeCode),
      deps.payments.forPetition(petitionId),
    ]);
    // A resubmission is a submission: a suspended or closed office makes none.
    if (office?.status !== 'active')
      throw new ConflictError(problemTexts.officeNotActive, { status: office?.status ?? '' });
    // A petition returned for unpaid fees goes back only once the difference is paid.
    assertFeesSettled(current, payments);
    next = routedAgain(
      clearedOfOrders(next),
      office,
      await deps.registry.courtRegistry(office.provinceCode, current.caseReference?.courtCode),
      now,
    );
  }
  if (request.action === 'reinstate') {
    const objection =
      current.rejection && (await deadlineNow(deps, current, 'objection', current.rejection.objectionDeadline, now));
    assertObjectionWindowOpen(objection, now);
    next = clearedOfOrders(next);
  }
  if (request.action === 'return') {
    const cure = await legalPeriod(deps, current, 'cure', now);
    const defects = orderedDefects(request.defects ?? []);
    next = withDefectNotice(next, {
      noticeId: eventId,
      defects,
      ...(request.note ? { note: request.note } : {}),
      cure,
    });
  }
  if (request.action === 'reject') {
    const objection = await legalPeriod(deps, current, 'objection', now);
    const reason = rejectionReasonOf(current);
    next = withRejectionOrder(next, {
      noticeId: eventId,
      reason,
      ...(request.note ? { note: request.note } : {}),
      objection,
    });
  }
  const counters = forOffice(current.officeCode, courtStepCounters(current, next, now));
  const events = eventsOfTransition(current, next, eventId, now);
  // A resubmission that goes to another court says so, as a submission does (`routed`).
  if (request.action === 'resubmit' && next.court && next.court.courtCode !== current.court?.courtCode) {
    events.push(
      petitionEvent(
        'routed',
        next,
        { courtCode: next.court.courtCode, data: { flaggedForReview: next.court.flaggedForReview } },
        { eventId: deps.ids.eventId(), occurredAt: now.toISOString() },
      ),
    );
  }
  // Registration lets the civil defendants track the case: the entry's keys change with it.
  await deps.petitions.save(next, current.version, counters, events, {
    trackersChanged: trackersChanged(current, next),
  });
  return next;
}

/**
 * A resubmission is routed as a submission is, with the petition as corrected and the registry as
 * it is now. The court that returned it gets it back unless the rules now point elsewhere: a cure
 * that raised the claim past the peace court's limit (the defect `claim-and-value`), or a court
 * closed or suspended meanwhile (the registry holds only active courts, then the province's
 * fallback, flagged for review). Routed elsewhere, the history says so (`route`, by the system).
 * A court the province chose by reassignment keeps the petition while it is active: the
 * administrator's decision stands over the rules it corrected.
 */
function routedAgain(petition: Petition, office: Office, registry: CourtRegistrySnapshot, now: Date): Petition {
  const held = petition.court;
  const chosen =
    held?.rule === 'reassignment' ? registry.courts.find((c) => c.courtCode === held.courtCode) : undefined;
  if (isActiveCourt(chosen)) return petition;
  const route = routePetition(petition, office, registry);
  if (!route) throw new ConflictError(problemTexts.noCourtForPetition, { kind: petition.kind });
  if (route.court.courtCode === held?.courtCode) return petition;
  const at = now.toISOString();
  const court = courtAssignment(route, at);
  return {
    ...petition,
    court,
    history: [
      ...petition.history,
      { at, by: SYSTEM, action: 'route', from: 'submitted', to: 'submitted', courtCode: court.courtCode },
    ],
  };
}

/** Where a province administrator may move a petition: one a court holds and has not finished with. */
const REASSIGNABLE: readonly Petition['status'][] = ['submitted', 'dispatched', 'returned', 'rejection-due'];

/**
 * A province administrator moves a petition of their province to another active court of the
 * province. The history records who, when, from which court to which and why (the audit), and the
 * `reassigned` event goes out in the same transaction. Another province's petition or court
 * answers 404, as an unknown one does.
 */
export async function reassignPetition(
  deps: Pick<PetitionDeps, 'petitions' | 'clock' | 'ids'> & { courts: Pick<CourtRepository, 'get'> },
  principal: Principal,
  petitionId: string,
  input: ReassignInput,
): Promise<Petition> {
  const admin = asProvinceAdmin(principal);
  const [current, court] = await Promise.all([deps.petitions.get(petitionId), deps.courts.get(input.courtCode)]);
  assertVisible(current, admin);
  if (!court || court.provinceCode !== admin.provinceCode) throw new NotFoundError('court');
  if (court.status !== 'active') throw new ConflictError(problemTexts.courtNotActive, { courtCode: court.courtCode });
  const kinds = courtKindsFor(current.kind);
  if (kinds !== 'any' && !kinds.includes(court.kind)) {
    throw new ConflictError(problemTexts.courtOfAnotherKind, {
      kind: current.kind,
      courtCode: court.courtCode,
      courtKind: court.kind,
    });
  }
  if (input.expectedVersion !== current.version) {
    throw new ConflictError(problemTexts.petitionChanged, { expected: input.expectedVersion });
  }
  const previousCourtCode = current.court?.courtCode;
  // The same court again confirms a fallback routing the province has reviewed: the flag goes, audited.
  const confirmsFallback = previousCourtCode === court.courtCode && current.court?.flaggedForReview === true;
  if (
    !previousCourtCode ||
    !REASSIGNABLE.includes(current.status) ||
    (previousCourtCode === court.courtCode && !confirmsFallback)
  ) {
    throw new ConflictError(problemTexts.transitionNotAllowed, {
      action: 'reassign',
      from: current.status,
      allowed: '',
    });
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  const next: Petition = {
    ...current,
    court: {
      courtCode: court.courtCode,
      name: court.name,
      kind: court.kind,
      provinceCode: court.provinceCode,
      assignedAt: at,
      rule: 'reassignment',
      flaggedForReview: false,
    },
    version: current.version + 1,
    updatedAt: at,
    history: [
      ...current.history,
      {
        at,
        by: actor(admin),
        action: 'reassign',
        from: current.status,
        to: current.status,
        note: input.note,
        courtCode: court.courtCode,
        previousCourtCode,
      },
    ],
  };
  // Confirming the court that holds it moves nothing: no `reassigned` event (and so no SMS telling
  // the parties their petition went to another court); the history keeps who confirmed it.
  const events = confirmsFallback
    ? []
    : [
        petitionEvent(
          'reassigned',
          next,
          { courtCode: court.courtCode, data: { previousCourtCode } },
          { eventId: deps.ids.eventId(), occurredAt: at },
        ),
      ];
  await deps.petitions.save(next, current.version, [], events);
  return next;
}

/**
 * A period served now on the petitioner, by the work calendar of the court's province (its closed
 * days are the ones that count, Article 444), with the lunar holidays of the years it may reach.
 * `notBefore`: a last day already served, when the period is counted again (recountedDeadline).
 */
async function legalPeriod(
  deps: Pick<TransitionDeps, 'calendars'>,
  petition: Petition,
  kind: LegalPeriodKind,
  servedAt: Date,
  notBefore?: string,
): Promise<LegalPeriod> {
  const provinceCode = periodProvinceOf(petition);
  if (!provinceCode) throw new ConflictError(problemTexts.noCourtForPetition, { kind: petition.kind });
  const calendar = await deps.calendars.workCalendar(provinceCode, calendarYearsFor(servedAt));
  return lastDayToAct({ servedAt, days: LEGAL_PERIODS[kind].days, calendar, ...(notBefore ? { notBefore } : {}) });
}

/** The province whose closed days count for the petition's periods: its court's (the office's before routing). */
export const periodProvinceOf = (petition: Petition) => petition.court?.provinceCode ?? petition.provinceCode;

/**
 * The deadline that decides at `now`: the stored one while it runs. Once it is over, the period is
 * counted again (recountedDeadline), because a closure declared after service (an emergency closure
 * is announced the day before) or a lunar calendar loaded since may close the stored last day, and
 * Article 444 then moves it to the next open day. So a lapse or a refusal follows only a deadline
 * the calendar as it is now ends too.
 */
export async function deadlineNow(
  deps: Pick<TransitionDeps, 'calendars'>,
  petition: Petition,
  kind: LegalPeriodKind,
  stored: Deadline,
  now: Date,
): Promise<Deadline> {
  return isLapsed(stored, now) ? recountedDeadline(deps, petition, kind, stored) : stored;
}

/**
 * A period counted again from its service with the province's calendar as `deps` gives it. The
 * answer is never earlier than the stored deadline (lastDayToAct's `notBefore`): the notice served
 * named that day, the party may have planned to act on it, and a holiday taken out of the calendar
 * later does not take back a day already given. So a recount only keeps or delays it. Returns the
 * stored object itself when the recount changes nothing. A petition without its service time or
 * province keeps its stored deadline.
 */
export async function recountedDeadline(
  deps: Pick<TransitionDeps, 'calendars'>,
  petition: Petition,
  kind: LegalPeriodKind,
  stored: Deadline,
): Promise<Deadline> {
  const servedAt = kind === 'cure' ? cureServedAt(petition) : petition.rejection?.servedAt;
  if (!servedAt || !periodProvinceOf(petition)) return stored;
  const recounted = deadlineOf(await legalPeriod(deps, petition, kind, new Date(servedAt), stored.lastDay));
  return recounted.lastDay === stored.lastDay && recounted.provisional === stored.provisional ? stored : recounted;
}

/**
 * The event a transition emits, in its own transaction. The court's steps name the court that
 * holds the petition (routed on submission); a petition stored before routing holds none, and
 * its court steps emit nothing rather than an event without its court.
 */
export function eventsOfTransition(before: Petition, after: Petition, eventId: string, now: Date): PetitionEvent[] {
  const meta = { eventId, occurredAt: now.toISOString() };
  if (after.status === 'withdrawn')
    return [petitionEvent('withdrawn', after, { data: { previousStatus: before.status } }, meta)];
  if (before.status === 'returned' && after.status === 'submitted') {
    // A petition stored before it kept its month counts in the month of its first submission.
    const month = after.month ?? solarHijriMonth(after.submittedAt ? new Date(after.submittedAt) : now);
    return [petitionEvent('submitted', after, { data: { month, resubmission: true } }, meta)];
  }
  const courtCode = after.court?.courtCode;
  if (!courtCode) return [];
  if (after.status === 'rejection-due' && before.cureDeadline) {
    return [petitionEvent('rejection-due', after, { courtCode, data: { cureDeadline: before.cureDeadline } }, meta)];
  }
  if (after.status === 'dispatched') return [petitionEvent('dispatched', after, { courtCode, data: {} }, meta)];
  if (after.status === 'returned' && after.defects && after.cureDeadline) {
    const servedAt = after.notices?.at(-1)?.servedAt ?? meta.occurredAt;
    return [
      petitionEvent(
        'returned',
        after,
        { courtCode, data: { defects: after.defects, servedAt, cureDeadline: after.cureDeadline } },
        meta,
      ),
    ];
  }
  if (after.status === 'rejected' && after.rejection) {
    const { reason, servedAt, objectionDeadline } = after.rejection;
    return [petitionEvent('rejected', after, { courtCode, data: { reason, servedAt, objectionDeadline } }, meta)];
  }
  if (before.status === 'rejected' && after.status === 'submitted') {
    return [petitionEvent('reinstated', after, { courtCode, data: {} }, meta)];
  }
  if (after.status === 'registered' && after.caseNumber) {
    return [petitionEvent('registered', after, { courtCode, caseNumber: after.caseNumber, data: {} }, meta)];
  }
  return [];
}
