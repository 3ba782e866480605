import { collectedCounters } from '../domain/counters';
import {
  ConflictError,
  DependencyUnavailableError,
  NotFoundError,
  PaymentGatewayError,
  ValidationError,
} from '../domain/errors';
import type { Payee } from '../domain/fees';
import { formatRials, parseRials } from '../domain/money';
import {
  applyCallback,
  applyReversal,
  applyVerification,
  expireIfUnverified,
  type GatewayCallback,
  type GatewayVerification,
  newPayment,
  orderIdFor,
  type Payment,
  type PaymentReceipt,
  petitionOfOrder,
  receiptOf,
  requireReversal,
  TERMINAL_ID_PATTERN,
} from '../domain/payments';
import { assertEditableByOffice, assertVisible, type PetitionStatus } from '../domain/petition';
import { asOfficeStaff, type Principal } from '../domain/roles';
import { petitionEvent } from '../events/emit';
import type { PetitionEvent } from '../events/petition-events';
import { CALLBACK_UNREADABLE_TEXT } from '../i18n/fee-messages';
import * as problemTexts from '../i18n/problem-texts';
import {
  type Clock,
  GatewayProtocolError,
  GatewayRefusedError,
  GatewayUnavailableError,
  type IdGenerator,
  type OfficeRepository,
  type PaymentGateway,
  type PaymentRedirect,
  type PaymentRepository,
  type PetitionRepository,
} from '../ports';
import { balanceOf, type PaymentView, paymentView } from './fees';

/**
 * Paying a petition's fees as Shaparak gateways take payments: a token for an amount and an
 * order id, the payer's browser on the gateway's page, the callback through that browser, and
 * then the verify, server to server, which alone makes a payment count. The court fee and the
 * office's tariff are two payments to two terminals (domain/payments.ts says why).
 */
export interface PaymentSettings {
  /** The judiciary's terminal, which every court fee is paid to. */
  judiciaryTerminalId: string;
  /** Where the gateway sends the payer's browser back: this API's callback route. */
  callbackUrl: string;
}

export interface PaymentDeps {
  petitions: Pick<PetitionRepository, 'get'>;
  offices: Pick<OfficeRepository, 'get' | 'terminalHolder'>;
  payments: PaymentRepository;
  gateway: PaymentGateway;
  settings: PaymentSettings;
  clock: Clock;
  /** Names the payment-verified event. */
  ids: Pick<IdGenerator, 'eventId'>;
}

/** The event's names for the two payees (shared/events/petition-events.ts). */
const EVENT_PAYEE = { judiciary: 'court-fee', office: 'office-tariff' } as const;

export interface StartedPayment {
  /** False when an unused payment for the same amount was still open: its page is offered again. */
  created: boolean;
  payment: PaymentView;
  redirect: PaymentRedirect;
  /** Until when the gateway's page takes the payment. */
  expiresAt: string;
}

/** Statuses after which a petition owes nothing: it will not go to a court. */
const ENDED: readonly PetitionStatus[] = ['withdrawn', 'rejected', 'rejection-due'];

const isOpen = (p: Payment) =>
  p.state === 'initiated' || p.state === 'awaiting-verify' || p.state === 'reversal-required';

/**
 * Starts paying what a petition still owes one payee: the quote less what was verified (less the
 * deferred court fee of an indigency claim). One attempt per payee at a time: an open one for the
 * same amount is offered again, any other open one answers 409 until it settles or lapses.
 */
