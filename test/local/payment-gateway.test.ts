import { randomUUID } from 'node:crypto';
import { demoFeeSchedules } from '../../local/demo-fee-schedules';
import { freePort } from '../../local/engines';
import { type RunningGatewaySimulator, startPaymentGatewaySimulator } from '../../local/payment-gateway-simulator';
import { SepPaymentGateway } from '../../shared/adapters/shaparak-gateway';
import { compareWithPaid, type Payee, quoteFees, selectSchedule } from '../../shared/domain/fees';
import {
  applyCallback,
  applyVerification,
  expireIfUnverified,
  newPayment,
  type Payment,
  paidByPayee,
  receiptOf,
} from '../../shared/domain/payments';
import {
  GatewayProtocolError,
  GatewayRefusedError,
  GatewayUnavailableError,
  type PaymentRedirect,
} from '../../shared/ports';

/*
 * The simulator and the adapter over real HTTP, with the pure payment model in between playing
 * the backend's part: every check the routes will make is made here, in the order they will.
 */
const COURT_TERMINAL = '11110001';
const OFFICE_TERMINAL = '22220002';
const CALLBACK_URL = 'https://office.example/v1/payments/callback';
const TERMINALS: Record<Payee, string> = { judiciary: COURT_TERMINAL, office: OFFICE_TERMINAL };

const clock = Date.parse('2026-11-28T08:00:00Z');
const now = () => new Date(clock);
let simulator: RunningGatewaySimulator;
let gateway: SepPaymentGateway;

beforeAll(async () => {
  simulator = await startPaymentGatewaySimulator({
    terminals: [COURT_TERMINAL, OFFICE_TERMINAL],
    now: () => clock,
    sweepIntervalMs: 0,
  });
  gateway = new SepPaymentGateway({ baseUrl: simulator.baseUrl, timeoutMs: 5000 });
});

afterAll(async () => {
  await simulator.close();
});

async function startPayment(payee: Payee, amountRials: string, via = gateway): Promise<Payment> {
  const orderId = `ORD-${randomUUID()}`;
  const terminalId = TERMINALS[payee];
  const { token } = await via.requestToken({ terminalId, amountRials, orderId, callbackUrl: CALLBACK_URL });
  return newPayment(
    {
      paymentId: randomUUID(),
      petitionId: 'petition-1',
      officeCode: '56101',
      payee,
      terminalId,
      orderId,
      amountRials,
      token,
      quote: { versionId: 'demo-1405-r1', quotedAt: now().toISOString() },
    },
    now(),
  );
}

const decodeHtml = (text: string) => text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));

/** What a browser does: open the gateway page, press a button, and follow the self-posting form back. */
async function payInBrowser(redirect: PaymentRedirect, choice: 'pay' | 'cancel' = 'pay') {
  const page = await (await fetch(redirect.url)).text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  const token = /name="token" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !token) throw new Error(`not a payment page: ${page}`);
  const answer = await fetch(new URL(action, redirect.url), {
    method: 'POST',
    body: new URLSearchParams({ token, choice }),
  });
  const html = await answer.text();
  const target = /<form id="callback" method="post" action="([^"]+)"/.exec(html)?.[1];
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(
    ([, name, value]) => [decodeHtml(name!), decodeHtml(value!)] as [string, string],
  );
  return { page, target: target && decodeHtml(target), body: new URLSearchParams(fields).toString() };
}

/** The callback route's work: read the form, check it against our payment. */
function takeCallback(payment: Payment, body: string, referenceHeldBy?: string) {
  return applyCallback(payment, gateway.parseCallback(body), { now: now(), referenceHeldBy });
}

async function verifyPayment(payment: Payment) {
  return applyVerification(
    payment,
    await gateway.verify({ refNum: payment.refNum!, terminalId: payment.terminalId }),
    now(),
  );
}

async function paidAwaitingVerify(payee: Payee = 'judiciary', amount = '8500000') {
  const payment = await startPayment(payee, amount);
  const { body } = await payInBrowser(gateway.redirect(payment.token));
  const taken = takeCallback(payment, body);
  if (!taken.accepted) throw new Error(taken.reason);
  return { payment: taken.payment, body };
}

