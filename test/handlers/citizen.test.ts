import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { handler as createPetition } from '../../functions/create-petition';
import { handler as giveFeedback } from '../../functions/give-feedback';
import { handler as submitPetition } from '../../functions/submit-petition';
import { handler as trackPetition } from '../../functions/track-petition';
import { handler as transition } from '../../functions/transition-petition';
import { handler as updatePetition } from '../../functions/update-petition';
import { backfillTrackingEntries } from '../../scripts/backfill-tracking-entries';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { keys } from '../../shared/adapters/dynamo-keys';
import { DynamoPaymentRepository } from '../../shared/adapters/dynamo-payment-repository';
import { DynamoPetitionRepository } from '../../shared/adapters/dynamo-petition-repository';
import { readEnv, tableEnvShape } from '../../shared/config';
import { solarHijriMonth } from '../../shared/domain/solar-hijri';
import { solarHijriDay } from '../../shared/domain/solar-hijri-days';
import { newTrackingCode, partyKeysOf } from '../../shared/domain/tracking-code';
import { apiEvent, call } from '../support/api-event';
import { awayFromWindowEdge } from '../support/guessing-window';
import { payInFull } from '../support/payments';
import { activeOffice, counter, idempotencyKey, nationalId, petitionBody } from '../support/petitions';
import { recordDynamoRequests } from '../support/requests';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

