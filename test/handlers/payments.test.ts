import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { handler as createPetition } from '../../functions/create-petition';
import { handler as getFeeSchedule } from '../../functions/get-fee-schedule';
import { handler as paymentCallback } from '../../functions/payment-callback';
import { handler as putFeeSchedule } from '../../functions/put-fee-schedule';
import { handler as recordIndigency } from '../../functions/record-indigency';
import { handler as transitionPetition } from '../../functions/transition-petition';
import { handler as updateOffice } from '../../functions/update-office';
import { handler as updatePetition } from '../../functions/update-petition';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { capacityMeter } from '../../shared/adapters/capacity-meter';
import { keys } from '../../shared/adapters/dynamo-keys';
import { petitionAdaptersFromEnv } from '../../shared/adapters/from-env';
import { readEnv, tableEnvShape } from '../../shared/config';
import { newPayment, orderIdFor } from '../../shared/domain/payments';
import { solarHijriMonth } from '../../shared/domain/solar-hijri';
import type { PaymentRedirect } from '../../shared/ports';
import { apiEvent, type Caller, call } from '../support/api-event';
import { outboxEventsOf } from '../support/outbox';
import { callbackEvent, feesOf, payAtGateway, payInFull, postCallback, startPaymentFor } from '../support/payments';
import { activeOffice, counter, petitionBody } from '../support/petitions';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';
import { submit } from '../support/submit';

/**
 * Fees and payments through the handlers and DynamoDB Local, paid at the gateway simulator as a
 * payer would: submission waits for the money, only a verified callback records a payment (with
 * its receipt, the office's collected counters and a payment-verified event in one transaction),
 * and a tampered or repeated callback records nothing more.
 */
beforeAll(provisionStores);
afterAll(dropStores);

async function draft() {
  const officeCode = await activeOffice();
  const clerk: Caller = { role: 'clerk', officeCode };
  const created = await call(createPetition, apiEvent('create-petition', { caller: clerk, body: petitionBody() }));
  expect(created.status).toBe(201);
  return { officeCode, clerk, petitionId: created.body.petitionId as string, quote: created.body.quote };
}

/** A payment to the judiciary started and paid at the gateway; answers the callback's form fields. */
async function paidAtGateway(clerk: Caller, petitionId: string) {
  const started = await startPaymentFor(clerk, petitionId, 'judiciary');
  expect(started.status).toBe(201);
  return { fields: await payAtGateway(started.body.redirect as PaymentRedirect), started };
}

describe('submission and the fees', () => {
  it('is refused with 409 and the amount due per payee until the quote is paid, then goes through', async () => {
    const { clerk, petitionId, quote } = await draft();

    const unpaid = await submit(clerk, petitionId);
    await payInFull(clerk, petitionId);
    const paid = await submit(clerk, petitionId);

    expect(unpaid.status).toBe(409);
    expect(unpaid.body.type).toBe('urn:judicial-e-services:problem:fees-due');
    expect(JSON.stringify(unpaid.body)).toContain(quote.totals.total);
    expect(paid.status).toBe(200);
  });

  it("lets a clerk's indigency claim defer the court fee: only the office's tariff is asked for", async () => {
    const { clerk, petitionId } = await draft();
    const claimed = await call(
      recordIndigency,
      apiEvent('record-indigency', {
        caller: clerk,
        pathParameters: { petitionId },
        body: { action: 'claim', expectedVersion: 1 },
      }),
    );

    const fees = await feesOf(clerk, petitionId);
    const onlyTariff = await startPaymentFor(clerk, petitionId, 'judiciary');
    await payInFull(clerk, petitionId);
    const submitted = await submit(clerk, petitionId);

    expect(claimed.status).toBe(200);
    expect(fees.body.balance.judiciary.dueRials).toBe('0');
    expect(fees.body.balance.judiciary.deferredRials).toBe(fees.body.quote.totals.judiciary);
    expect(onlyTariff.status).toBe(409);
    expect(submitted.status).toBe(200);
  });
});