export async function startPayment(
  deps: PaymentDeps,
  principal: Principal,
  petitionId: string,
  payee: Payee,
): Promise<StartedPayment> {
  const { officeCode } = asOfficeStaff(principal);
  const [petition, office] = await Promise.all([deps.petitions.get(petitionId), deps.offices.get(officeCode)]);
  assertVisible(petition, principal);
  assertEditableByOffice(petition, principal);
  // An office that may not submit takes no money for its petitions either: a suspended or closed
  // office's payer would pay for a petition that cannot go to a court.
  if (office?.status !== 'active')
    throw new ConflictError(problemTexts.officeNotActive, { status: office?.status ?? '' });
  if (!petition.quote) throw new ConflictError(problemTexts.feesNotQuoted);
  // A withdrawn or rejected petition, or one whose rejection is due, will never reach a court.
  if (ENDED.includes(petition.status)) throw new ConflictError(problemTexts.nothingDue, { payee });
  const now = deps.clock.now();
  const payments = await closeLapsed(deps, await deps.payments.forPetition(petitionId), now);
  const balance = balanceOf(petition, payments);
  const due = parseRials(balance?.[payee].dueRials ?? '0');
  if (due === 0n) throw new ConflictError(problemTexts.nothingDue, { payee });
  const terminalId = payee === 'judiciary' ? deps.settings.judiciaryTerminalId : office.paymentTerminalId;
  // An office stored before terminals had one spelling may hold `0<id>`, which the gateway reads
  // as `<id>`, perhaps another's: no tariff goes there until an administrator enters it again.
  if (!terminalId || (payee === 'office' && !TERMINAL_ID_PATTERN.test(terminalId)))
    throw new ConflictError(problemTexts.noPaymentTerminal, { payee });
  const open = payments.filter((p) => p.payee === payee && isOpen(p));
  // Resumed only on the terminal the office has now: a token from before its terminal changed
  // would send the payer's money to the old one, which may be another office's by now.
  const resumable = open.find(
    (p) => p.state === 'initiated' && p.amountRials === formatRials(due) && p.terminalId === terminalId,
  );
  if (resumable) return started(deps, resumable, false);
  if (open[0]) throw new ConflictError(problemTexts.paymentInProgress, { paymentId: open[0].paymentId });
  // The office's terminal must be its own by the registry's claim: an office stored before claims
  // whose terminal the backfill gave to another (it reports them) takes no tariff into that account.
  if (payee === 'office') {
    const holder = await deps.offices.terminalHolder(terminalId);
    if (holder !== undefined && holder !== officeCode)
      throw new ConflictError(problemTexts.noPaymentTerminal, { payee });
  }
  const orderId = orderIdFor(petitionId, payments.length + 1);
  let token: string;
  try {
    ({ token } = await deps.gateway.requestToken({
      terminalId,
      amountRials: formatRials(due),
      orderId,
      callbackUrl: deps.settings.callbackUrl,
    }));
  } catch (error) {
    // A refused token for an order id another request has just taken is that request's win.
    if (error instanceof GatewayRefusedError && (await deps.payments.get(petitionId, orderId))) {
      throw new ConflictError(problemTexts.paymentInProgress, { paymentId: orderId });
    }
    throw gatewayFailure('token', error);
  }
  const payment = newPayment(
    {
      paymentId: orderId,
      petitionId,
      officeCode: petition.officeCode,
      payee,
      terminalId,
      orderId,
      amountRials: formatRials(due),
      token,
      quote: { versionId: petition.quote.schedule.versionId, quotedAt: petition.quote.quotedAt },
    },
    now,
  );
  if (!(await deps.payments.create(payment)))
    throw new ConflictError(problemTexts.paymentInProgress, { paymentId: orderId });
  return started(deps, payment, true);
}

function started(deps: PaymentDeps, payment: Payment, created: boolean): StartedPayment {
  return {
    created,
    payment: paymentView(payment),
    redirect: deps.gateway.redirect(payment.token),
    expiresAt: new Date(Date.parse(payment.createdAt) + deps.gateway.tokenLifetimeMs).toISOString(),
  };
}

/**
 * Attempts the gateway has given up on (a token never used, a payment never verified within the
 * window, which the gateway reverses by itself) are closed before anything is decided about the
 * payee; a save that loses to a callback leaves that payment as the callback made it.
 */