/** A submitted petition whose claimant has `claimantId` (a civil claim against a company unless `overrides` say). */
async function submittedFor(claimantId: string, overrides: Record<string, unknown> = {}) {
  const officeCode = await activeOffice();
  const clerk = { role: 'clerk' as const, officeCode };
  const created = await call(
    createPetition,
    apiEvent('create-petition', { caller: clerk, body: petitionBody(claimantId, overrides) }),
  );
  await payInFull(clerk, created.body.petitionId);
  const submitted = await call(
    submitPetition,
    apiEvent('submit-petition', {
      caller: clerk,
      pathParameters: { petitionId: created.body.petitionId },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
  );
  return {
    officeCode,
    petitionId: created.body.petitionId as string,
    trackingCode: submitted.body.trackingCode as string,
    submittedAt: submitted.body.submittedAt as string,
  };
}

const track = (trackingCode: string, nationalIdValue: string, sourceIp = '127.0.0.1') => {
  const event = apiEvent('track-petition', {
    pathParameters: { trackingCode },
    query: { nationalId: nationalIdValue },
  });
  event.requestContext.http.sourceIp = sourceIp;
  return call(trackPetition, event);
};

/** The civil claim's defendant in petitionBody: a company, by its legal national ID. */
const DEFENDANT_COMPANY = '10380284790';

/** A criminal complaint by `complainantId` against a natural person, `accusedId`, submitted. */
function complaintAgainst(complainantId: string, accusedId: string) {
  const [complainant] = petitionBody(complainantId).parties;
  const accused = { type: 'person', role: 'defendant', nationalId: accusedId, firstName: 'حسن', lastName: 'رضایی' };
  return submittedFor(complainantId, {
    kind: 'criminal-complaint',
    claimAmountRials: undefined,
    parties: [complainant, { ...accused, fatherName: 'محمود', mobile: '09157654321' }],
  });
}

/** The court dispatches the petition and registers its case as `caseNumber`. */
async function registered(petitionId: string, caseNumber: string) {
  const court = { role: 'court' as const };
  const step = (body: Record<string, unknown>) =>
    call(transition, apiEvent('transition-petition', { caller: court, pathParameters: { petitionId }, body }));
  const dispatched = await step({ action: 'dispatch', expectedVersion: 2 });
  const done = await step({ action: 'register', caseNumber, expectedVersion: 3 });
  expect([dispatched.status, done.status]).toEqual([200, 200]);
}

/** A 404's body without its `instance`, which names the request. */
const withoutInstance = (body: Record<string, unknown>) => {
  const { instance: _instance, ...rest } = body;
  return rest;
};

const ratings = { courtesy: 5, responsiveness: 4, overall: 3 };

describe('GET /v1/track/{trackingCode}', () => {
  it("shows a party status, dates and the office's name and phone in Persian, and nothing else", async () => {
    const claimant = nationalId();
    const { trackingCode, submittedAt } = await submittedFor(claimant);

    const answer = await track(trackingCode, claimant);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      trackingCode,
      status: { code: 'submitted', label: 'ارسال‌شده به دادگاه' },
      kind: { code: 'civil-petition', label: 'دادخواست حقوقی' },
      office: { name: 'دفتر خدمات الکترونیک قضایی آزمون', phone: '05632220000' },
      submitted: { at: submittedAt, solarHijriDate: solarHijriDay(new Date(submittedAt)), text: expect.any(String) },
      updated: { at: submittedAt, solarHijriDate: solarHijriDay(new Date(submittedAt)), text: expect.any(String) },
      month: solarHijriMonth(new Date(submittedAt)),
      nextStep: 'دادخواست به دادگاه رسیده است و منتظر ارجاع است. اکنون کاری لازم نیست.',
      // The receipts of both payees (reference, amount, payee, time), nothing owed.
      fees: {
        dueRials: '0',
        receipts: ['judiciary', 'office'].map((payee) => ({
          payee,
          payeeLabel: expect.any(String),
          amountRials: expect.stringMatching(/^[1-9]\d*$/),
          refNum: expect.any(String),
          traceNo: expect.any(String),
          paid: { at: expect.any(String), solarHijriDate: expect.any(String), text: expect.any(String) },
        })),
      },
    });
    expect(answer.body.submitted.text).toMatch(/^[۰-۹]+ [آ-ی]+ ۱۴[۰-۹]{2}، [۰-۹]{2}:[۰-۹]{2}$/);
    expect(JSON.stringify(answer.body)).not.toContain(claimant);
  });

  it('reads the petition with its payments in one Query, leaving the rest of its partition unread', async () => {
    // Prepare: a submitted, paid petition with a rating and an audit entry in its partition, read
    // through a client that records each request it sends
    const claimant = nationalId();
    const { petitionId, trackingCode } = await submittedFor(claimant);
    const rated = await call(
      giveFeedback,
      apiEvent('give-feedback', { body: { trackingCode, nationalId: claimant, ratings } }),
    );
    expect(rated.status).toBe(201);
    const config = readEnv(tableEnvShape);
    const repository = new DynamoPetitionRepository(createDocumentClient(config), config.TABLE_NAME);
    const at = new Date().toISOString();
    const download = { action: 'download', from: 'submitted', to: 'submitted', documentId: 'd' } as const;
    await repository.recordAccess({ petitionId, at, by: { role: 'clerk', userId: 'clerk' }, ...download });
    const db = createDocumentClient(config);
    const sent: { command: string; items: unknown }[] = [];
    db.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        sent.push({ command: context.commandName ?? '?', items: (result.output as { Count?: number }).Count });
        return result;
      },
      { step: 'finalizeRequest', name: 'countRequests', priority: 'low' },
    );

    // Act
    const { petition, payments } = await new DynamoPetitionRepository(db, config.TABLE_NAME).withPayments(petitionId);

    // Assess: one request, which read the paid totals, the two payments and the petition, nothing
    // more; what the payment repository gives, in its order, and the petition as `get` gives it
    expect(sent).toEqual([{ command: 'QueryCommand', items: 4 }]);
    expect(petition).toEqual(await repository.get(petitionId));
    expect(payments).toEqual(await new DynamoPaymentRepository(db, config.TABLE_NAME).forPetition(petitionId));
    expect(payments.map((payment) => payment.payee).sort()).toEqual(['judiciary', 'office']);
  });

  it('answers a party in five requests: the entry, the reservation, the refund, the office and one Query of the partition', async () => {
    // Prepare: a paid, submitted petition; then every request of the process's clients is recorded
    const claimant = nationalId();
    const { trackingCode } = await submittedFor(claimant);
    const requests = recordDynamoRequests();

    // Act
    const answer = await track(trackingCode, claimant).finally(requests.stop);

    // Assess: the tracking entry and the reservation (one transaction over the code's and the
    // address's budgets), then the refund, the office and one Query for the petition with its
    // payments (its receipts shown)
    expect(answer.status).toBe(200);
    expect(answer.body.fees.receipts).toHaveLength(2);
    expect([...requests.sent].sort()).toEqual([
      'GetItemCommand',
      'GetItemCommand',
      'QueryCommand',
      'TransactWriteItemsCommand',
      'TransactWriteItemsCommand',
    ]);
  });

  it('answers in English when asked, with Tehran time', async () => {
    const claimant = nationalId();
    const { trackingCode } = await submittedFor(claimant);

    const answer = await call(
      trackPetition,
      apiEvent('track-petition', {
        pathParameters: { trackingCode },
        query: { nationalId: claimant },
        headers: { 'accept-language': 'en' },
      }),
    );

    expect(answer.body.status.label).toBe('submitted');
    expect(answer.body.kind.label).toBe('civil petition');
    expect(answer.body.submitted.text).toMatch(/^\d+ [A-Z][a-z]+ 14\d\d, \d\d:\d\d$/);
  });

  it("shows the court's note, the labelled defects, the cure deadline and what to do when the petition was returned", async () => {
    const claimant = nationalId();
    const { trackingCode, petitionId } = await submittedFor(claimant);
    const court = { role: 'court' as const };
    await call(
      transition,
      apiEvent('transition-petition', {
        caller: court,
        pathParameters: { petitionId },
        body: {
          action: 'return',
          defects: ['unpaid-fees', 'evidence'],
          note: 'رونوشت سند مالکیت پیوست نشده است.',
          expectedVersion: 2,
        },
      }),
    );

    const answer = await track(trackingCode, claimant);

    expect(answer.body.status).toEqual({ code: 'returned', label: 'برگشتی برای رفع نقص' });
    expect(answer.body.courtNote).toBe('رونوشت سند مالکیت پیوست نشده است.');
    expect(answer.body.defects.map((d: { code: string; label: string }) => [d.code, d.label])).toEqual([
      ['unpaid-fees', 'هزینه دادرسی پرداخت نشده است'],
      ['evidence', 'ادله و مدارک ذکر یا پیوست نشده است'],
    ]);
    expect(answer.body.cureDeadline).toMatchObject({ lastDay: expect.stringMatching(/^14\d\d-\d\d-\d\d$/) });
    expect(answer.body.cureDeadline.text).toContain('آخرین روز مهلت');
    expect(answer.body.nextStep).toContain('دفتر خدمات الکترونیک قضایی آزمون (تلفن ۰۵۶۳۲۲۲۰۰۰۰)');
  });

  it('answers a wrong national ID exactly like an unknown tracking code', async () => {
    const { trackingCode } = await submittedFor(nationalId());

    const mismatch = await track(trackingCode, nationalId());
    const unknown = await track(
      newTrackingCode(() => 7),
      nationalId(),
    );

    expect([mismatch.status, unknown.status]).toEqual([404, 404]);
    const { instance: _a, ...mismatchBody } = mismatch.body;
    const { instance: _b, ...unknownBody } = unknown.body;
    expect(mismatchBody).toEqual(unknownBody);
  });

  it('answers 400 for a code with a wrong check digit or a malformed national ID', async () => {
    const valid = newTrackingCode(() => 3);
    const typo = valid.slice(0, -2) + valid.at(-1) + valid.at(-2);

    const answer = await track(typo === valid ? `${valid.slice(0, -1)}0` : typo, '123');

    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'path.trackingCode',
      'query.nationalId',
    ]);
  });
});