describe('a verified payment', () => {
  it('gives a receipt per payee, adds to the office collected counters exactly, and emits payment-verified', async () => {
    const { officeCode, clerk, petitionId, quote } = await draft();

    const receipts = await payInFull(clerk, petitionId);

    expect(receipts.map((r) => [r.payee, r.amountRials])).toEqual([
      ['judiciary', quote.totals.judiciary],
      ['office', quote.totals.office],
    ]);
    for (const receipt of receipts) expect(receipt).toMatchObject({ refNum: expect.any(String) });
    const month = await counter(officeCode, `J#${solarHijriMonth(new Date())}`);
    expect(String(month?.['collected:judiciary'])).toBe(quote.totals.judiciary);
    expect(String(month?.['collected:office'])).toBe(quote.totals.office);
    const events = (await outboxEventsOf(petitionId)).filter((e) => e.type === 'payment-verified');
    // Both at the same petition version (a payment leaves the petition as it is): in payee order.
    const paid = events.map((e) => (e.type === 'payment-verified' ? [e.data.payee, e.data.amountRials] : []));
    expect(paid.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['court-fee', quote.totals.judiciary],
      ['office-tariff', quote.totals.office],
    ]);
  });
});

describe('an office that may not submit', () => {
  it('takes no payment while suspended: 409, and no payment started at the gateway', async () => {
    // Prepare
    const { officeCode, clerk, petitionId } = await draft();
    const suspended = await call(
      updateOffice,
      apiEvent('update-office', {
        caller: { role: 'province-admin' },
        pathParameters: { officeCode },
        body: { status: 'suspended' },
      }),
    );
    const before = await tableSnapshot();

    // Act
    const started = await startPaymentFor(clerk, petitionId, 'judiciary');

    // Assess
    expect(suspended.status).toBe(200);
    expect(started.status).toBe(409);
    expect(started.body.type).toBe('urn:judicial-e-services:problem:office-not-active');
    expect(await tableSnapshot()).toEqual(before);
  });
});

describe("the office's terminal", () => {
  it('does not resume a tariff payment started on the terminal the office had before', async () => {
    // Prepare: a tariff payment started, then the office moves to another terminal
    const { officeCode, clerk, petitionId } = await draft();
    const first = await startPaymentFor(clerk, petitionId, 'office');
    const moved = await call(
      updateOffice,
      apiEvent('update-office', {
        caller: { role: 'province-admin' },
        pathParameters: { officeCode },
        body: { paymentTerminalId: `8${officeCode}` },
      }),
    );

    // Act
    const again = await startPaymentFor(clerk, petitionId, 'office');

    // Assess: not the old token again (its money would go to the old terminal); the open one waits out
    expect([first.status, moved.status]).toEqual([201, 200]);
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:judicial-e-services:problem:payment-in-progress');
  });

  it('takes no tariff into a terminal stored with a leading zero, which the gateway would read as another', async () => {
    // Prepare: an office as a version before the one spelling stored it
    const { officeCode, clerk, petitionId } = await draft();
    const db = createDocumentClient(readEnv(tableEnvShape));
    const { TABLE_NAME } = readEnv(tableEnvShape);
    const { Item } = await db.send(new GetCommand({ TableName: TABLE_NAME, Key: keys.office(officeCode) }));
    await db.send(new PutCommand({ TableName: TABLE_NAME, Item: { ...Item, paymentTerminalId: `0${officeCode}` } }));
    const before = await tableSnapshot();

    // Act
    const started = await startPaymentFor(clerk, petitionId, 'office');

    // Assess
    expect(started.status).toBe(409);
    expect(started.body.type).toBe('urn:judicial-e-services:problem:no-payment-terminal');
    expect(await tableSnapshot()).toEqual(before);
  });

  it('takes no tariff into a terminal whose claim names another office (as the backfill leaves one)', async () => {
    // Prepare: the office's terminal claimed by another office, as for two offices stored before claims
    const { officeCode, clerk, petitionId } = await draft();
    const db = createDocumentClient(readEnv(tableEnvShape));
    const { TABLE_NAME } = readEnv(tableEnvShape);
    await db.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: { ...keys.terminalClaim(`9${officeCode}`), entity: 'terminal-claim', officeCode: '99999999' },
      }),
    );
    const before = await tableSnapshot();

    // Act
    const started = await startPaymentFor(clerk, petitionId, 'office');

    // Assess
    expect(started.status).toBe(409);
    expect(started.body.type).toBe('urn:judicial-e-services:problem:no-payment-terminal');
    expect(await tableSnapshot()).toEqual(before);
  });
});