async function closeLapsed(deps: PaymentDeps, payments: Payment[], now: Date): Promise<Payment[]> {
  const windows = { verifyWindowMs: deps.gateway.verifyWindowMs, tokenLifetimeMs: deps.gateway.tokenLifetimeMs };
  return Promise.all(
    payments.map(async (payment) => {
      const step = expireIfUnverified(payment, now, windows);
      if (!step.accepted) return payment;
      const saved = await deps.payments.save(step.payment, payment.version, []);
      return saved === 'ok'
        ? step.payment
        : ((await deps.payments.get(payment.petitionId, payment.orderId)) ?? payment);
    }),
  );
}

export interface CallbackResult {
  outcome: 'verified' | 'failed' | 'reversed';
  petitionId: string;
  payment: PaymentView;
  receipt?: PaymentReceipt;
}

/** How often a callback starts over after a concurrent one changed its payment first. */
const CALLBACK_ATTEMPTS = 3;

/**
 * The gateway's callback, which came through the payer's browser and so proves nothing by itself.
 * It must match the stored payment (order id, terminal, token, amount) and bring a reference no
 * other payment holds; then the verify, server to server, must confirm the reference, terminal and
 * amount. Only then is the payment recorded as verified, with its receipt, its reference claimed
 * and the office's collected counters added, in one transaction. A refused callback, and a paid
 * callback whose verify does not confirm it, record nothing. A not-OK callback fails the payment
 * without asking the gateway (it brings no reference to ask about), but a paid callback after it is
 * still taken to the verify: a forged cancel cannot shut out the payer's real payment. Duplicates (a resubmitted form, two
 * at once) get the first one's answer, and only one of them is recorded.
 */
export async function acceptCallback(deps: PaymentDeps, fields: Record<string, string>): Promise<CallbackResult> {
  let callback: GatewayCallback;
  try {
    callback = deps.gateway.parseCallback(fields);
  } catch (error) {
    if (!(error instanceof GatewayProtocolError)) throw error;
    throw new ValidationError([
      {
        field: 'body',
        code: 'payment-callback',
        messages: CALLBACK_UNREADABLE_TEXT,
      },
    ]);
  }
  const petitionId = petitionOfOrder(callback.orderId);
  for (let attempt = 1; attempt <= CALLBACK_ATTEMPTS; attempt++) {
    const payment = petitionId ? await deps.payments.get(petitionId, callback.orderId) : undefined;
    if (!payment) throw new NotFoundError('payment');
    const result = await settle(deps, payment, callback);
    if (result) return result;
  }
  throw new ConflictError(problemTexts.paymentInProgress, { paymentId: callback.orderId });
}