describe('paying a quote through a Shaparak-style gateway', () => {
  it('pays the court fee and the tariff as two payments, and only the verify makes them count', async () => {
    // Prepare: the quote of row 5 of the hand-worked table, on today's demo schedule.
    const quote = quoteFees(
      {
        kind: 'civil-petition',
        stage: 'first-instance',
        claimAmountRials: '300000000',
        claimants: 2,
        defendants: 3,
        attachmentPages: [3, 4],
        paidElectronically: true,
      },
      selectSchedule(demoFeeSchedules(now()), now()),
      now(),
    );
    const settledBefore = simulator.settled();

    // Act
    const payments: Payment[] = [];
    for (const payee of ['judiciary', 'office'] as const) {
      const payment = await startPayment(payee, quote.totals[payee]);
      const { page, target, body } = await payInBrowser(gateway.redirect(payment.token));
      const taken = takeCallback(payment, body);
      expect(page).toContain('پرداخت');
      expect(page).toContain('انصراف');
      expect(target).toBe(CALLBACK_URL);
      expect(taken.accepted && paidByPayee([taken.payment])[payee]).toBe('0');
      payments.push((await verifyPayment(taken.payment)).payment);
    }

    // Assess
    expect(quote.totals).toEqual({ judiciary: '8500000', office: '1405000', total: '9905000' });
    expect(paidByPayee(payments)).toEqual({ judiciary: '8500000', office: '1405000' });
    expect(compareWithPaid(quote, paidByPayee(payments))).toMatchObject({ dueRials: '0', settled: true });
    expect(
      payments.map((p) => receiptOf(p)).map((r) => [r?.payee, r?.amountRials, r?.terminalId, typeof r?.refNum]),
    ).toEqual([
      ['judiciary', '8500000', COURT_TERMINAL, 'string'],
      ['office', '1405000', OFFICE_TERMINAL, 'string'],
    ]);
    const settled = simulator.settled();
    expect([settled.count - settledBefore.count, settled.amount - settledBefore.amount]).toEqual([2, 9905000n]);
  });

  it('brings a payer who cancels back with a cancel, and there is nothing to verify', async () => {
    const payment = await startPayment('office', '845000');

    const { body } = await payInBrowser(gateway.redirect(payment.token), 'cancel');
    const taken = takeCallback(payment, body);

    expect(gateway.parseCallback(body)).toMatchObject({ outcome: 'cancelled', gatewayState: 'CanceledByUser' });
    expect(taken.payment).toMatchObject({ state: 'failed', reason: 'cancelled-by-payer' });
  });

  it("counts the payer's payment when a forged cancel was taken first, because the verify confirms it", async () => {
    // Prepare: the payer pays; a cancel built from the token and order id reaches us before the real callback.
    const payment = await startPayment('judiciary', '8500000');
    const { body } = await payInBrowser(gateway.redirect(payment.token));
    const forged = new URLSearchParams(body);
    for (const field of ['RefNum', 'Amount', 'TraceNo', 'Rrn', 'SecurePan']) forged.delete(field);
    forged.set('State', 'CanceledByUser');
    forged.set('Status', '1');
    const cancelled = takeCallback(payment, forged.toString());

    // Act
    const taken = takeCallback(cancelled.payment, body);
    const verified = await verifyPayment(taken.payment);

    // Assess
    expect(cancelled.payment).toMatchObject({ state: 'failed', reason: 'cancelled-by-payer' });
    expect(verified.payment.state).toBe('verified');
    expect(paidByPayee([verified.payment]).judiciary).toBe('8500000');
  });

  it('carries amounts beyond 2^53 rials exactly, both ways', async () => {
    const { payment, body } = await paidAwaitingVerify('judiciary', '9007199254740993');

    const verification = await gateway.verify({ refNum: payment.refNum!, terminalId: COURT_TERMINAL });

    expect(gateway.parseCallback(body).amountRials).toBe('9007199254740993');
    expect(verification).toMatchObject({ outcome: 'verified', amountRials: '9007199254740993' });
  });
});

