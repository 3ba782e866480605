import { type Bilingual, type FeeQuote, PAYEE_LABELS, PAYEES, type Payee } from './fees';
import { formatRials, isRialsString, parseRials } from './money';

/**
 * Payments as Iranian internet payment gateways (Shaparak PSPs such as Saman/SEP) work:
 *   1. the backend asks the gateway for a token for an amount and an order id (ResNum);
 *   2. the payer's browser is sent to the gateway's page with the token;
 *   3. the gateway sends the browser back to our callback URL with the result (State, RefNum...);
 *   4. the backend must then VERIFY the transaction server to server within the gateway's window
 *      (about 30 minutes at SEP), or the gateway reverses it and the money goes back to the card.
 * The callback passes through the payer's browser, so it proves nothing: it is checked against
 * the payment we created (order id, terminal, token, amount) and its reference must be new, and
 * still only the verify answer makes a payment count. Every transition is idempotent under
 * duplicates, because callbacks are resubmitted (back button, double click) and verifies retried.
 *
 * TWO PAYEES, TWO PAYMENTS. A petition's court fee goes to the judiciary and its tariff to the
 * office, so each is its own payment to its own terminal rather than one payment split by the
 * gateway (تسهیم). Splitting needs both accounts registered as shares on one merchant terminal,
 * which an office's PSP contract does not give over the judiciary's treasury account; the two are
 * reconciled and reported by different bodies; and a later difference (more pages, a return for
 * unpaid fees) is usually owed to one payee only, which a fixed split cannot express. The cost is
 * that the payer goes through the gateway twice; the receipts show both payments.
 */

export const PAYMENT_STATES = [
  'initiated',
  'awaiting-verify',
  'verified',
  'failed',
  'reversal-required',
  'reversed',
  'expired',
] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** Why a payment ended without counting. */
export type PaymentCloseReason =
  | 'cancelled-by-payer'
  | 'gateway-failed'
  | 'unknown-reference'
  | 'verify-refused'
  | 'verify-mismatch'
  | 'verify-window-elapsed'
  | 'token-expired'
  | 'no-longer-due'
  | 'reversed';

/** The callback, read from the gateway's form post by the adapter; it came through the browser. */
export interface GatewayCallback {
  terminalId: string;
  orderId: string;
  outcome: 'paid' | 'cancelled' | 'failed';
  /** The gateway's own word for the result (`OK`, `CanceledByUser`...), kept for support. */
  gatewayState: string;
  token?: string;
  refNum?: string;
  traceNo?: string;
  rrn?: string;
  amountRials?: string;
  maskedPan?: string;
}

/** The gateway's answer to a server-to-server verify: the only proof that money was taken. */
export type GatewayVerification =
  | {
      outcome: 'verified';
      /** True when the gateway says it was verified before: the same answer, not a second payment. */
      duplicate: boolean;
      refNum: string;
      terminalId: string;
      amountRials: string;
      traceNo?: string;
      rrn?: string;
      maskedPan?: string;
    }
  | { outcome: 'unknown-reference' }
  | { outcome: 'window-elapsed' }
  | { outcome: 'refused'; code: string };

export type GatewayReversal =
  | { outcome: 'reversed'; duplicate: boolean }
  | { outcome: 'unknown-reference' }
  | { outcome: 'window-elapsed' }
  | { outcome: 'refused'; code: string };

export interface Payment {
  paymentId: string;
  petitionId: string;
  /** The office that filed the petition: its monthly counters record what it collected. */
  officeCode: string;
  payee: Payee;
  terminalId: string;
  /** Our order id (SEP's ResNum): unique per attempt, the key the callback is matched by. */
  orderId: string;
  amountRials: string;
  token: string;
  /** The quote this pays, pinned to its schedule version. */
  quote: { versionId: string; quotedAt: string };
  state: PaymentState;
  createdAt: string;
  refNum?: string;
  traceNo?: string;
  rrn?: string;
  maskedPan?: string;
  gatewayState?: string;
  callbackAt?: string;
  verifiedAt?: string;
  closedAt?: string;
  reason?: PaymentCloseReason;
  version: number;
}

export const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,50}$/;

/**
 * A terminal id in its one spelling: 4 to 12 digits, no leading zero. The gateway takes it as a
 * number, so `0<id>` is the same terminal as `<id>`; taken as a different string, it passed both
 * the judiciary's check and another office's claim.
 */
export const TERMINAL_ID_PATTERN = /^[1-9]\d{3,11}$/;

/** The judiciary's terminal until a deployment sets it: no terminal's spelling, so no office can hold it. */
export const PLACEHOLDER_TERMINAL_ID = '00000000';