/** One pass over a callback; undefined when the payment changed under it (start over). */
async function settle(
  deps: PaymentDeps,
  payment: Payment,
  callback: GatewayCallback,
): Promise<CallbackResult | undefined> {
  const now = deps.clock.now();
  const holder = callback.refNum
    ? await deps.payments.referenceHolder(callback.terminalId, callback.refNum)
    : undefined;
  const step = applyCallback(payment, callback, { now, ...(holder ? { referenceHeldBy: holder } : {}) });
  if (!step.accepted) throw new ConflictError(problemTexts.paymentRefused, { reason: step.reason });
  let current = step.payment;
  if (current.state !== 'awaiting-verify') {
    // Verified before (an identical callback again), or cancelled or failed at the gateway.
    if (!step.changed) return resultOf(current);
    return (await deps.payments.save(current, payment.version, [])) === 'ok' ? resultOf(current) : undefined;
  }

  if (await noLongerDue(deps, current)) {
    current = requireReversal(current, now);
  } else {
    let verification: GatewayVerification;
    try {
      verification = await deps.gateway.verify({ refNum: current.refNum ?? '', terminalId: current.terminalId });
    } catch (error) {
      // No answer: keep the callback, so that the same callback again (or a later one) verifies it
      // within the gateway's window; the payer is told to retry.
      if (step.changed && (await deps.payments.save(current, payment.version, [])) === 'reference-taken') {
        throw new ConflictError(problemTexts.paymentRefused, { reason: 'reference-reused' });
      }
      throw gatewayFailure('verify', error);
    }
    // The gateway never issued the reference this callback brought: it was forged or altered. Nothing
    // is recorded, so a payment a not-OK callback closed stays closed for the reason it gave.
    if (verification.outcome === 'unknown-reference' && payment.refNum === undefined) {
      throw new ConflictError(problemTexts.paymentRefused, { reason: 'reference-unknown' });
    }
    const verified = applyVerification(current, verification, now);
    if (!verified.accepted) throw new ConflictError(problemTexts.paymentRefused, { reason: verified.reason });
    current = verified.payment;
  }
  if (current.state === 'reversal-required') {
    // The gateway settled another amount than we asked for, or money the petition no longer owes:
    // give it back rather than count it.
    try {
      const reversal = applyReversal(
        current,
        await deps.gateway.reverse({ refNum: current.refNum ?? '', terminalId: current.terminalId }),
        now,
      );
      if (reversal.accepted) current = reversal.payment;
    } catch {
      // Unanswered: it stays reversal-required, and the gateway reverses it itself once its window ends.
    }
  }
  const counters =
    current.state === 'verified'
      ? collectedCounters(current.payee, parseRials(current.amountRials), now).map((c) => ({
          officeCode: current.officeCode,
          ...c,
        }))
      : [];
  const events = current.state === 'verified' ? await verifiedEvent(deps, current, now) : [];
  const saved = await deps.payments.save(current, payment.version, counters, events);
  if (saved === 'reference-taken') throw new ConflictError(problemTexts.paymentRefused, { reason: 'reference-reused' });
  return saved === 'ok' ? resultOf(current) : undefined;
}

/**
 * The payment-verified event, written to the outbox in the payment's own transaction: so it is
 * emitted exactly when the payment is recorded, and never for a refused or unverified callback.
 * It describes the petition as it stands (a payment leaves the petition item unchanged).
 */
/**
 * Whether the petition still owes this payment: not if it was withdrawn or rejected since the
 * payment started, or its quote fell (an edit) below what the payer was asked for. Read at the
 * callback, before the verify that would keep the money.
 */
async function noLongerDue(deps: PaymentDeps, payment: Payment): Promise<boolean> {
  const [petition, payments] = await Promise.all([
    deps.petitions.get(payment.petitionId),
    deps.payments.forPetition(payment.petitionId),
  ]);
  if (!petition || ENDED.includes(petition.status)) return true;
  const others = payments.filter((p) => p.paymentId !== payment.paymentId);
  const due = parseRials(balanceOf(petition, others)?.[payment.payee].dueRials ?? '0');
  return parseRials(payment.amountRials) > due;
}

async function verifiedEvent(deps: PaymentDeps, payment: Payment, now: Date): Promise<PetitionEvent[]> {
  const petition = await deps.petitions.get(payment.petitionId);
  if (!petition) return [];
  return [
    petitionEvent(
      'payment-verified',
      petition,
      {
        data: { paymentId: payment.paymentId, payee: EVENT_PAYEE[payment.payee], amountRials: payment.amountRials },
      },
      { eventId: deps.ids.eventId(), occurredAt: now.toISOString() },
    ),
  ];
}

function resultOf(payment: Payment): CallbackResult {
  const receipt = receiptOf(payment);
  return {
    outcome: payment.state === 'verified' ? 'verified' : payment.state === 'reversed' ? 'reversed' : 'failed',
    petitionId: payment.petitionId,
    payment: paymentView(payment),
    ...(receipt ? { receipt } : {}),
  };
}

/** The gateway's failures in the API's terms: no answer is a 503 to retry, a refusal or nonsense a 502. */
function gatewayFailure(operation: string, error: unknown): unknown {
  if (error instanceof GatewayUnavailableError) return new DependencyUnavailableError(5, { cause: error });
  if (error instanceof GatewayRefusedError || error instanceof GatewayProtocolError) {
    return new PaymentGatewayError({ operation });
  }
  return error;
}
