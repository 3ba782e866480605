import {
  amountsDue,
  applyCallback,
  applyReversal,
  applyVerification,
  expireIfUnverified,
  type GatewayCallback,
  type GatewayVerification,
  newPayment,
  type Payment,
  paidByPayee,
  receiptOf,
} from '../../shared/domain/payments';

const T0 = new Date('2026-11-28T08:00:00Z');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const WINDOWS = { verifyWindowMs: 30 * 60_000, tokenLifetimeMs: 20 * 60_000 };

const initiated = (overrides: Partial<Parameters<typeof newPayment>[0]> = {}): Payment =>
  newPayment(
    {
      paymentId: 'pay-court-1',
      petitionId: 'petition-1',
      officeCode: '56101',
      payee: 'judiciary',
      terminalId: '11110001',
      orderId: 'ORD-court-1',
      amountRials: '8500000',
      token: 'token-1',
      quote: { versionId: 'demo-1405-r1', quotedAt: T0.toISOString() },
      ...overrides,
    },
    T0,
  );

const paidCallback = (overrides: Partial<GatewayCallback> = {}): GatewayCallback => ({
  terminalId: '11110001',
  orderId: 'ORD-court-1',
  outcome: 'paid',
  gatewayState: 'OK',
  token: 'token-1',
  refNum: 'REF-AAA',
  traceNo: '123456',
  rrn: '100000000001',
  amountRials: '8500000',
  ...overrides,
});

const verified = (
  overrides: Partial<Extract<GatewayVerification, { outcome: 'verified' }>> = {},
): GatewayVerification => ({
  outcome: 'verified',
  duplicate: false,
  refNum: 'REF-AAA',
  terminalId: '11110001',
  amountRials: '8500000',
  traceNo: '123456',
  rrn: '100000000001',
  maskedPan: '603799******1234',
  ...overrides,
});

function awaitingVerify(): Payment {
  const result = applyCallback(initiated(), paidCallback(), { now: later(1) });
  if (!result.accepted) throw new Error(result.reason);
  return result.payment;
}

describe('a payment is created for one payee and amount', () => {
  it.each([
    ['a zero amount', { amountRials: '0' }, 'invalid-amount'],
    ['an amount that is not whole rials', { amountRials: '10.5' }, 'invalid-amount'],
    ['an order id the gateway cannot carry', { orderId: 'order id with spaces' }, 'invalid-order-id'],
  ])('refuses %s', (_case, overrides, code) => {
    expect(() => initiated(overrides)).toThrow(code);
  });
});

