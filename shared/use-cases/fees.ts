import { createHash } from 'node:crypto';
import { ConflictError, type FieldIssue, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import {
  assertScheduleWritable,
  canonicalJson,
  compareWithPaid,
  defersCourtFee,
  type FeeBalance,
  FeeError,
  type FeeQuote,
  type FeeSchedule,
  type Payee,
  quoteFees,
  quoteInputOf,
  selectSchedule,
} from '../domain/fees';
import { byCodePoint } from '../domain/order';
import { type Payment, paidByPayee, receiptOf } from '../domain/payments';
import {
  assertEditableByOffice,
  assertVisible,
  type IndigencyClaim,
  type Petition,
  type PetitionStatus,
} from '../domain/petition';
import { actor, type Principal } from '../domain/roles';
import { solarHijriDate } from '../domain/solar-hijri';
import { FEE_ERROR_TEXT, FEE_INPUT_TEXT } from '../i18n/fee-messages';
import * as problemTexts from '../i18n/problem-texts';
import type { Clock, FeeScheduleRepository, PaymentRepository, PetitionRepository, StoredFeeSchedule } from '../ports';

/**
 * Fee schedules (loaded by the national administrator) and the quote every petition carries.
 * Quoting reads the schedules of the quote day's Solar Hijri year, picks the one valid that day
 * and, the first time a version is used, marks it used (conditionally on its content), so that a
 * version that has priced a petition can never change under it.
 */
export interface FeeDeps {
  schedules: FeeScheduleRepository;
  clock: Clock;
}

export function contentHash(schedule: FeeSchedule): string {
  return createHash('sha256').update(canonicalJson(schedule)).digest('hex');
}

export type ScheduleLoadOutcome = 'created' | 'replaced' | 'unchanged';

/** The national administrator loads (or corrects, while unused) one version of the national schedule. */
export async function loadFeeSchedule(
  deps: FeeDeps,
  principal: Principal,
  versionId: string,
  schedule: FeeSchedule,
): Promise<{ outcome: ScheduleLoadOutcome; schedule: ScheduleSummary }> {
  if (principal.kind !== 'national') throw new ForbiddenError();
  if (schedule.versionId !== versionId) {
    throw new ValidationError([
      { field: 'body.versionId', code: 'custom', messages: fieldTexts('schedule-path-mismatch', { versionId }) },
    ]);
  }
  const existing = await deps.schedules.get(versionId);
  let write: ReturnType<typeof assertScheduleWritable>;
  try {
    write = assertScheduleWritable(schedule, existing?.schedule, existing?.usedAt !== undefined);
  } catch (error) {
    throw asDomainError(error);
  }
  if (write === 'unchanged' && existing) return { outcome: 'unchanged', schedule: summaryOf(existing) };
  const stored: StoredFeeSchedule = {
    schedule,
    contentHash: contentHash(schedule),
    loadedAt: deps.clock.now().toISOString(),
  };
  const written = await deps.schedules.put(stored, existing ? { contentHash: existing.contentHash } : undefined);
  // Someone else loaded or quoted with this version between our read and our write: read and decide again.
  if (!written) throw new ConflictError(problemTexts.scheduleChanged, { versionId });
  return { outcome: write === 'create' ? 'created' : 'replaced', schedule: summaryOf(stored) };
}

export interface ScheduleSummary {
  versionId: string;
  year: number;
  revision: number;
  demo: boolean;
  validFrom: string;
  validTo: string;
  title: { fa: string; en: string };
  loadedAt: string;
  /** When a quote first used it: from then on it never changes. */
  usedAt?: string;
}

export function summaryOf(stored: StoredFeeSchedule): ScheduleSummary {
  const { schedule } = stored;
  return {
    versionId: schedule.versionId,
    year: schedule.year,
    revision: schedule.revision,
    demo: schedule.demo,
    validFrom: schedule.validFrom,
    validTo: schedule.validTo,
    title: schedule.title,
    loadedAt: stored.loadedAt,
    ...(stored.usedAt ? { usedAt: stored.usedAt } : {}),
  };
}

/** The versions of a Solar Hijri year (the current one when none is named), oldest revision first. */
export async function listFeeSchedules(deps: FeeDeps, year?: number) {
  const wanted = year ?? solarHijriDate(deps.clock.now()).year;
  const stored = await deps.schedules.forYear(wanted);
  return {
    year: wanted,
    items: stored
      .map(summaryOf)
      .sort(
        (a, b) => Number(a.demo) - Number(b.demo) || a.revision - b.revision || byCodePoint(a.versionId, b.versionId),
      ),
  };
}

export async function readFeeSchedule(deps: FeeDeps, versionId: string) {
  const stored = await deps.schedules.get(versionId);
  if (!stored) throw new NotFoundError('fee-schedule');
  return { ...summaryOf(stored), schedule: stored.schedule };
}

/** How often a quote is made again when the schedule it read was replaced before it could be marked used. */
const QUOTE_ATTEMPTS = 3;

/**
 * The petition's quote at `at`, from the schedule valid on that Solar Hijri day. Marks the
 * schedule used before the caller stores the quote, so a stored quote always points at a version
 * that can no longer change. (A quote that is then not stored leaves the version used: harmless.)
 */
export async function quotePetition(
  deps: FeeDeps,
  petition: Parameters<typeof quoteInputOf>[0],
  at: Date,
  /** The schedules of `at`'s year, when the caller started reading them already. */
  readAlready?: Promise<StoredFeeSchedule[]>,
) {
  for (let attempt = 1; attempt <= QUOTE_ATTEMPTS; attempt++) {
    const stored = await (attempt === 1 && readAlready ? readAlready : deps.schedules.forYear(solarHijriDate(at).year));
    let quote: FeeQuote;
    let chosen: StoredFeeSchedule | undefined;
    try {
      const schedule = selectSchedule(
        stored.map((s) => s.schedule),
        at,
      );
      chosen = stored.find((s) => s.schedule.versionId === schedule.versionId);
      quote = quoteFees(quoteInputOf(petition), schedule, at);
    } catch (error) {
      throw asDomainError(error);
    }
    if (!chosen || chosen.usedAt !== undefined) return quote;
    if (await deps.schedules.markUsed(chosen.schedule.versionId, chosen.contentHash, at)) return quote;
  }
  throw new ConflictError(problemTexts.scheduleChanged, { versionId: '' });
}

/** FeeErrors in the terms of the API: the petition's fields at fault (400), or the stored schedules (409). */
export function asDomainError(error: unknown): unknown {
  if (!(error instanceof FeeError)) return error;
  const { code, params } = error;
  switch (code) {
    case 'no-schedule-for-date':
    case 'ambiguous-schedule':
    case 'schedule-not-valid-on-date':
      return new ConflictError(problemTexts.noFeeSchedule, { day: String(params.day ?? '') });
    case 'schedule-version-used':
      return new ConflictError(problemTexts.scheduleVersionUsed, params);
    default:
      return new ValidationError([fieldOf(code, params)]);
  }
}

const FIELD_OF: Partial<Record<FeeError['code'], string>> = {
  'claim-amount-required': 'body.claimAmountRials',
  'judgment-amount-required': 'body.judgmentAmountRials',
  'ambiguous-claim': 'body.nonMonetaryCategory',
  'unknown-category': 'body.nonMonetaryCategory',
  'no-tariff-item': 'body.kind',
  'unknown-service': 'body.services',
};

function fieldOf(code: FeeError['code'], params: Record<string, string | number>): FieldIssue {
  if (code === 'no-court-fee-rule' && params.claim === 'unstated') {
    // A civil claim that says neither its amount nor its category: the form is incomplete.
    return { field: 'body.claimAmountRials', code, messages: fieldTexts('claim-or-category-required', params) };
  }
  const field = FIELD_OF[code] ?? (code === 'no-court-fee-rule' ? 'body.stage' : 'body');
  return {
    field,
    code,
    messages: { fa: FEE_ERROR_TEXT[code].fa.detail(params), en: FEE_ERROR_TEXT[code].en.detail(params) },
  };
}

function fieldTexts(key: keyof typeof FEE_INPUT_TEXT, params: Record<string, string | number>) {
  return { fa: FEE_INPUT_TEXT[key].fa(params), en: FEE_INPUT_TEXT[key].en(params) };
}

// --- A petition's fees: the quote against what was paid ---------------------------------------

function isPaymentList(payments: readonly Payment[] | Record<Payee, string>): payments is readonly Payment[] {
  return Array.isArray(payments);
}

/** The quote against the verified payments (or their totals per payee), with the court fee deferred by an indigency claim. */
export function balanceOf(
  petition: Pick<Petition, 'quote' | 'indigency'>,
  payments: readonly Payment[] | Record<Payee, string>,
) {
  if (!petition.quote) return undefined;
  const paid = isPaymentList(payments) ? paidByPayee(payments) : payments;
  return compareWithPaid(petition.quote, paid, { deferJudiciary: defersCourtFee(petition.indigency) });
}

/**
 * Submission (and resubmission) waits until the quote is paid: 409 with the amount due. A claimed
 * or granted indigency defers the court fee, so only the office's tariff is then asked for.
 */
export function assertFeesSettled(petition: Pick<Petition, 'quote' | 'indigency'>, payments: readonly Payment[]) {
  const balance = balanceOf(petition, payments);
  if (!balance) throw new ConflictError(problemTexts.feesNotQuoted);
  if (!balance.settled) {
    throw new ConflictError(problemTexts.feesDue, {
      dueRials: balance.dueRials,
      judiciaryDueRials: balance.judiciary.dueRials,
      officeDueRials: balance.office.dueRials,
    });
  }
}

export interface PaymentView {
  paymentId: string;
  payee: Payment['payee'];
  amountRials: string;
  state: Payment['state'];
  createdAt: string;
  scheduleVersionId: string;
  refNum?: string;
  verifiedAt?: string;
  closedAt?: string;
  reason?: string;
}

export function paymentView(payment: Payment): PaymentView {
  return {
    paymentId: payment.paymentId,
    payee: payment.payee,
    amountRials: payment.amountRials,
    state: payment.state,
    createdAt: payment.createdAt,
    scheduleVersionId: payment.quote.versionId,
    ...(payment.refNum ? { refNum: payment.refNum } : {}),
    ...(payment.verifiedAt ? { verifiedAt: payment.verifiedAt } : {}),
    ...(payment.closedAt ? { closedAt: payment.closedAt } : {}),
    ...(payment.reason ? { reason: payment.reason } : {}),
  };
}

export interface FeesView {
  petitionId: string;
  status: PetitionStatus;
  quote: FeeQuote | null;
  balance: FeeBalance | null;
  indigency: IndigencyClaim | null;
  payments: PaymentView[];
  receipts: NonNullable<ReturnType<typeof receiptOf>>[];
}

export function feesView(petition: Petition, payments: readonly Payment[]): FeesView {
  return {
    petitionId: petition.petitionId,
    status: petition.status,
    quote: petition.quote ?? null,
    balance: balanceOf(petition, payments) ?? null,
    indigency: petition.indigency ?? null,
    payments: payments.map(paymentView),
    receipts: payments.flatMap((p) => receiptOf(p) ?? []),
  };
}

/** What the office (and the court, and the province) sees of a petition's fees: quote, balance, payments, receipts. */
export async function readFees(
  deps: { petitions: Pick<PetitionRepository, 'get'>; payments: Pick<PaymentRepository, 'forPetition'> },
  principal: Principal,
  petitionId: string,
): Promise<FeesView> {
  const petition = await deps.petitions.get(petitionId);
  assertVisible(petition, principal);
  return feesView(petition, await deps.payments.forPetition(petitionId));
}

// --- Indigency -------------------------------------------------------------------------------

export type IndigencyAction = 'claim' | 'grant' | 'reject';

const INDIGENCY_RULES: Record<
  IndigencyAction,
  { by: 'office' | 'court'; statuses: readonly PetitionStatus[]; from: IndigencyClaim['status'] | undefined }
> = {
  claim: { by: 'office', statuses: ['draft', 'returned'], from: undefined },
  grant: { by: 'court', statuses: ['submitted', 'dispatched'], from: 'claimed' },
  reject: { by: 'court', statuses: ['submitted', 'dispatched'], from: 'claimed' },
};

const HISTORY_OF = { claim: 'claim-indigency', grant: 'grant-indigency', reject: 'reject-indigency' } as const;

/**
 * A clerk records an indigency claim (اعسار) on a draft or a returned petition: the court fee is
 * then not asked for before submission. The court grants it (the fee stays deferred) or rejects it
 * (the fee becomes due like any other difference, paid the same way and shown as due).
 */
export async function decideIndigency(
  deps: { petitions: PetitionRepository; clock: Clock },
  principal: Principal,
  petitionId: string,
  request: { action: IndigencyAction; note?: string; expectedVersion: number },
): Promise<Petition> {
  const current = await deps.petitions.get(petitionId);
  assertVisible(current, principal);
  const rule = INDIGENCY_RULES[request.action];
  if (rule.by === 'office') assertEditableByOffice(current, principal);
  else if (principal.kind !== 'court') throw new ForbiddenError();
  if (request.expectedVersion !== current.version) {
    throw new ConflictError(problemTexts.petitionChanged, { expected: request.expectedVersion });
  }
  if (!rule.statuses.includes(current.status) || current.indigency?.status !== rule.from) {
    throw new ConflictError(problemTexts.indigencyStep, {
      action: request.action,
      from: current.status,
      indigency: current.indigency?.status ?? 'none',
    });
  }
  const at = deps.clock.now().toISOString();
  const indigency: IndigencyClaim =
    request.action === 'claim'
      ? { status: 'claimed', claimedAt: at }
      : {
          ...(current.indigency as IndigencyClaim),
          status: request.action === 'grant' ? 'granted' : 'rejected',
          decidedAt: at,
          ...(request.note ? { note: request.note } : {}),
        };
  const next: Petition = {
    ...current,
    indigency,
    version: current.version + 1,
    updatedAt: at,
    history: [
      ...current.history,
      {
        at,
        by: actor(principal),
        action: HISTORY_OF[request.action],
        from: current.status,
        to: current.status,
        ...(request.note ? { note: request.note } : {}),
      },
    ],
  };
  await deps.petitions.save(next, current.version);
  return next;
}