describe('what each side sees: the notice rules decide (shared/domain/citizen-access.ts)', () => {
  it('answers the accused of a criminal complaint exactly like a wrong national ID: the same 404 after the same requests', async () => {
    // Prepare: a complaint against a natural person; every DynamoDB request of the process is recorded
    const complainant = nationalId();
    const accused = nationalId();
    const { trackingCode } = await complaintAgainst(complainant, accused);
    const requests = recordDynamoRequests();

    // Act: the accused asks, then someone with a wrong national ID
    const byAccused = await track(trackingCode, accused);
    const sentForAccused = requests.sent.splice(0);
    const byStranger = await track(trackingCode, nationalId()).finally(requests.stop);

    // Assess: the same 404 body, and the same requests (the entry and the reservation): no petition
    // read and no refund, so neither the answer's time nor the guessing budget tells them apart
    expect([byAccused.status, byStranger.status]).toEqual([404, 404]);
    expect(withoutInstance(byAccused.body)).toEqual(withoutInstance(byStranger.body));
    expect(sentForAccused.sort()).toEqual(['GetItemCommand', 'TransactWriteItemsCommand']);
    expect([...requests.sent].sort()).toEqual(sentForAccused);
  });

  it("spends the guessing budget on the accused's lookups as on wrong national IDs", async () => {
    // Prepare: a complaint; its counting window has room for six tries
    const complainant = nationalId();
    const accused = nationalId();
    const { trackingCode } = await complaintAgainst(complainant, accused);
    const address = '198.51.100.41';
    await awayFromWindowEdge(10);

    // Act: the accused asks five times from one address, then the complainant from the same address
    const lookups = [];
    for (let i = 0; i < 5; i++) lookups.push((await track(trackingCode, accused, address)).status);
    const complainantThen = await track(trackingCode, complainant, address);
    const complainantElsewhere = await track(trackingCode, complainant, '198.51.100.42');

    // Assess: five misses spent the address's budget, as five wrong IDs would; another address still answers
    expect(lookups).toEqual([404, 404, 404, 404, 404]);
    expect(complainantThen.status).toBe(429);
    expect(complainantElsewhere.status).toBe(200);
  });

  it('answers a civil defendant like a wrong national ID until the court registers the case', async () => {
    // Prepare: a submitted civil claim against a company, not yet registered
    const { trackingCode } = await submittedFor(nationalId());

    // Act
    const byDefendant = await track(trackingCode, DEFENDANT_COMPANY);
    const byStranger = await track(trackingCode, nationalId());

    // Assess
    expect([byDefendant.status, byStranger.status]).toEqual([404, 404]);
    expect(withoutInstance(byDefendant.body)).toEqual(withoutInstance(byStranger.body));
  });

  it('shows a civil defendant status, kind, office, dates and case number once registered, and no receipts', async () => {
    // Prepare: a paid civil claim against a company, dispatched and registered by the court
    const claimant = nationalId();
    const { petitionId, trackingCode, submittedAt } = await submittedFor(claimant);
    await registered(petitionId, '14039876543');

    // Act
    const answer = await track(trackingCode, DEFENDANT_COMPANY);

    // Assess: everything a party may know of the case, nothing of the claimant's payments
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      trackingCode,
      status: { code: 'registered', label: expect.any(String) },
      kind: { code: 'civil-petition', label: 'دادخواست حقوقی' },
      office: { name: 'دفتر خدمات الکترونیک قضایی آزمون', phone: '05632220000' },
      submitted: { at: submittedAt, solarHijriDate: solarHijriDay(new Date(submittedAt)), text: expect.any(String) },
      updated: { at: expect.any(String), solarHijriDate: expect.any(String), text: expect.any(String) },
      month: solarHijriMonth(new Date(submittedAt)),
      caseNumber: '14039876543',
      nextStep: expect.stringContaining('۱۴۰۳۹۸۷۶۵۴۳'),
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/fees|receipts|refNum|traceNo|courtNote|defects|cureDeadline/);
  });

  it('shows the claimant of a registered case what it showed before: the case number and the receipts', async () => {
    // Prepare
    const claimant = nationalId();
    const { petitionId, trackingCode } = await submittedFor(claimant);
    await registered(petitionId, '14039876544');

    // Act
    const answer = await track(trackingCode, claimant);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: { code: 'registered' }, caseNumber: '14039876544' });
    expect(answer.body.fees).toEqual({ dueRials: '0', receipts: [expect.anything(), expect.anything()] });
  });

  it("refuses the accused's rating with the same 404 as a wrong national ID, and writes nothing", async () => {
    // Prepare
    const accused = nationalId();
    const { trackingCode } = await complaintAgainst(nationalId(), accused);
    const before = await tableSnapshot();
    const rate = (id: string) =>
      call(giveFeedback, apiEvent('give-feedback', { body: { trackingCode, nationalId: id, ratings } }));

    // Act
    const byAccused = await rate(accused);
    const byStranger = await rate(nationalId());

    // Assess: the guess counters aside (the snapshot leaves them out), the table is as it was
    expect([byAccused.status, byStranger.status]).toEqual([404, 404]);
    expect(withoutInstance(byAccused.body)).toEqual(withoutInstance(byStranger.body));
    expect(await tableSnapshot()).toEqual(before);
  });

  it("refuses a registered civil defendant's rating with 403: the office served the petitioner, who rates it once", async () => {
    // Prepare: a registered civil claim
    const claimant = nationalId();
    const { petitionId, trackingCode } = await submittedFor(claimant);
    await registered(petitionId, '14039876545');
    const rate = (id: string) =>
      call(giveFeedback, apiEvent('give-feedback', { body: { trackingCode, nationalId: id, ratings } }));

    // Act
    const byDefendant = await rate(DEFENDANT_COMPANY);
    const byClaimant = await rate(claimant);

    // Assess: the defendant's try took the petition's one rating from nobody
    expect([byDefendant.status, byClaimant.status]).toEqual([403, 201]);
  });
});