describe("the callback, which came through the payer's browser", () => {
  it('moves a payment to awaiting verify, which is not yet money received', () => {
    // Act
    const payment = awaitingVerify();

    // Assess
    expect(payment).toMatchObject({ state: 'awaiting-verify', refNum: 'REF-AAA', version: 2 });
    expect(paidByPayee([payment])).toEqual({ judiciary: '0', office: '0' });
    expect(receiptOf(payment)).toBeUndefined();
  });

  it.each<[string, Partial<GatewayCallback>, { referenceHeldBy?: string }, string]>([
    ['a tampered amount', { amountRials: '85000' }, {}, 'amount-mismatch'],
    ['another order id', { orderId: 'ORD-court-2' }, {}, 'order-id-mismatch'],
    ['another terminal', { terminalId: '22220002' }, {}, 'terminal-mismatch'],
    ['another token', { token: 'token-9' }, {}, 'token-mismatch'],
    ['a reference already used by another payment', {}, { referenceHeldBy: 'pay-other' }, 'reference-reused'],
    ['no reference', { refNum: undefined }, {}, 'reference-missing'],
  ])('refuses %s and records nothing', (_case, change, context, reason) => {
    // Prepare
    const payment = initiated();

    // Act
    const result = applyCallback(payment, paidCallback(change), { now: later(1), ...context });

    // Assess
    expect(result).toEqual({ accepted: false, reason, payment });
    expect(result.payment).toBe(payment);
  });

  it('refuses a replayed callback carrying another reference once one was accepted', () => {
    const payment = awaitingVerify();

    const result = applyCallback(payment, paidCallback({ refNum: 'REF-BBB' }), { now: later(2) });

    expect(result).toEqual({ accepted: false, reason: 'replay', payment });
  });

  it('answers a resubmitted identical callback without changing anything', () => {
    const payment = awaitingVerify();

    const result = applyCallback(payment, paidCallback(), { now: later(2) });

    expect(result).toEqual({ accepted: true, changed: false, payment });
  });

  it('closes the payment when the payer cancelled, and nothing counts', () => {
    const result = applyCallback(initiated(), paidCallback({ outcome: 'cancelled', gatewayState: 'CanceledByUser' }), {
      now: later(1),
    });

    expect(result.payment).toMatchObject({ state: 'failed', reason: 'cancelled-by-payer' });
    expect(paidByPayee([result.payment]).judiciary).toBe('0');
  });

  it.each([
    ['cancelled', 'CanceledByUser'],
    ['failed', 'Failed'],
  ] as const)(
    'takes a paid callback after a %s one to the verify, since a not-OK callback is only the browser word',
    (outcome, gatewayState) => {
      // Prepare: anyone holding the payer's token can post the not-OK callback first.
      const closed = applyCallback(initiated(), paidCallback({ outcome, gatewayState, refNum: undefined }), {
        now: later(1),
      }).payment;

      // Act
      const result = applyCallback(closed, paidCallback(), { now: later(2) });

      // Assess: open again, awaiting the verify, with neither the closing time nor the reason of the failure.
      expect(result).toMatchObject({ accepted: true, changed: true });
      expect(result.payment).toMatchObject({ state: 'awaiting-verify', refNum: 'REF-AAA', version: 3 });
      expect(result.payment).not.toHaveProperty('reason');
      expect(result.payment).not.toHaveProperty('closedAt');
      expect(paidByPayee([result.payment]).judiciary).toBe('0');
    },
  );

  it('refuses a paid callback after the verify failed a payment: the gateway has spoken', () => {
    const failed = applyVerification(awaitingVerify(), { outcome: 'refused', code: '-1' }, later(2)).payment;

    const result = applyCallback(failed, paidCallback({ refNum: 'REF-BBB' }), { now: later(3) });

    expect(result).toEqual({ accepted: false, reason: 'replay', payment: failed });
  });
});

describe('the verify, server to server', () => {
  it('is the only step that makes a payment count, and gives it a receipt', () => {
    // Act
    const result = applyVerification(awaitingVerify(), verified(), later(2));

    // Assess
    expect(result.payment.state).toBe('verified');
    expect(paidByPayee([result.payment])).toEqual({ judiciary: '8500000', office: '0' });
    expect(receiptOf(result.payment)).toEqual({
      paymentId: 'pay-court-1',
      petitionId: 'petition-1',
      payee: 'judiciary',
      payeeLabel: { fa: 'قوه قضاییه (هزینه دادرسی)', en: 'Judiciary (court fee)' },
      amountRials: '8500000',
      refNum: 'REF-AAA',
      traceNo: '123456',
      rrn: '100000000001',
      maskedPan: '603799******1234',
      terminalId: '11110001',
      orderId: 'ORD-court-1',
      paidAt: later(1).toISOString(),
      verifiedAt: later(2).toISOString(),
      scheduleVersionId: 'demo-1405-r1',
    });
  });

  it('fails a callback whose reference the gateway never issued: a callback without a verify is no payment', () => {
    const result = applyVerification(awaitingVerify(), { outcome: 'unknown-reference' }, later(2));

    expect(result.payment).toMatchObject({ state: 'failed', reason: 'unknown-reference' });
    expect(paidByPayee([result.payment]).judiciary).toBe('0');
  });

  it('gives back a payment the gateway settled for another amount, instead of counting it', () => {
    const mismatch = applyVerification(awaitingVerify(), verified({ amountRials: '85000' }), later(2));
    const reversal = applyReversal(mismatch.payment, { outcome: 'reversed', duplicate: false }, later(3));

    expect(mismatch.payment).toMatchObject({ state: 'reversal-required', reason: 'verify-mismatch' });
    expect(reversal.payment).toMatchObject({ state: 'reversed', reason: 'verify-mismatch' });
    expect(paidByPayee([reversal.payment]).judiciary).toBe('0');
  });

  it.each<[string, GatewayVerification, string]>([
    ['another reference', verified({ refNum: 'REF-ZZZ' }), 'reference-mismatch'],
    ['another terminal', verified({ terminalId: '22220002' }), 'terminal-mismatch'],
  ])('refuses an answer about %s', (_case, answer, reason) => {
    const payment = awaitingVerify();

    expect(applyVerification(payment, answer, later(2))).toEqual({ accepted: false, reason, payment });
  });

  it('refuses to verify before any callback', () => {
    expect(applyVerification(initiated(), verified(), later(2))).toMatchObject({
      accepted: false,
      reason: 'not-awaiting-verify',
    });
  });

  it('records one payment when duplicate verifies race', () => {
    // Prepare: storage writes only on the version it read, as the DynamoDB adapter will.
    let stored = awaitingVerify();
    const save = (next: Payment, readVersion: number) => {
      if (stored.version !== readVersion) return false;
      stored = next;
      return true;
    };
    const snapshotA = stored;
    const snapshotB = stored;

    // Act: both callers verify from the same read; the gateway answers the second as a duplicate.
    const a = applyVerification(snapshotA, verified(), later(2));
    const b = applyVerification(snapshotB, verified({ duplicate: true }), later(2));
    const savedA = a.accepted && a.changed && save(a.payment, snapshotA.version);
    const savedB = b.accepted && b.changed && save(b.payment, snapshotB.version);
    const retryB = applyVerification(stored, verified({ duplicate: true }), later(3));

    // Assess
    expect([savedA, savedB]).toEqual([true, false]);
    expect(retryB).toEqual({ accepted: true, changed: false, payment: stored });
    expect(paidByPayee([stored]).judiciary).toBe('8500000');
    expect(stored.version).toBe(3);
  });

  it('keeps a verified payment verified whatever a later answer says', () => {
    const payment = applyVerification(awaitingVerify(), verified(), later(2)).payment;

    expect(applyVerification(payment, { outcome: 'window-elapsed' }, later(40))).toEqual({
      accepted: true,
      changed: false,
      payment,
    });
  });
});