/**
 * A petition's n-th payment attempt has the order id `<petitionId>-<n>`: unique per attempt (the
 * gateway refuses a used one, which also stops two attempts racing for one number), and it leads
 * the callback to its petition without an index. It is a key to look up, never a proof: the
 * stored payment is what the callback is checked against.
 */
export function orderIdFor(petitionId: string, attempt: number): string {
  return `${petitionId}-${attempt}`;
}

// `_` as well: order ids of the first local runs; a payment's id is its order id, and events allow no `_`.
const ORDER_ID_PARTS = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})[-_]([1-9]\d{0,3})$/;

/** The petition an order id belongs to, or undefined for an order id we never made. */
export function petitionOfOrder(orderId: string): string | undefined {
  return ORDER_ID_PARTS.exec(orderId)?.[1];
}

export class PaymentError extends Error {
  constructor(readonly code: 'invalid-amount' | 'invalid-order-id') {
    super(code);
    this.name = 'PaymentError';
  }
}

export interface NewPayment {
  paymentId: string;
  petitionId: string;
  officeCode: string;
  payee: Payee;
  terminalId: string;
  orderId: string;
  amountRials: string;
  token: string;
  quote: { versionId: string; quotedAt: string };
}

/** A payment whose token the gateway has issued: stored before the payer is redirected. */
export function newPayment(input: NewPayment, now: Date): Payment {
  if (!isRialsString(input.amountRials) || parseRials(input.amountRials) === 0n) {
    throw new PaymentError('invalid-amount');
  }
  if (!ORDER_ID_PATTERN.test(input.orderId)) throw new PaymentError('invalid-order-id');
  return { ...input, state: 'initiated', createdAt: now.toISOString(), version: 1 };
}

/**
 * The result of a transition. A refusal changes nothing, so a tampered or replayed request
 * records nothing; `changed: false` means a duplicate that must be answered like the first.
 */
export type Transition<Refusal extends string> =
  | { accepted: true; changed: boolean; payment: Payment }
  | { accepted: false; reason: Refusal; payment: Payment };

export type CallbackRefusal =
  | 'order-id-mismatch'
  | 'terminal-mismatch'
  | 'token-mismatch'
  | 'amount-mismatch'
  | 'reference-missing'
  | 'reference-reused'
  | 'replay';

function step(payment: Payment, changes: Partial<Payment>, now: Date): Payment {
  return {
    ...payment,
    ...changes,
    version: payment.version + 1,
    ...(changes.state && isClosed(changes.state) ? { closedAt: now.toISOString() } : {}),
  };
}

function isClosed(state: PaymentState): boolean {
  return state === 'failed' || state === 'reversed' || state === 'expired';
}

const refuse = <R extends string>(payment: Payment, reason: R): Transition<R> => ({ accepted: false, reason, payment });
const same = (payment: Payment): Transition<never> => ({ accepted: true, changed: false, payment });

/**
 * Takes the callback the browser brought back. `referenceHeldBy` is the payment id that already
 * holds this RefNum, if any (storage claims RefNums uniquely, as it claims tracking codes): a
 * reference is good for one payment only, or one card payment could be shown for two petitions.
 */
export function applyCallback(
  payment: Payment,
  callback: GatewayCallback,
  context: { now: Date; referenceHeldBy?: string },
): Transition<CallbackRefusal> {
  if (callback.orderId !== payment.orderId) return refuse(payment, 'order-id-mismatch');
  if (callback.terminalId !== payment.terminalId) return refuse(payment, 'terminal-mismatch');
  // The token went only to the payer's browser: a callback without it could come from anyone who
  // learnt the order id, and could close someone else's payment.
  if (callback.token !== payment.token) return refuse(payment, 'token-mismatch');
  // A not-OK callback carries nothing the gateway could be asked about, and anyone holding the
  // payer's token can post one; so the failure it records is open to a paid callback that follows,
  // which goes to the verify like any other: the gateway, not the first callback, decides.
  const reopened = callback.outcome === 'paid' && closedByCallback(payment);
  if (payment.state !== 'initiated' && !reopened) {
    const repeated =
      callback.outcome === 'paid'
        ? payment.refNum !== undefined &&
          callback.refNum === payment.refNum &&
          callback.amountRials === payment.amountRials
        : payment.state === 'failed' && callback.gatewayState === payment.gatewayState;
    return repeated ? same(payment) : refuse(payment, 'replay');
  }
  if (callback.outcome !== 'paid') {
    const reason = callback.outcome === 'cancelled' ? 'cancelled-by-payer' : 'gateway-failed';
    return {
      accepted: true,
      changed: true,
      payment: step(payment, { state: 'failed', reason, gatewayState: callback.gatewayState }, context.now),
    };
  }
  if (callback.amountRials !== payment.amountRials) return refuse(payment, 'amount-mismatch');
  if (!callback.refNum) return refuse(payment, 'reference-missing');
  if (context.referenceHeldBy !== undefined && context.referenceHeldBy !== payment.paymentId) {
    return refuse(payment, 'reference-reused');
  }
  const changes: Partial<Payment> = {
    state: 'awaiting-verify',
    refNum: callback.refNum,
    gatewayState: callback.gatewayState,
    callbackAt: context.now.toISOString(),
    ...(callback.traceNo ? { traceNo: callback.traceNo } : {}),
    ...(callback.rrn ? { rrn: callback.rrn } : {}),
  };
  // Reopened, it is no longer closed, nor for the reason the not-OK callback gave.
  const { reason: _reason, closedAt: _closedAt, ...open } = payment;
  return { accepted: true, changed: true, payment: step(open, changes, context.now) };
}