describe('tampered and replayed callbacks', () => {
  const tamper = (body: string, field: string, value: string) => {
    const params = new URLSearchParams(body);
    params.set(field, value);
    return params.toString();
  };

  it.each([
    ['the amount lowered', 'Amount', '85000', 'amount-mismatch'],
    ['the order id of another payment', 'ResNum', 'ORD-someone-else', 'order-id-mismatch'],
    ['another terminal', 'TerminalId', OFFICE_TERMINAL, 'terminal-mismatch'],
    ['another token', 'Token', 'f'.repeat(32), 'token-mismatch'],
  ])('refuses a callback with %s and records nothing', async (_case, field, value, reason) => {
    // Prepare
    const payment = await startPayment('judiciary', '8500000');
    const { body } = await payInBrowser(gateway.redirect(payment.token));

    // Act
    const result = takeCallback(payment, tamper(body, field, value));

    // Assess
    expect(result).toEqual({ accepted: false, reason, payment });
  });

  it('refuses a reference that already paid for another payment', async () => {
    const first = await paidAwaitingVerify();
    const second = await startPayment('judiciary', '8500000');
    await payInBrowser(gateway.redirect(second.token));
    const forged = tamper(first.body, 'ResNum', second.orderId);

    const result = takeCallback(second, tamper(forged, 'Token', second.token), first.payment.paymentId);

    expect(result).toMatchObject({ accepted: false, reason: 'reference-reused' });
  });

  it('refuses a replay with another reference once a callback was taken', async () => {
    const { payment, body } = await paidAwaitingVerify();

    expect(takeCallback(payment, tamper(body, 'RefNum', 'replayed-ref'))).toMatchObject({
      accepted: false,
      reason: 'replay',
    });
    expect(takeCallback(payment, body)).toEqual({ accepted: true, changed: false, payment });
  });

  it('does not count a callback with an invented reference: the verify fails it', async () => {
    // Prepare: the tamperer invents a RefNum; nothing in the callback alone can tell.
    const payment = await startPayment('judiciary', '8500000');
    const { body } = await payInBrowser(gateway.redirect(payment.token));
    const taken = takeCallback(payment, tamper(body, 'RefNum', 'invented-reference'));

    // Act
    const verified = await verifyPayment(taken.payment);

    // Assess
    expect(taken.payment.state).toBe('awaiting-verify');
    expect(verified.payment).toMatchObject({ state: 'failed', reason: 'unknown-reference' });
    expect(paidByPayee([verified.payment]).judiciary).toBe('0');
  });

  it('refuses a callback that repeats a field, since either value could be the forged one', async () => {
    const { body } = await paidAwaitingVerify();

    expect(() => gateway.parseCallback(`${body}&Amount=1`)).toThrow(GatewayProtocolError);
  });
});