describe('a very large claim', () => {
  it('records the payment of a court fee of 10^19 rials and more, which the gateway settles, with its event', async () => {
    // Prepare: a claim of 21 digits, quoted exactly
    const officeCode = await activeOffice();
    const clerk: Caller = { role: 'clerk', officeCode };
    const body = petitionBody(undefined, { claimAmountRials: '999999999999999999999' });
    const created = await call(createPetition, apiEvent('create-petition', { caller: clerk, body }));
    const { petitionId, quote } = created.body;

    // Act: before, the callback answered 500 on every try, the gateway holding the money settled
    const receipts = await payInFull(clerk, petitionId);

    // Assess
    expect(BigInt(quote.totals.judiciary)).toBeGreaterThanOrEqual(10n ** 19n);
    expect(receipts.map((r) => [r.payee, r.amountRials])).toEqual([
      ['judiciary', quote.totals.judiciary],
      ['office', quote.totals.office],
    ]);
    const events = (await outboxEventsOf(petitionId)).filter((e) => e.type === 'payment-verified');
    expect(events.map((e) => (e.type === 'payment-verified' ? e.data.amountRials : ''))).toContain(
      quote.totals.judiciary,
    );
  });
});

describe('callbacks', () => {
  const tamper = (fields: Record<string, string>, field: string, value: string) => ({ ...fields, [field]: value });

  it.each([
    ['the amount lowered', 'Amount', '1000'],
    ['another reference', 'RefNum', 'invented-reference-0001'],
    ['the order id of another payment', 'ResNum', '00000000-0000-4000-8000-000000000000-1'],
    ['another token', 'Token', 'f'.repeat(32)],
  ])('refuses a callback with %s and records nothing', async (_case, field, value) => {
    const { clerk, petitionId } = await draft();
    const { fields } = await paidAtGateway(clerk, petitionId);
    const before = await tableSnapshot();

    const answer = await postCallback(tamper(fields, field, value));

    expect([400, 404, 409]).toContain(answer.status);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await tableSnapshot()).toEqual(before);
    expect((await feesOf(clerk, petitionId)).body.receipts).toEqual([]);
  });

  it('records no payment for a callback the gateway does not confirm by verify (a cancelled payment)', async () => {
    const { clerk, petitionId } = await draft();
    const started = await startPaymentFor(clerk, petitionId, 'judiciary');
    const fields = await payAtGateway(started.body.redirect as PaymentRedirect, 'cancel');

    const answer = await postCallback(fields);

    expect(answer.body.outcome).toBe('failed');
    const fees = await feesOf(clerk, petitionId);
    expect(fees.body.receipts).toEqual([]);
    expect(fees.body.balance.judiciary.paidRials).toBe('0');
    expect((await outboxEventsOf(petitionId)).filter((e) => e.type === 'payment-verified')).toEqual([]);
  });

  /** A not-OK callback as anyone holding the payer's token can post it: no reference, no amount. */
  const notOk = (fields: Record<string, string>): Record<string, string> => {
    const { RefNum: _ref, Amount: _amount, TraceNo: _trace, Rrn: _rrn, SecurePan: _pan, ...rest } = fields;
    return { ...rest, State: 'CanceledByUser', Status: '1' };
  };

  it("records the payer's payment when a forged cancel came first: the gateway's verify decides", async () => {
    // Prepare: the payer pays; a cancel for the same order and token is posted before the real callback.
    const { clerk, petitionId, quote } = await draft();
    const { fields } = await paidAtGateway(clerk, petitionId);
    const forged = await postCallback(notOk(fields));

    // Act
    const real = await postCallback(fields);

    // Assess: the citizen was told it failed, and still the real callback records the payment once.
    expect(forged.body.outcome).toBe('failed');
    expect(real.status).toBe(200);
    expect(real.body.outcome).toBe('verified');
    const fees = await feesOf(clerk, petitionId);
    expect(fees.body.receipts).toHaveLength(1);
    expect(fees.body.balance.judiciary.paidRials).toBe(quote.totals.judiciary);
    expect((await outboxEventsOf(petitionId)).filter((e) => e.type === 'payment-verified')).toHaveLength(1);
  });

  it('takes no payment for a withdrawn petition, and gives back one paid after the withdrawal', async () => {
    // Prepare: a payment started on the draft, then the draft withdrawn before the payer pays
    const { clerk, petitionId } = await draft();
    const { fields } = await paidAtGateway(clerk, petitionId);
    const withdrawn = await call(
      transitionPetition,
      apiEvent('transition-petition', {
        caller: clerk,
        pathParameters: { petitionId },
        body: { action: 'withdraw', expectedVersion: 1 },
      }),
    );

    // Act
    const another = await startPaymentFor(clerk, petitionId, 'office');
    const callback = await postCallback(fields);

    // Assess: nothing is kept for a petition that will never reach a court
    expect(withdrawn.status).toBe(200);
    expect(another.status).toBe(409);
    expect(another.body.type).toBe('urn:judicial-e-services:problem:nothing-due');
    expect(callback.status).toBe(200);
    expect(callback.body.outcome).toBe('reversed');
    const fees = await feesOf(clerk, petitionId);
    expect(fees.body.receipts).toEqual([]);
    expect(fees.body.balance.judiciary.paidRials).toBe('0');
    expect((await outboxEventsOf(petitionId)).filter((e) => e.type === 'payment-verified')).toEqual([]);
  });

  it('gives back a payment for more than the quote fell to after it started, and takes the new amount', async () => {
    // Prepare: the court fee asked for, then the claim lowered before the payer pays
    const { clerk, petitionId, quote } = await draft();
    const { fields } = await paidAtGateway(clerk, petitionId);
    const edited = await call(
      updatePetition,
      apiEvent('update-petition', {
        caller: clerk,
        pathParameters: { petitionId },
        body: { claimAmountRials: '1000000', expectedVersion: 1 },
      }),
    );

    // Act
    const callback = await postCallback(fields);
    const again = await startPaymentFor(clerk, petitionId, 'judiciary');

    // Assess: the old amount went back, and the payer is asked for the new one
    expect(edited.status).toBe(200);
    expect(BigInt(edited.body.quote.totals.judiciary)).toBeLessThan(BigInt(quote.totals.judiciary));
    expect(callback.body.outcome).toBe('reversed');
    expect((await feesOf(clerk, petitionId)).body.balance.judiciary.paidRials).toBe('0');
    expect(again.status).toBe(201);
    expect(again.body.payment.amountRials).toBe(edited.body.quote.totals.judiciary);
  });

  it('leaves a genuinely cancelled payment unpaid when a paid callback with an invented reference follows', async () => {
    // Prepare
    const { clerk, petitionId, quote } = await draft();
    const started = await startPaymentFor(clerk, petitionId, 'judiciary');
    const cancel = await payAtGateway(started.body.redirect as PaymentRedirect, 'cancel');
    expect((await postCallback(cancel)).body.outcome).toBe('failed');
    const before = await tableSnapshot();

    // Act
    const forged = await postCallback({
      ...cancel,
      State: 'OK',
      Status: '2',
      RefNum: 'invented-reference-0002',
      Amount: quote.totals.judiciary,
    });

    // Assess
    expect(forged.status).toBe(409);
    expect(await tableSnapshot()).toEqual(before);
    const fees = await feesOf(clerk, petitionId);
    expect(fees.body.receipts).toEqual([]);
    expect(fees.body.payments).toMatchObject([{ state: 'failed' }]);
    expect((await startPaymentFor(clerk, petitionId, 'judiciary')).status).toBe(201);
  });

  it('records one payment for concurrent duplicate callbacks, and answers each the same', async () => {
    const { officeCode, clerk, petitionId, quote } = await draft();
    const { fields } = await paidAtGateway(clerk, petitionId);

    const answers = await Promise.all(Array.from({ length: 8 }, () => call(paymentCallback, callbackEvent(fields))));
    const replay = await postCallback(fields);

    const verified = answers.filter((a) => a.body.outcome === 'verified');
    expect(verified.length).toBeGreaterThanOrEqual(1);
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(replay.body.outcome).toBe('verified');
    const fees = await feesOf(clerk, petitionId);
    expect(fees.body.receipts).toHaveLength(1);
    expect(fees.body.balance.judiciary.paidRials).toBe(quote.totals.judiciary);
    const month = await counter(officeCode, `J#${solarHijriMonth(new Date())}`);
    expect(String(month?.['collected:judiciary'])).toBe(quote.totals.judiciary);
    expect((await outboxEventsOf(petitionId)).filter((e) => e.type === 'payment-verified')).toHaveLength(1);
  });
});