/** Failed on the word of a not-OK callback alone, which no verify confirmed (it had no reference). */
function closedByCallback(payment: Payment): boolean {
  return payment.state === 'failed' && (payment.reason === 'cancelled-by-payer' || payment.reason === 'gateway-failed');
}

export type VerifyRefusal = 'not-awaiting-verify' | 'reference-mismatch' | 'terminal-mismatch';

/**
 * Takes the gateway's verify answer. Only here does a payment become `verified`. An answer for a
 * different amount means the gateway settled something we did not ask for: it is given back
 * (`reversal-required`) rather than counted. Once verified, any later answer changes nothing, so
 * concurrent or retried verifies record one payment.
 */
export function applyVerification(
  payment: Payment,
  verification: GatewayVerification,
  now: Date,
): Transition<VerifyRefusal> {
  if (payment.state === 'verified') return same(payment);
  if (payment.state !== 'awaiting-verify') return refuse(payment, 'not-awaiting-verify');
  switch (verification.outcome) {
    case 'verified': {
      if (verification.refNum !== payment.refNum) return refuse(payment, 'reference-mismatch');
      if (verification.terminalId !== payment.terminalId) return refuse(payment, 'terminal-mismatch');
      if (verification.amountRials !== payment.amountRials) {
        return {
          accepted: true,
          changed: true,
          payment: step(payment, { state: 'reversal-required', reason: 'verify-mismatch' }, now),
        };
      }
      const changes: Partial<Payment> = {
        state: 'verified',
        verifiedAt: now.toISOString(),
        ...(verification.traceNo ? { traceNo: verification.traceNo } : {}),
        ...(verification.rrn ? { rrn: verification.rrn } : {}),
        ...(verification.maskedPan ? { maskedPan: verification.maskedPan } : {}),
      };
      return { accepted: true, changed: true, payment: step(payment, changes, now) };
    }
    case 'unknown-reference':
      // The gateway never issued this RefNum: the callback was forged or altered.
      return {
        accepted: true,
        changed: true,
        payment: step(payment, { state: 'failed', reason: 'unknown-reference' }, now),
      };
    case 'window-elapsed':
      return {
        accepted: true,
        changed: true,
        payment: step(payment, { state: 'reversed', reason: 'verify-window-elapsed' }, now),
      };
    case 'refused':
      // Not settled, so the gateway gives the money back by itself when its window ends.
      return {
        accepted: true,
        changed: true,
        payment: step(payment, { state: 'failed', reason: 'verify-refused' }, now),
      };
  }
}

/**
 * A paid callback for money the petition no longer owes: withdrawn or rejected since the payment
 * started, or its quote fallen below the amount. It is given back, not verified: refunds are out
 * of scope, so money kept could never be returned.
 */
export function requireReversal(payment: Payment, now: Date): Payment {
  return step(payment, { state: 'reversal-required', reason: 'no-longer-due' }, now);
}

/** Takes the answer to our reverse request, for a payment we decided not to keep. */
export function applyReversal(payment: Payment, reversal: GatewayReversal, now: Date): Transition<'not-reversible'> {
  if (payment.state === 'reversed') return same(payment);
  if (payment.state !== 'reversal-required' && payment.state !== 'awaiting-verify') {
    return refuse(payment, 'not-reversible');
  }
  if (reversal.outcome === 'refused') return refuse(payment, 'not-reversible');
  const reason = payment.reason ?? 'reversed';
  return { accepted: true, changed: true, payment: step(payment, { state: 'reversed', reason }, now) };
}