describe("who may track: the code's entry follows the petition's parties", () => {
  it('lets a claimant added to a returned petition track it, beside the claimant served, who keeps their place', async () => {
    // Prepare: a cure may not replace the claimant served (petitions.test.ts), but may add a co-claimant after them
    const served = nationalId();
    const added = nationalId();
    const { officeCode, petitionId, trackingCode } = await submittedFor(served);
    await call(
      transition,
      apiEvent('transition-petition', {
        caller: { role: 'court' },
        pathParameters: { petitionId },
        body: { action: 'return', defects: ['evidence'], note: 'مدارک خواهان کامل نیست.', expectedVersion: 2 },
      }),
    );
    const edit = (parties: unknown[], expectedVersion: number) =>
      call(
        updatePetition,
        apiEvent('update-petition', {
          caller: { role: 'clerk', officeCode },
          pathParameters: { petitionId },
          body: { parties, expectedVersion },
        }),
      );

    // Act
    const replaced = await edit(petitionBody(added).parties, 3);
    const joined = await edit([...petitionBody(served).parties, petitionBody(added).parties[0]], 3);
    const [byServed, byAdded] = [await track(trackingCode, served), await track(trackingCode, added)];

    // Assess
    expect([replaced.status, joined.status]).toEqual([409, 200]);
    expect([byServed.status, byAdded.status]).toEqual([200, 200]);
    expect(byAdded.body.status.code).toBe('returned');
  });

  it('answers a code whose entry was stored before it named the parties by the petition, until the backfill completes it', async () => {
    const claimant = nationalId();
    const { officeCode, petitionId, trackingCode } = await submittedFor(claimant);
    const db = createDocumentClient(readEnv(tableEnvShape));
    const { TABLE_NAME } = readEnv(tableEnvShape);
    await db.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: { ...keys.trackingCode(trackingCode), entity: 'tracking-code', petitionId },
      }),
    );

    const [byClaimant, byStranger] = [await track(trackingCode, claimant), await track(trackingCode, nationalId())];
    const runs = [await backfillTrackingEntries(db, TABLE_NAME), await backfillTrackingEntries(db, TABLE_NAME)];
    const entry = await new DynamoPetitionRepository(db, TABLE_NAME).trackingEntry(trackingCode);
    const afterwards = await track(trackingCode, claimant);

    expect([byClaimant.status, byStranger.status]).toEqual([200, 404]);
    expect(byClaimant.body.office.name).toBeTruthy();
    expect(runs).toEqual([1, 0]);
    expect(entry).toEqual({
      petitionId,
      officeCode,
      partyKeys: partyKeysOf(trackingCode, [{ nationalId: claimant }]),
      keyedParties: 'told',
    });
    expect(afterwards.status).toBe(200);
  });

  it("answers an entry stored when every party was keyed by the petition's sides, until the backfill keys only those told", async () => {
    // Prepare: a complaint whose entry is rewritten as the previous version wrote it, keying the accused too
    const complainant = nationalId();
    const accused = nationalId();
    const { officeCode, petitionId, trackingCode } = await complaintAgainst(complainant, accused);
    const db = createDocumentClient(readEnv(tableEnvShape));
    const { TABLE_NAME } = readEnv(tableEnvShape);
    const everyParty = partyKeysOf(trackingCode, [{ nationalId: complainant }, { nationalId: accused }]);
    await db.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: {
          ...keys.trackingCode(trackingCode),
          entity: 'tracking-code',
          petitionId,
          officeCode,
          partyKeys: everyParty,
        },
      }),
    );

    // Act: both parties ask; the backfill runs twice; the accused asks again
    const [byComplainant, byAccused] = [await track(trackingCode, complainant), await track(trackingCode, accused)];
    const runs = [await backfillTrackingEntries(db, TABLE_NAME), await backfillTrackingEntries(db, TABLE_NAME)];
    const entry = await new DynamoPetitionRepository(db, TABLE_NAME).trackingEntry(trackingCode);
    const accusedAfterwards = await track(trackingCode, accused);

    // Assess: the petition decided before the backfill, the entry afterwards
    expect([byComplainant.status, byAccused.status, accusedAfterwards.status]).toEqual([200, 404, 404]);
    expect(runs).toEqual([1, 0]);
    expect(entry).toEqual({
      petitionId,
      officeCode,
      partyKeys: partyKeysOf(trackingCode, [{ nationalId: complainant }]),
      keyedParties: 'told',
    });
  });

  it("lets the backfill repair an entry whose registration an older function made without the defendant's key", async () => {
    // Prepare: a registered civil claim whose entry still keys the claimant alone, as a register
    // step of the previous version (during a deploy) leaves it
    const claimant = nationalId();
    const { officeCode, petitionId, trackingCode } = await submittedFor(claimant);
    await registered(petitionId, '14039876547');
    const db = createDocumentClient(readEnv(tableEnvShape));
    const { TABLE_NAME } = readEnv(tableEnvShape);
    await db.send(
      new PutCommand({
        TableName: TABLE_NAME,
        Item: {
          ...keys.trackingCode(trackingCode),
          entity: 'tracking-code',
          petitionId,
          officeCode,
          partyKeys: partyKeysOf(trackingCode, [{ nationalId: claimant }]),
          keyedParties: 'told',
        },
      }),
    );
    const before = await track(trackingCode, DEFENDANT_COMPANY);

    // Act
    const runs = [await backfillTrackingEntries(db, TABLE_NAME), await backfillTrackingEntries(db, TABLE_NAME)];
    const after = await track(trackingCode, DEFENDANT_COMPANY);

    // Assess
    expect(before.status).toBe(404);
    expect(runs).toEqual([1, 0]);
    expect(after.status).toBe(200);
  });

  it("keys a civil defendant on the code's entry once the court registers the case", async () => {
    // Prepare: a submitted civil claim against a company
    const claimant = nationalId();
    const { petitionId, trackingCode } = await submittedFor(claimant);
    const config = readEnv(tableEnvShape);
    const repository = new DynamoPetitionRepository(createDocumentClient(config), config.TABLE_NAME);
    const before = await repository.trackingEntry(trackingCode);

    // Act
    await registered(petitionId, '14039876546');

    // Assess
    const after = await repository.trackingEntry(trackingCode);
    expect(before?.partyKeys).toEqual(partyKeysOf(trackingCode, [{ nationalId: claimant }]));
    expect(after?.partyKeys).toEqual(
      partyKeysOf(trackingCode, [{ nationalId: claimant }, { nationalId: DEFENDANT_COMPANY }]),
    );
  });
});