describe('the paid totals beside the petition', () => {
  const db = () => createDocumentClient(readEnv(tableEnvShape));
  const paidTotals = async (petitionId: string) =>
    (
      await db().send(
        new GetCommand({ TableName: readEnv(tableEnvShape).TABLE_NAME, Key: keys.paidTotals(petitionId) }),
      )
    ).Item;

  it('hold each verified payment once, even under duplicate callbacks, so submission reads them with no query', async () => {
    const { clerk, petitionId, quote } = await draft();
    const { fields } = await paidAtGateway(clerk, petitionId);
    await Promise.all(Array.from({ length: 4 }, () => call(paymentCallback, callbackEvent(fields))));
    await payInFull(clerk, petitionId);
    capacityMeter.reset();

    const submitted = await submit(clerk, petitionId);

    expect(submitted.status).toBe(200);
    expect(capacityMeter.commands).toEqual(['BatchGetItem', 'Query', 'TransactWriteItems']);
    const totals = await paidTotals(petitionId);
    expect(String(totals?.judiciary)).toBe(quote.totals.judiciary);
    expect(String(totals?.office)).toBe(quote.totals.office);
  });

  it('refuses to verify a payment a second time, adding nothing to the totals', async () => {
    const { clerk, petitionId, quote } = await draft();
    await payInFull(clerk, petitionId);
    const { payments } = petitionAdaptersFromEnv();
    const [verified] = (await payments.forPetition(petitionId)).filter((p) => p.payee === 'judiciary');

    const again = await payments.save(verified!, verified!.version, []);

    expect(again).toBe('payment-changed');
    expect(String((await paidTotals(petitionId))?.judiciary)).toBe(quote.totals.judiciary);
  });

  it('still let a petition whose payments were verified before the totals existed be submitted, by reading them', async () => {
    const { clerk, petitionId, quote } = await draft();
    const petition = await petitionAdaptersFromEnv().petitions.get(petitionId);
    for (const [attempt, payee] of (['judiciary', 'office'] as const).entries()) {
      const orderId = orderIdFor(petitionId, attempt + 1);
      const payment = newPayment(
        {
          paymentId: orderId,
          petitionId,
          officeCode: clerk.officeCode!,
          payee,
          terminalId: 'T1',
          orderId,
          amountRials: quote.totals[payee],
          token: `legacy-${orderId}`,
          quote: { versionId: petition!.quote!.schedule.versionId, quotedAt: petition!.quote!.quotedAt },
        },
        new Date(),
      );
      // Written as the payment repository wrote it before the paid totals: the payment alone.
      await db().send(
        new PutCommand({
          TableName: readEnv(tableEnvShape).TABLE_NAME,
          Item: { ...keys.payment(petitionId, orderId), entity: 'payment', ...payment, state: 'verified' },
        }),
      );
    }
    capacityMeter.reset();

    const submitted = await submit(clerk, petitionId);
    const commands = [...capacityMeter.commands];

    expect(submitted.status).toBe(200);
    expect(await paidTotals(petitionId)).toBeUndefined();
    // The payments query is the fourth call, for such petitions only.
    expect(commands).toEqual(['BatchGetItem', 'Query', 'Query', 'TransactWriteItems']);
  });

  it('lets a petition be submitted whose totals hold only the payments verified since they existed', async () => {
    const { clerk, petitionId, quote } = await draft();
    const petition = await petitionAdaptersFromEnv().petitions.get(petitionId);
    const orderId = orderIdFor(petitionId, 1);
    // The court fee, verified before the totals existed: in the payments only.
    await db().send(
      new PutCommand({
        TableName: readEnv(tableEnvShape).TABLE_NAME,
        Item: {
          ...keys.payment(petitionId, orderId),
          entity: 'payment',
          ...newPayment(
            {
              paymentId: orderId,
              petitionId,
              officeCode: clerk.officeCode!,
              payee: 'judiciary',
              terminalId: 'T1',
              orderId,
              amountRials: quote.totals.judiciary,
              token: `legacy-${orderId}`,
              quote: { versionId: petition!.quote!.schedule.versionId, quotedAt: petition!.quote!.quotedAt },
            },
            new Date(),
          ),
          state: 'verified',
        },
      }),
    );
    // The office's tariff, paid through the gateway since: in the totals too.
    await payInFull(clerk, petitionId);

    const submitted = await submit(clerk, petitionId);

    expect(submitted.status).toBe(200);
    expect(await paidTotals(petitionId)).toMatchObject({ office: expect.anything() });
    expect((await paidTotals(petitionId))?.judiciary).toBeUndefined();
  });
});