export interface GatewayWindows {
  /** How long after the payment the gateway accepts a verify before reversing on its own. */
  verifyWindowMs: number;
  /** How long a token can be used to pay. */
  tokenLifetimeMs: number;
}

/**
 * Closes a payment the gateway has given up on: paid but not verified within the window (the
 * gateway has reversed it), or a token never used. Storage must apply it on the version it read,
 * so that it cannot overwrite a verify that landed meanwhile; when in doubt, asking the gateway
 * (a verify answers `window-elapsed`) is the authoritative way to the same state.
 */
export function expireIfUnverified(
  payment: Payment,
  now: Date,
  windows: GatewayWindows,
): Transition<'still-open' | 'not-open'> {
  const since = (iso: string) => now.getTime() - Date.parse(iso);
  if (payment.state === 'awaiting-verify') {
    if (since(payment.callbackAt ?? payment.createdAt) < windows.verifyWindowMs) return refuse(payment, 'still-open');
    return {
      accepted: true,
      changed: true,
      payment: step(payment, { state: 'reversed', reason: 'verify-window-elapsed' }, now),
    };
  }
  if (payment.state === 'initiated') {
    // An unused token, or a callback that never came: either way nothing can be verified any more.
    if (since(payment.createdAt) < windows.tokenLifetimeMs + windows.verifyWindowMs) {
      return refuse(payment, 'still-open');
    }
    return {
      accepted: true,
      changed: true,
      payment: step(payment, { state: 'expired', reason: 'token-expired' }, now),
    };
  }
  return refuse(payment, 'not-open');
}

/** Only a verified payment is money received. */
export function countsAsPaid(payment: Pick<Payment, 'state'>): boolean {
  return payment.state === 'verified';
}

/** Verified totals per payee, as `compareWithPaid` takes them. */
export function paidByPayee(payments: readonly Payment[]): Record<Payee, string> {
  const total = (payee: Payee) =>
    payments
      .filter((p) => p.payee === payee && countsAsPaid(p))
      .reduce((sum, p) => sum + parseRials(p.amountRials), 0n);
  return { judiciary: formatRials(total('judiciary')), office: formatRials(total('office')) };
}

export interface AmountDue {
  payee: Payee;
  amountRials: string;
  /** Payments to this payee still in flight: wait for them (or their expiry) before asking again. */
  inFlight: string[];
}

/**
 * What to ask the payer for now: per payee, the quote less what was verified. A payee with a
 * payment still in flight is reported with it, so a second payment is not started on top.
 */
export function amountsDue(quote: Pick<FeeQuote, 'totals'>, payments: readonly Payment[]): AmountDue[] {
  const paid = paidByPayee(payments);
  return PAYEES.flatMap((payee) => {
    const due = parseRials(quote.totals[payee]) - parseRials(paid[payee]);
    if (due <= 0n) return [];
    const inFlight = payments
      .filter((p) => p.payee === payee && (p.state === 'initiated' || p.state === 'awaiting-verify'))
      .map((p) => p.paymentId);
    return [{ payee, amountRials: formatRials(due), inFlight }];
  });
}

export interface PaymentReceipt {
  paymentId: string;
  petitionId: string;
  payee: Payee;
  payeeLabel: Bilingual;
  amountRials: string;
  refNum: string;
  traceNo?: string;
  rrn?: string;
  maskedPan?: string;
  terminalId: string;
  orderId: string;
  /** When the payer paid (the callback) and when the gateway confirmed it (the verify). */
  paidAt: string;
  verifiedAt: string;
  scheduleVersionId: string;
}

/** The receipt the office and the citizen (through tracking) see; none for an unverified payment. */
export function receiptOf(payment: Payment): PaymentReceipt | undefined {
  if (!countsAsPaid(payment) || !payment.refNum || !payment.verifiedAt) return undefined;
  return {
    paymentId: payment.paymentId,
    petitionId: payment.petitionId,
    payee: payment.payee,
    payeeLabel: PAYEE_LABELS[payment.payee],
    amountRials: payment.amountRials,
    refNum: payment.refNum,
    ...(payment.traceNo ? { traceNo: payment.traceNo } : {}),
    ...(payment.rrn ? { rrn: payment.rrn } : {}),
    ...(payment.maskedPan ? { maskedPan: payment.maskedPan } : {}),
    terminalId: payment.terminalId,
    orderId: payment.orderId,
    paidAt: payment.callbackAt ?? payment.verifiedAt,
    verifiedAt: payment.verifiedAt,
    scheduleVersionId: payment.quote.versionId,
  };
}