describe('the verify', () => {
  it('is refused for a reference the gateway never issued, or issued to another terminal', async () => {
    const { payment } = await paidAwaitingVerify();

    const unknown = await gateway.verify({ refNum: 'no-such-reference', terminalId: COURT_TERMINAL });
    const otherTerminal = await gateway.verify({ refNum: payment.refNum!, terminalId: OFFICE_TERMINAL });

    expect([unknown, otherTerminal]).toEqual([{ outcome: 'unknown-reference' }, { outcome: 'unknown-reference' }]);
  });

  it('answers concurrent duplicates the same and settles once, and the model records one payment', async () => {
    // Prepare
    const { payment } = await paidAwaitingVerify();
    const settledBefore = simulator.settled().count;
    let stored = payment;
    const read = stored; // every caller read the payment before any of them wrote
    let writes = 0;

    // Act: five verifies at once, as retries and a double-clicked callback page would send them.
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => gateway.verify({ refNum: payment.refNum!, terminalId: COURT_TERMINAL })),
    );
    for (const answer of answers) {
      const result = applyVerification(read, answer, now());
      if (!result.accepted || !result.changed) continue;
      if (stored.version === read.version) {
        // Storage writes on the version it read, as the DynamoDB adapter will...
        stored = result.payment;
        writes += 1;
      } else {
        // ...so the others lose, read again, and find nothing left to do.
        expect(applyVerification(stored, answer, now())).toMatchObject({ accepted: true, changed: false });
      }
    }

    // Assess
    const details = answers.map((a) => (a.outcome === 'verified' ? [a.refNum, a.amountRials, a.traceNo] : a.outcome));
    expect(new Set(details.map((d) => JSON.stringify(d))).size).toBe(1);
    expect(answers.filter((a) => a.outcome === 'verified' && !a.duplicate)).toHaveLength(1);
    expect(simulator.settled().count - settledBefore).toBe(1);
    expect(writes).toBe(1);
    expect(stored).toMatchObject({ state: 'verified', version: payment.version + 1 });
    expect(paidByPayee([stored]).judiciary).toBe('8500000');
  });

  it('reports an unreachable gateway as unavailable, the one case to simply verify again', async () => {
    const offline = new SepPaymentGateway({ baseUrl: `http://127.0.0.1:${await freePort()}`, timeoutMs: 2000 });

    await expect(offline.verify({ refNum: 'any', terminalId: COURT_TERMINAL })).rejects.toBeInstanceOf(
      GatewayUnavailableError,
    );
  });
});

describe('tokens', () => {
  it('are refused for an unknown terminal and for an order id used before', async () => {
    const orderId = `ORD-${randomUUID()}`;
    const request = { terminalId: COURT_TERMINAL, amountRials: '1000', orderId, callbackUrl: CALLBACK_URL };
    await gateway.requestToken(request);

    await expect(gateway.requestToken({ ...request, terminalId: '99990009' })).rejects.toMatchObject({ code: '12' });
    await expect(gateway.requestToken(request)).rejects.toBeInstanceOf(GatewayRefusedError);
  });
});

describe("the gateway's window", () => {
  it('reverses a payment not verified in time by itself, and a late verify says so', async () => {
    // Prepare: a gateway with its own sweeping timer and a clock the test moves.
    let simClock = clock;
    const sweeping = await startPaymentGatewaySimulator({
      terminals: [COURT_TERMINAL],
      now: () => simClock,
      verifyWindowMs: 30 * 60_000,
      sweepIntervalMs: 10,
    });
    const client = new SepPaymentGateway({ baseUrl: sweeping.baseUrl, timeoutMs: 5000 });
    try {
      const payment = await startPayment('judiciary', '8500000', client);
      const callback = client.parseCallback(sweeping.pay(payment.token));
      const taken = applyCallback(payment, callback, { now: now() });

      // Act: 31 minutes pass without a verify; no request reaches the gateway meanwhile.
      simClock += 31 * 60_000;
      const deadline = Date.now() + 2000;
      while (sweeping.transaction(callback.refNum!)?.state !== 'reversed' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const late = await client.verify({ refNum: callback.refNum!, terminalId: COURT_TERMINAL });

      // Assess
      expect(sweeping.transaction(callback.refNum!)).toMatchObject({ state: 'reversed', autoReversed: true });
      expect(late).toEqual({ outcome: 'window-elapsed' });
      expect(applyVerification(taken.payment, late, new Date(simClock)).payment).toMatchObject({ state: 'reversed' });
      expect(expireIfUnverified(taken.payment, new Date(simClock), client).payment.state).toBe('reversed');
      expect(sweeping.settled().count).toBe(0);
    } finally {
      await sweeping.close();
    }
  });

  it('gives the money back on a reverse request, and answers a repeated reverse the same', async () => {
    const { payment } = await paidAwaitingVerify();
    const reference = { refNum: payment.refNum!, terminalId: COURT_TERMINAL };

    const first = await gateway.reverse(reference);
    const again = await gateway.reverse(reference);
    const verify = await gateway.verify(reference);

    expect([first, again, verify]).toEqual([
      { outcome: 'reversed', duplicate: false },
      { outcome: 'reversed', duplicate: true },
      { outcome: 'window-elapsed' },
    ]);
  });
});