describe("the gateway's window", () => {
  it('leaves a payment open within the window', () => {
    expect(expireIfUnverified(awaitingVerify(), later(30), WINDOWS)).toMatchObject({
      accepted: false,
      reason: 'still-open',
    });
  });

  it('counts a payment not verified within the window as reversed by the gateway', () => {
    const result = expireIfUnverified(awaitingVerify(), later(31), WINDOWS);

    expect(result.payment).toMatchObject({
      state: 'reversed',
      reason: 'verify-window-elapsed',
      closedAt: later(31).toISOString(),
    });
  });

  it("takes the gateway's own word for it when a late verify answers window-elapsed", () => {
    expect(applyVerification(awaitingVerify(), { outcome: 'window-elapsed' }, later(45)).payment.state).toBe(
      'reversed',
    );
  });

  it('expires a token that was never used, once no callback can come any more', () => {
    expect(expireIfUnverified(initiated(), later(49), WINDOWS).accepted).toBe(false);
    expect(expireIfUnverified(initiated(), later(50), WINDOWS).payment).toMatchObject({
      state: 'expired',
      reason: 'token-expired',
    });
  });

  it('never touches a verified payment', () => {
    const payment = applyVerification(awaitingVerify(), verified(), later(2)).payment;

    expect(expireIfUnverified(payment, later(600), WINDOWS)).toMatchObject({ accepted: false, reason: 'not-open' });
  });
});

describe('two payees, two payments', () => {
  const quote = { totals: { judiciary: '8500000', office: '1405000', total: '9905000' } };

  it("asks for each payee's amount, and only what is still due once one is verified", () => {
    // Prepare
    const court = applyVerification(awaitingVerify(), verified(), later(2)).payment;
    const office = initiated({
      paymentId: 'pay-office-1',
      payee: 'office',
      terminalId: '22220002',
      orderId: 'ORD-office-1',
      amountRials: '1405000',
    });

    // Act
    const before = amountsDue(quote, []);
    const after = amountsDue(quote, [court, office]);

    // Assess
    expect(before).toEqual([
      { payee: 'judiciary', amountRials: '8500000', inFlight: [] },
      { payee: 'office', amountRials: '1405000', inFlight: [] },
    ]);
    expect(after).toEqual([{ payee: 'office', amountRials: '1405000', inFlight: ['pay-office-1'] }]);
  });

  it('asks only for the difference when the quote rose after payment', () => {
    const court = applyVerification(awaitingVerify(), verified(), later(2)).payment;
    const higher = { totals: { judiciary: '8640000', office: '0', total: '8640000' } };

    expect(amountsDue(higher, [court])).toEqual([{ payee: 'judiciary', amountRials: '140000', inFlight: [] }]);
  });
});