describe("the petition's stored quote", () => {
  const db = () => createDocumentClient(readEnv(tableEnvShape));
  const storedPetition = async (petitionId: string) =>
    (await db().send(new GetCommand({ TableName: readEnv(tableEnvShape).TABLE_NAME, Key: keys.petition(petitionId) })))
      .Item!;

  it('is kept compressed, under half its size as JSON, and read back whole', async () => {
    const { clerk, petitionId, quote } = await draft();

    const stored = await storedPetition(petitionId);
    const fees = await feesOf(clerk, petitionId);

    expect(ArrayBuffer.isView(stored.quote)).toBe(true);
    expect((stored.quote as Uint8Array).byteLength).toBeLessThan(Buffer.byteLength(JSON.stringify(quote)) / 2);
    expect(fees.body.quote).toEqual(quote);
    expect((await petitionAdaptersFromEnv().petitions.get(petitionId))?.quote).toEqual(quote);
  });

  it('is still read from a petition stored before compression, and submission accepts it once paid', async () => {
    const { clerk, petitionId, quote } = await draft();
    const petition = (await petitionAdaptersFromEnv().petitions.get(petitionId))!;
    // Written as the repository wrote it before: the quote as a plain map.
    await db().send(
      new PutCommand({
        TableName: readEnv(tableEnvShape).TABLE_NAME,
        Item: { ...(await storedPetition(petitionId)), quote: petition.quote },
      }),
    );

    const fees = await feesOf(clerk, petitionId);
    await payInFull(clerk, petitionId);
    const submitted = await submit(clerk, petitionId);

    expect(fees.body.quote).toEqual(quote);
    expect(submitted.status).toBe(200);
    expect(ArrayBuffer.isView((await storedPetition(petitionId)).quote)).toBe(true);
  });
});