describe('POST /v1/feedback', () => {
  it('stores one rating per petition and adds it to the office counters', async () => {
    const claimant = nationalId();
    const { officeCode, trackingCode } = await submittedFor(claimant);

    const first = await call(
      giveFeedback,
      apiEvent('give-feedback', {
        body: { trackingCode, nationalId: claimant, ratings, comment: 'برخورد کارکنان بسیار محترمانه بود' },
      }),
    );
    const second = await call(
      giveFeedback,
      apiEvent('give-feedback', { body: { trackingCode, nationalId: claimant, ratings } }),
    );

    expect([first.status, second.status]).toEqual([201, 409]);
    const month = solarHijriMonth(new Date(first.body.ratedAt));
    expect(await counter(officeCode, `J#${month}`)).toMatchObject({
      ratings: 1,
      courtesySum: 5,
      responsivenessSum: 4,
      overallSum: 3,
    });
  });

  it('answers 404 for a national ID that is not a party, and changes nothing', async () => {
    const { trackingCode } = await submittedFor(nationalId());
    const before = await tableSnapshot();

    const answer = await call(
      giveFeedback,
      apiEvent('give-feedback', { body: { trackingCode, nationalId: nationalId(), ratings } }),
    );

    expect(answer.status).toBe(404);
    expect(await tableSnapshot()).toEqual(before);
  });

  it('refuses ratings outside 1..5, an over-long comment and unknown fields', async () => {
    const claimant = nationalId();
    const { trackingCode } = await submittedFor(claimant);

    const answer = await call(
      giveFeedback,
      apiEvent('give-feedback', {
        body: {
          trackingCode,
          nationalId: claimant,
          ratings: { courtesy: 0, responsiveness: 6, overall: 2.5 },
          comment: 'x'.repeat(501),
          stars: 5,
        },
      }),
    );

    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      [
        'body.comment',
        'body.ratings.courtesy',
        'body.ratings.overall',
        'body.ratings.responsiveness',
        'body.stars',
      ].sort(),
    );
  });
});