describe('a schedule change', () => {
  it('leaves an existing quote as it was; the used version refuses to change, and a correction is a new version', async () => {
    const { clerk, petitionId, quote } = await draft();
    const admin: Caller = { role: 'national-admin' };
    const used = quote.schedule.versionId as string;
    const read = await call(
      getFeeSchedule,
      apiEvent('get-fee-schedule', { caller: admin, pathParameters: { versionId: used } }),
    );
    const raised = (schedule: Record<string, unknown>) => ({
      ...schedule,
      tariffItems: (schedule.tariffItems as Array<Record<string, unknown>>).map((item) =>
        item.code === 'petition' ? { ...item, amountRials: '990000' } : item,
      ),
    });
    const original = read.body.schedule as Record<string, unknown>;
    const put = (versionId: string, body: unknown) =>
      call(putFeeSchedule, apiEvent('put-fee-schedule', { caller: admin, pathParameters: { versionId }, body }));

    const changedInPlace = await put(used, raised(original));
    const correction = { ...raised(original), revision: 2, versionId: used.replace(/-r\d+$/, '-r2') };
    const loaded = await put(correction.versionId, correction);

    expect(read.status).toBe(200);
    expect(changedInPlace.status).toBe(409);
    expect(changedInPlace.body.type).toBe('urn:judicial-e-services:problem:schedule-version-used');
    expect(loaded.status).toBe(201);
    expect((await feesOf(clerk, petitionId)).body.quote).toEqual(quote);
  });
});