describe('guessing limits', () => {
  it('answers 429 with Retry-After to a tracking code after five wrong national IDs, even for the right one', async () => {
    const claimant = nationalId();
    const { trackingCode } = await submittedFor(claimant);
    const other = await submittedFor(claimant);
    await awayFromWindowEdge(10);

    const misses = [];
    for (let i = 0; i < 5; i++) misses.push((await track(trackingCode, nationalId())).status);
    const blocked = await track(trackingCode, claimant);
    const feedbackStill = await call(
      giveFeedback,
      apiEvent('give-feedback', { body: { trackingCode, nationalId: claimant, ratings } }),
    );
    const otherCode = await track(other.trackingCode, claimant);

    expect(misses).toEqual([404, 404, 404, 404, 404]);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(feedbackStill.status).toBe(201);
    expect(otherCode.status).toBe(200);
  });

  it('limits feedback guesses the same way', async () => {
    const claimant = nationalId();
    const { trackingCode } = await submittedFor(claimant);
    await awayFromWindowEdge(10);

    for (let i = 0; i < 5; i++)
      await call(
        giveFeedback,
        apiEvent('give-feedback', { body: { trackingCode, nationalId: nationalId(), ratings } }),
      );
    const blocked = await call(
      giveFeedback,
      apiEvent('give-feedback', { body: { trackingCode, nationalId: claimant, ratings } }),
    );

    expect(blocked.status).toBe(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
