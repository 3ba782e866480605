import { handler as createPetition } from '../../functions/create-petition';
import { handler as getCourtInbox } from '../../functions/get-court-inbox';
import { handler as getPetition } from '../../functions/get-petition';
import { handler as listPetitions } from '../../functions/list-petitions';
import { handler as reassignPetition } from '../../functions/reassign-petition';
import { handler as submitPetition } from '../../functions/submit-petition';
import { handler as transition } from '../../functions/transition-petition';
import { handler as updateOffice } from '../../functions/update-office';
import { handler as updatePetition } from '../../functions/update-petition';
import {
  type PetitionAction,
  type PetitionStatus,
  TRANSITION_ACTIONS,
  TRANSITIONS,
} from '../../shared/domain/petition';
import { solarHijriMonth } from '../../shared/domain/solar-hijri';
import { isValidTrackingCode } from '../../shared/domain/tracking-code';
import { apiEvent, type Caller, call, TEST_COURT } from '../support/api-event';
import { outboxEventsOf } from '../support/outbox';
import { payInFull, recordPaidInFull } from '../support/payments';
import { activeOffice, counter, idempotencyKey, nationalId, petitionBody, TEST_COURTS } from '../support/petitions';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

const court: Caller = { role: 'court', userId: 'court-judge-1' };

async function officeWithClerk() {
  const officeCode = await activeOffice();
  return { officeCode, clerk: { role: 'clerk', officeCode, userId: `clerk-${officeCode}` } as Caller };
}

/** The province suspends the office (a draft made before stays in the table). */
async function suspendOffice(officeCode: string) {
  const answer = await call(
    updateOffice,
    apiEvent('update-office', {
      caller: { role: 'province-admin' },
      pathParameters: { officeCode },
      body: { status: 'suspended' },
    }),
  );
  expect(answer.status).toBe(200);
}

/**
 * A draft whose fees are paid (submission waits for them): at the gateway, or, where many drafts
 * are made, recorded as the verified payments the callback would write.
 */
async function draft(clerk: Caller, body: unknown = petitionBody(), paid: 'at-gateway' | 'recorded' = 'at-gateway') {
  const answer = await call(createPetition, apiEvent('create-petition', { caller: clerk, body }));
  expect(answer.status).toBe(201);
  if (paid === 'at-gateway') await payInFull(clerk, answer.body.petitionId);
  else await recordPaidInFull(answer.body.petitionId);
  return answer.body.petitionId as string;
}

function submit(clerk: Caller, petitionId: string, key = idempotencyKey(), body?: unknown, timeoutMs?: number) {
  return call(
    submitPetition,
    apiEvent('submit-petition', {
      caller: clerk,
      pathParameters: { petitionId },
      headers: { 'idempotency-key': key },
      ...(body !== undefined ? { body } : {}),
    }),
    timeoutMs === undefined ? {} : { timeoutMs },
  );
}

function step(caller: Caller, petitionId: string, body: Record<string, unknown>) {
  return call(transition, apiEvent('transition-petition', { caller, pathParameters: { petitionId }, body }));
}

describe('creating a draft', () => {
  it("stores a draft for the caller's office with its parties and a first history entry", async () => {
    const { officeCode, clerk } = await officeWithClerk();

    const petitionId = await draft(clerk);
    const read = await call(getPetition, apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId } }));

    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      officeCode,
      status: 'draft',
      version: 1,
      claimAmountRials: '1250000000',
      officeName: 'دفتر خدمات الکترونیک قضایی آزمون',
    });
    expect(read.body.parties).toHaveLength(2);
    expect(read.body.history).toEqual([
      expect.objectContaining({
        action: 'create',
        from: null,
        to: 'draft',
        by: { userId: clerk.userId, role: 'clerk' },
      }),
    ]);
  });

  it('normalises Persian digits in national IDs and mobiles before validating', async () => {
    const { clerk } = await officeWithClerk();
    const id = nationalId();
    const persian = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    const body = petitionBody(persian(id));
    (body.parties[0] as { mobile: string }).mobile = persian('09151234567');

    const petitionId = await draft(clerk, body);
    const read = await call(getPetition, apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId } }));

    expect(read.body.parties[0]).toMatchObject({ nationalId: id, mobile: '09151234567' });
  });

  it('lists every invalid field and writes nothing', async () => {
    const { clerk } = await officeWithClerk();
    const before = await tableSnapshot();
    const body = petitionBody('1234567890', { claimAmountRials: 12.5, kind: 'lawsuit', colour: 'blue' });
    (body.parties[1] as { role: string }).role = 'claimant';
    (body.parties[0] as { role: string }).role = 'defendant';
    (body.parties[0] as { mobile: string }).mobile = '9151234567';

    const answer = await call(
      createPetition,
      apiEvent('create-petition', { caller: clerk, body, headers: { 'accept-language': 'en' } }),
    );

    expect(answer.status).toBe(400);
    const fields = answer.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.kind',
        'body.claimAmountRials',
        'body.colour',
        'body.parties.0.nationalId',
        'body.parties.0.mobile',
      ]),
    );
    expect(answer.body.errors.find((e: { field: string }) => e.field === 'body.parties.0.nationalId').message).toMatch(
      /national ID/,
    );
    expect(await tableSnapshot()).toEqual(before);
  });

  it('refuses a petition without a claimant', async () => {
    const { clerk } = await officeWithClerk();
    const body = petitionBody();
    body.parties = body.parties.slice(1);

    const answer = await call(createPetition, apiEvent('create-petition', { caller: clerk, body }));

    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('body.parties');
  });

  it('answers 409 for an office that is not active', async () => {
    const officeCode = await activeOffice('planned');

    const answer = await call(
      createPetition,
      apiEvent('create-petition', { caller: { role: 'manager', officeCode }, body: petitionBody() }),
    );

    expect(answer.status).toBe(409);
  });

  it('answers 403 to court and province-admin', async () => {
    const statuses = await Promise.all(
      (['court', 'province-admin'] as const).map(
        async (role) =>
          (await call(createPetition, apiEvent('create-petition', { caller: { role }, body: petitionBody() }))).status,
      ),
    );

    expect(statuses).toEqual([403, 403]);
  });
});

describe('submitting', () => {
  it('gives a checked tracking code, the Solar Hijri month and counts the petition once', async () => {
    const { officeCode, clerk } = await officeWithClerk();
    const petitionId = await draft(clerk);

    const answer = await submit(clerk, petitionId);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ petitionId, status: 'submitted' });
    expect(isValidTrackingCode(answer.body.trackingCode)).toBe(true);
    expect(answer.body.month).toBe(solarHijriMonth(new Date(answer.body.submittedAt)));
    const monthCounter = await counter(officeCode, `J#${answer.body.month}`);
    expect(monthCounter).toMatchObject({ submitted: 1, 'kind:civil-petition': 1 });
  });

  it('answers a retry with the same key exactly as the first time and counts nothing twice', async () => {
    const { officeCode, clerk } = await officeWithClerk();
    const petitionId = await draft(clerk);
    const key = idempotencyKey();

    const first = await submit(clerk, petitionId, key);
    const retry = await submit(clerk, petitionId, key);

    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect((await counter(officeCode, `J#${first.body.month}`))?.submitted).toBe(1);
  });

  it('answers 422 when the same key comes with another petition, 400 without a key', async () => {
    const { clerk } = await officeWithClerk();
    const [a, b] = [await draft(clerk), await draft(clerk)];
    const key = idempotencyKey();
    await submit(clerk, a, key);

    const reused = await submit(clerk, b, key);
    const missing = await call(
      submitPetition,
      apiEvent('submit-petition', { caller: clerk, pathParameters: { petitionId: b } }),
    );

    expect(reused.status).toBe(422);
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('header.idempotency-key');
    expect(missing.body.errors[0].message).toBe(
      'سرآیند Idempotency-Key لازم است (۸ تا ۱۲۸ نویسه از حروف لاتین، ارقام، - و _).',
    );
    const read = await call(
      getPetition,
      apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId: b } }),
    );
    expect(read.body.status).toBe('draft');
  });

  it('judges the Idempotency-Key alone of the headers: a control character in another one is no error', async () => {
    // Prepare
    const { clerk } = await officeWithClerk();
    const [a, b] = [await draft(clerk), await draft(clerk)];
    const submitWith = (petitionId: string, headers: Record<string, string>) =>
      call(submitPetition, apiEvent('submit-petition', { caller: clerk, pathParameters: { petitionId }, headers }));

    // Act
    const oddAgent = await submitWith(a, { 'idempotency-key': idempotencyKey(), 'user-agent': 'kiosk\u0001v2' });
    const oddKey = await submitWith(b, { 'idempotency-key': `${idempotencyKey()}\u0001` });

    // Assess
    expect(oddAgent.status).toBe(200);
    expect(oddKey.status).toBe(400);
    expect(oddKey.body.errors.map((error: { field: string }) => error.field)).toEqual(['header.idempotency-key']);
  });

  it('keeps a key bound to its first petition: another petition under it is refused every time', async () => {
    // Prepare
    const { officeCode, clerk } = await officeWithClerk();
    const [p1, p2] = [await draft(clerk), await draft(clerk)];
    const key = idempotencyKey();

    // Act: the sequence that once let p2 through on its second try and lost p1's answer.
    const first = await submit(clerk, p1, key);
    const reusedOnce = await submit(clerk, p2, key);
    const reusedTwice = await submit(clerk, p2, key);
    const replay = await submit(clerk, p1, key);
    const p2Now = await call(
      getPetition,
      apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId: p2 } }),
    );

    // Assess
    expect([first.status, reusedOnce.status, reusedTwice.status, replay.status]).toEqual([200, 422, 422, 200]);
    expect(replay.body).toEqual(first.body);
    expect(p2Now.body.status).toBe('draft');
    expect((await counter(officeCode, `J#${first.body.month}`))?.submitted).toBe(1);
  });

  it('runs a submission once for 20 concurrent requests with one key, all answered alike', async () => {
    const { officeCode, clerk } = await officeWithClerk();
    const petitionId = await draft(clerk);
    const key = idempotencyKey();

    const answers = await Promise.all(Array.from({ length: 20 }, () => submit(clerk, petitionId, key)));

    const statuses = new Set(answers.map((a) => a.status));
    const ok = answers.filter((a) => a.status === 200);
    // A request that found the first one still committing may be told to retry; none may fail otherwise.
    expect([...statuses].every((status) => status === 200 || status === 409)).toBe(true);
    for (const busy of answers.filter((a) => a.status === 409)) {
      expect(busy.body.type).toBe('urn:judicial-e-services:problem:idempotency-in-progress');
      expect(busy.headers['retry-after']).toBeDefined();
    }
    expect(ok.length).toBeGreaterThan(0);
    expect(new Set(ok.map((a) => a.body.trackingCode)).size).toBe(1);
    expect((await counter(officeCode, `J#${ok[0]!.body.month}`))?.submitted).toBe(1);
  });

  it('answers 409 to a submission from a suspended office and changes nothing', async () => {
    const { officeCode, clerk } = await officeWithClerk();
    const petitionId = await draft(clerk);
    await suspendOffice(officeCode);
    const before = await tableSnapshot();

    const answer = await submit(clerk, petitionId);

    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe('urn:judicial-e-services:problem:office-not-active');
    expect(await tableSnapshot()).toEqual(before);
  });

  it('answers 409 to a resubmission from a suspended office, and takes it once the office is active again', async () => {
    // Prepare: a petition returned to an office that is then suspended
    const { officeCode, clerk } = await officeWithClerk();
    const petitionId = await draft(clerk);
    await submit(clerk, petitionId);
    await step(court, petitionId, { action: 'return', defects: ['evidence'], expectedVersion: 2 });
    await suspendOffice(officeCode);
    const before = await tableSnapshot();

    // Act
    const refused = await step(clerk, petitionId, { action: 'resubmit', expectedVersion: 3 });
    const unchanged = await tableSnapshot();
    await call(
      updateOffice,
      apiEvent('update-office', {
        caller: { role: 'province-admin' },
        pathParameters: { officeCode },
        body: { status: 'active' },
      }),
    );
    const taken = await step(clerk, petitionId, { action: 'resubmit', expectedVersion: 3 });

    // Assess
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('urn:judicial-e-services:problem:office-not-active');
    expect(unchanged).toEqual(before);
    expect(taken.body.status).toBe('submitted');
  });

  it('answers 409 to a draft from a suspended office and writes nothing', async () => {
    const { officeCode, clerk } = await officeWithClerk();
    await suspendOffice(officeCode);
    const before = await tableSnapshot();

    const answer = await call(createPetition, apiEvent('create-petition', { caller: clerk, body: petitionBody() }));

    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe('urn:judicial-e-services:problem:office-not-active');
    expect(await tableSnapshot()).toEqual(before);
  });

  it('answers 409 to a second submission under a new key', async () => {
    const { clerk } = await officeWithClerk();
    const petitionId = await draft(clerk);
    await submit(clerk, petitionId);

    const again = await submit(clerk, petitionId);

    expect(again.status).toBe(409);
  });

  it('answers 404 to staff of another office, as for an unknown petition', async () => {
    const { clerk } = await officeWithClerk();
    const other = await officeWithClerk();
    const petitionId = await draft(clerk);

    const foreign = await submit(other.clerk, petitionId);
    const foreignRead = await call(
      getPetition,
      apiEvent('get-petition', { caller: other.clerk, pathParameters: { petitionId } }),
    );
    const unknown = await call(
      getPetition,
      apiEvent('get-petition', {
        caller: other.clerk,
        pathParameters: { petitionId: '00000000-0000-4000-8000-000000000000' },
      }),
    );

    expect([foreign.status, foreignRead.status, unknown.status]).toEqual([404, 404, 404]);
    expect(foreignRead.body.detail).toBe(unknown.body.detail);
  });

  it('gives 50 concurrent submissions in one office distinct tracking codes and an exact count', async () => {
    const { officeCode, clerk } = await officeWithClerk();
    const ids: string[] = [];
    for (let i = 0; i < 50; i++)
      ids.push(
        await draft(
          clerk,
          petitionBody(undefined, i % 2 ? { kind: 'appeal', judgmentAmountRials: '900000000' } : { kind: 'request' }),
          'recorded',
        ),
      );

    // Lambda would run these in 50 sandboxes, each with its own time budget; here they share one
    // process (and, on a busy machine, its CPU), so each gets the budget of all of them together.
    const answers = await Promise.all(
      ids.map((petitionId) => submit(clerk, petitionId, undefined, undefined, 120_000)),
    );

    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    expect(new Set(answers.map((a) => a.body.trackingCode)).size).toBe(50);
    const months = new Set(answers.map((a) => a.body.month));
    let submitted = 0;
    let byKind = 0;
    for (const month of months) {
      const item = await counter(officeCode, `J#${month}`);
      submitted += Number(item?.submitted ?? 0);
      byKind += Number(item?.['kind:appeal'] ?? 0) + Number(item?.['kind:request'] ?? 0);
    }
    expect(submitted).toBe(50);
    expect(byKind).toBe(50);
  });
});

describe('drafts', () => {
  it("stay the office's own until submitted: the court gets 404 and its inbox does not list them", async () => {
    const { clerk } = await officeWithClerk();
    const petitionId = await draft(clerk);
    const inbox = () =>
      call(
        getCourtInbox,
        apiEvent('get-court-inbox', {
          caller: court,
          pathParameters: { courtCode: TEST_COURT },
          query: { limit: '100' },
        }),
      );

    const read = await call(getPetition, apiEvent('get-petition', { caller: court, pathParameters: { petitionId } }));
    const listed = await inbox();
    await submit(clerk, petitionId);
    const afterSubmit = await call(
      getPetition,
      apiEvent('get-petition', { caller: court, pathParameters: { petitionId } }),
    );
    const listedAfter = await inbox();

    expect(read.status).toBe(404);
    expect(listed.body.items.map((p: { petitionId: string }) => p.petitionId)).not.toContain(petitionId);
    expect(afterSubmit.status).toBe(200);
    expect(listedAfter.body.items[0]).toMatchObject({ petitionId, status: 'submitted' });
  });
});

describe("editing a returned petition's parties", () => {
  type PartyBody = Record<string, string | undefined>;
  // A person of a fresh national ID, sued beside the company.
  const codefendant: PartyBody = { ...(petitionBody().parties[0] as PartyBody), role: 'defendant' };
  const edit = (clerk: Caller, petitionId: string, parties: PartyBody[], expectedVersion: number, language = 'fa') =>
    call(
      updatePetition,
      apiEvent('update-petition', {
        caller: clerk,
        pathParameters: { petitionId },
        headers: { 'accept-language': language },
        body: { parties, expectedVersion },
      }),
    );

  /** A petition the court returned for its defendant's particulars: the defect notice is served on the claimant. */
  async function returnedPetition() {
    const { clerk } = await officeWithClerk();
    const body = petitionBody();
    const petitionId = await draft(clerk, body, 'recorded');
    await submit(clerk, petitionId);
    const returned = await step(court, petitionId, {
      action: 'return',
      defects: ['defendant-particulars'],
      expectedVersion: 2,
    });
    expect(returned.status).toBe(200);
    const [claimant, defendant] = body.parties as PartyBody[] as [PartyBody, PartyBody];
    return { clerk, petitionId, claimant, defendant };
  }

  it.each<[string, (claimant: PartyBody, defendant: PartyBody) => PartyBody[]]>([
    ['replaces the claimant with another person', (c, d) => [{ ...c, nationalId: nationalId() }, d]],
    ['removes the claimant beside a new one', (_c, d) => [petitionBody().parties[0] as PartyBody, d]],
    [
      'makes the claimant a defendant',
      (c, d) => [{ ...c, role: 'defendant' }, d, petitionBody().parties[0] as PartyBody],
    ],
    ['moves the claimant behind another party', (c, d) => [codefendant, c, d]],
  ])('refuses an edit that %s: 409 in Persian and English, and nothing changes', async (_case, parties) => {
    // Prepare
    const { clerk, petitionId, claimant, defendant } = await returnedPetition();
    const before = await tableSnapshot();

    // Act
    const [fa, en] = [
      await edit(clerk, petitionId, parties(claimant, defendant), 3),
      await edit(clerk, petitionId, parties(claimant, defendant), 3, 'en'),
    ];

    // Assess: the problem names no party (no national ID, no name)
    expect([fa.status, en.status]).toEqual([409, 409]);
    expect(fa.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const answer of [fa, en]) expect(answer.body.type).toBe('urn:judicial-e-services:problem:claimant-served');
    expect(fa.body.detail).toContain('خواهان');
    expect(en.body.detail).toContain('claimant');
    for (const answer of [fa, en]) expect(JSON.stringify(answer.body)).not.toContain(claimant.nationalId);
    expect(await tableSnapshot()).toEqual(before);
  });

  it('corrects the other parties and adds one after the claimant, which is what a cure is for', async () => {
    // Prepare
    const { clerk, petitionId, claimant, defendant } = await returnedPetition();
    const corrected = { ...defendant, name: 'شرکت نمونه (سهامی خاص)' };

    // Act
    const answer = await edit(clerk, petitionId, [{ ...claimant, mobile: '09351234567' }, corrected, codefendant], 3);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.parties.map((p: PartyBody) => [p.role, p.nationalId])).toEqual([
      ['claimant', claimant.nationalId],
      ['defendant', defendant.nationalId],
      ['defendant', codefendant.nationalId],
    ]);
  });

  it('lets a draft change its claimant freely: nothing was served yet', async () => {
    // Prepare
    const { clerk } = await officeWithClerk();
    const body = petitionBody();
    const petitionId = await draft(clerk, body, 'recorded');
    const [, defendant] = body.parties as PartyBody[] as [PartyBody, PartyBody];
    const newcomer = petitionBody().parties[0] as PartyBody;

    // Act
    const answer = await edit(clerk, petitionId, [defendant, codefendant, newcomer], 1);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body.parties.at(-1)).toMatchObject({ role: 'claimant', nationalId: newcomer.nationalId });
  });
});

describe('listing', () => {
  it('pages an office, newest first, with a cursor, and filters by status and month', async () => {
    const { clerk } = await officeWithClerk();
    const ids = [await draft(clerk), await draft(clerk), await draft(clerk)];
    const submitted = await submit(clerk, ids[0]!);

    const first = await call(listPetitions, apiEvent('list-petitions', { caller: clerk, query: { limit: '2' } }));
    const second = await call(
      listPetitions,
      apiEvent('list-petitions', { caller: clerk, query: { limit: '2', cursor: first.body.nextCursor } }),
    );
    const drafts = await call(listPetitions, apiEvent('list-petitions', { caller: clerk, query: { status: 'draft' } }));
    const ofMonth = await call(
      listPetitions,
      apiEvent('list-petitions', { caller: clerk, query: { status: 'submitted', month: submitted.body.month } }),
    );

    const seen = [...first.body.items, ...second.body.items].map((p: { petitionId: string }) => p.petitionId);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(first.body.items).toHaveLength(2);
    expect(drafts.body.items.map((p: { petitionId: string }) => p.petitionId).sort()).toEqual([ids[1], ids[2]].sort());
    expect(ofMonth.body.items.map((p: { petitionId: string }) => p.petitionId)).toEqual([ids[0]]);
    const times = drafts.body.items.map((p: { createdAt: string }) => p.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("refuses a forged cursor, another office's list, and a court, which has its inbox instead", async () => {
    const { clerk } = await officeWithClerk();
    const other = await officeWithClerk();
    const forged = Buffer.from(
      JSON.stringify({ pk: 'x', sk: 'y', gsi1pk: `OFFICE#${other.officeCode}#PETITIONS`, gsi1sk: 'z' }),
    ).toString('base64url');

    const badCursor = await call(
      listPetitions,
      apiEvent('list-petitions', { caller: clerk, query: { cursor: forged } }),
    );
    const otherOffice = await call(
      listPetitions,
      apiEvent('list-petitions', { caller: clerk, query: { officeCode: other.officeCode } }),
    );
    const courtWithout = await call(listPetitions, apiEvent('list-petitions', { caller: court }));
    const courtWith = await call(
      listPetitions,
      apiEvent('list-petitions', { caller: court, query: { officeCode: other.officeCode } }),
    );

    expect([badCursor.status, otherOffice.status, courtWithout.status, courtWith.status]).toEqual([400, 403, 403, 403]);
  });

  it('answers 400, not 500, to a cursor kept when the month changed and to one with an empty key', async () => {
    // Prepare: a real cursor of the whole listing, and forged ones of the right partitions
    const { clerk, officeCode } = await officeWithClerk();
    await draft(clerk);
    await draft(clerk);
    const first = await call(listPetitions, apiEvent('list-petitions', { caller: clerk, query: { limit: '1' } }));
    const encode = (key: object) => Buffer.from(JSON.stringify(key)).toString('base64url');
    const emptySortKey = encode({ pk: 'PETITION#x', sk: '', gsi1pk: `OFFICE#${officeCode}#PETITIONS`, gsi1sk: 'y' });
    const emptyInboxKey = encode({
      pk: 'PETITION#x',
      sk: 'PETITION',
      gsi4pk: `COURT#${TEST_COURT}#INBOX#submitted`,
      gsi4sk: '',
    });

    // Act
    const otherMonth = await call(
      listPetitions,
      apiEvent('list-petitions', { caller: clerk, query: { month: '1398-06', cursor: first.body.nextCursor } }),
    );
    const empty = await call(
      listPetitions,
      apiEvent('list-petitions', { caller: clerk, query: { cursor: emptySortKey } }),
    );
    const inbox = await call(
      getCourtInbox,
      apiEvent('get-court-inbox', {
        caller: court,
        pathParameters: { courtCode: TEST_COURT },
        query: { cursor: emptyInboxKey },
      }),
    );

    // Assess
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect([otherMonth.status, empty.status, inbox.status]).toEqual([400, 400, 400]);
    expect(otherMonth.body.type).toBe('urn:judicial-e-services:problem:invalid-cursor');
  });
});

describe('life cycle', () => {
  it('takes every action from every status actions reach where the table allows it, refuses it elsewhere, never 5xx', async () => {
    // Prepare: one petition per status and action, brought there through the API
    const { clerk } = await officeWithClerk();
    const bodies: Record<PetitionAction, Record<string, unknown>> = {
      dispatch: {},
      register: { caseNumber: '140512345678' },
      return: { defects: ['unpaid-fees'] },
      reject: { note: 'خواسته خارج از صلاحیت است' },
      reinstate: {},
      resubmit: {},
      withdraw: {},
    };
    const act = async (petitionId: string, action: PetitionAction, expectedVersion: number) => {
      const caller = TRANSITIONS[action].by.includes('court') ? court : clerk;
      return step(caller, petitionId, { action, expectedVersion, ...bodies[action] });
    };
    // Each row: the status, whether the petition is submitted first, and the steps after that.
    // (rejection-due is reached by the daily lapse job, not by an action: court-defects.test.ts.)
    const rows: Array<{ name: string; status: PetitionStatus; submitted: boolean; steps: PetitionAction[] }> = [
      { name: 'draft', status: 'draft', submitted: false, steps: [] },
      { name: 'submitted', status: 'submitted', submitted: true, steps: [] },
      { name: 'dispatched', status: 'dispatched', submitted: true, steps: ['dispatch'] },
      { name: 'registered', status: 'registered', submitted: true, steps: ['dispatch', 'register'] },
      { name: 'returned', status: 'returned', submitted: true, steps: ['return'] },
      { name: 'rejected', status: 'rejected', submitted: true, steps: ['reject'] },
      { name: 'draft withdrawn', status: 'withdrawn', submitted: false, steps: ['withdraw'] },
      { name: 'withdrawn after submission', status: 'withdrawn', submitted: true, steps: ['withdraw'] },
    ];
    const reach = async (row: (typeof rows)[number]) => {
      const petitionId = await draft(clerk, petitionBody(), 'recorded');
      let version = 1;
      if (row.submitted) {
        expect((await submit(clerk, petitionId)).status).toBe(200);
        version = 2;
      }
      for (const action of row.steps) {
        const answer = await act(petitionId, action, version);
        expect(answer.body.status).toBe(TRANSITIONS[action].to);
        version = answer.body.version;
      }
      return { petitionId, version };
    };

    // Act: a row at a time, its seven petitions at once
    const outcomes: Array<{ row: string; action: PetitionAction; answer: number }> = [];
    for (const row of rows) {
      outcomes.push(
        ...(await Promise.all(
          TRANSITION_ACTIONS.map(async (action) => {
            const { petitionId, version } = await reach(row);
            return { row: row.name, action, answer: (await act(petitionId, action, version)).status };
          }),
        )),
      );
    }

    // Assess: the answers are the table's, cell by cell. A court never saw a draft (one withdrawn
    // unsubmitted included): it gets 404 there, as for a petition that does not exist.
    const expected = rows.flatMap((row) =>
      TRANSITION_ACTIONS.map((action) => ({
        row: row.name,
        action,
        answer: TRANSITIONS[action].from.includes(row.status)
          ? 200
          : TRANSITIONS[action].by.includes('court') && !row.submitted
            ? 404
            : 409,
      })),
    );
    expect(outcomes).toEqual(expected);
  }, 120_000);

  async function submittedPetition() {
    const { officeCode, clerk } = await officeWithClerk();
    const petitionId = await draft(clerk);
    await submit(clerk, petitionId);
    return { officeCode, clerk, petitionId };
  }

  it('lets the court dispatch and register with a case number, recording who, when, from and to', async () => {
    const { clerk, petitionId } = await submittedPetition();

    const dispatched = await step(court, petitionId, { action: 'dispatch', expectedVersion: 2 });
    const registered = await step(court, petitionId, {
      action: 'register',
      caseNumber: '140512345678',
      expectedVersion: 3,
    });
    const read = await call(getPetition, apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId } }));

    expect([dispatched.status, registered.status]).toEqual([200, 200]);
    expect(read.body).toMatchObject({ status: 'registered', caseNumber: '140512345678', version: 4 });
    expect(
      read.body.history.map((h: { action: string; from: string; to: string }) => `${h.action}:${h.from}->${h.to}`),
    ).toEqual([
      'create:null->draft',
      'submit:draft->submitted',
      'route:submitted->submitted',
      'dispatch:submitted->dispatched',
      'register:dispatched->registered',
    ]);
    expect(read.body.history[3]).toMatchObject({
      by: { userId: 'court-judge-1', role: 'court' },
      at: expect.any(String),
    });
  });

  it('refuses by name a field of another action (a case number sent with dispatch), changing nothing', async () => {
    // Prepare
    const { petitionId } = await submittedPetition();
    const before = await tableSnapshot();

    // Act
    const answer = await step(court, petitionId, {
      action: 'dispatch',
      caseNumber: '140512345678',
      defects: ['unpaid-fees'],
      expectedVersion: 2,
    });

    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ field: 'body.caseNumber', code: 'not_for_action' }),
      expect.objectContaining({ field: 'body.defects', code: 'not_for_action' }),
    ]);
    expect(await tableSnapshot()).toEqual(before);
  });

  it('names a field of another action before the version: the client learns both mistakes in order, not the 409 first', async () => {
    // Prepare
    const { petitionId } = await submittedPetition();

    // Act: a stale version and a case number sent with dispatch
    const answer = await step(court, petitionId, {
      action: 'dispatch',
      caseNumber: '140512345678',
      expectedVersion: 1,
    });

    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'body.caseNumber', code: 'not_for_action' })]);
  });

  it('lets the office withdraw a draft, which has no tracking code for its event to carry', async () => {
    // Prepare
    const { clerk } = await officeWithClerk();
    const petitionId = await draft(clerk);

    // Act
    const withdrawn = await step(clerk, petitionId, { action: 'withdraw', expectedVersion: 1 });

    // Assess: before, the outbox refused the event without a tracking code and the clerk got a 500
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', version: 2 });
  });

  it('routes a resubmission again: a cure that raised the claim past the peace limit goes to the civil court', async () => {
    // Prepare: a claim within the peace court's limit, returned by that court for its value, then raised
    const { clerk } = await officeWithClerk();
    const peace: Caller = { role: 'court', courtCode: TEST_COURTS.peace, userId: 'peace-judge' };
    const petitionId = await draft(clerk, petitionBody(undefined, { claimAmountRials: '50000000' }), 'recorded');
    await submit(clerk, petitionId);
    const returned = await step(peace, petitionId, {
      action: 'return',
      defects: ['claim-and-value'],
      expectedVersion: 2,
    });
    const raised = await call(
      updatePetition,
      apiEvent('update-petition', {
        caller: clerk,
        pathParameters: { petitionId },
        body: { claimAmountRials: '5000000000', expectedVersion: 3 },
      }),
    );
    await recordPaidInFull(petitionId);

    // Act
    const resubmitted = await step(clerk, petitionId, { action: 'resubmit', expectedVersion: 4 });
    const inboxOf = (courtCaller: Caller) =>
      call(
        getCourtInbox,
        apiEvent('get-court-inbox', { caller: courtCaller, pathParameters: { courtCode: courtCaller.courtCode! } }),
      );
    const [peaceInbox, civilInbox] = [await inboxOf(peace), await inboxOf({ role: 'court', courtCode: TEST_COURT })];

    // Assess
    expect([returned.body.court?.courtCode, raised.status]).toEqual([TEST_COURTS.peace, 200]);
    expect(resubmitted.body.court).toMatchObject({ courtCode: TEST_COURT, rule: 'civil-over-limit-or-not-monetary' });
    expect(resubmitted.body.history.at(-1)).toMatchObject({ action: 'route', courtCode: TEST_COURT });
    expect(peaceInbox.body.items.map((p: { petitionId: string }) => p.petitionId)).not.toContain(petitionId);
    expect(civilInbox.body.items.map((p: { petitionId: string }) => p.petitionId)).toContain(petitionId);
    const routed = (await outboxEventsOf(petitionId)).filter((event) => event.type === 'routed');
    expect(routed.map((event) => event.courtCode)).toEqual([TEST_COURTS.peace, TEST_COURT]);
  });

  it('keeps a resubmission with the court the province chose by reassignment, against the rules it corrected', async () => {
    // Prepare: a claim within the peace limit, reassigned by the province to the civil court, then returned
    const { clerk } = await officeWithClerk();
    const petitionId = await draft(clerk, petitionBody(undefined, { claimAmountRials: '50000000' }), 'recorded');
    await submit(clerk, petitionId);
    const reassigned = await call(
      reassignPetition,
      apiEvent('reassign-petition', {
        caller: { role: 'province-admin' },
        pathParameters: { petitionId },
        body: { courtCode: TEST_COURT, note: 'خواسته در صلاحیت دادگاه عمومی است', expectedVersion: 2 },
      }),
    );
    await step(court, petitionId, { action: 'return', defects: ['evidence'], expectedVersion: 3 });

    // Act
    const resubmitted = await step(clerk, petitionId, { action: 'resubmit', expectedVersion: 4 });

    // Assess
    expect(reassigned.body.court).toMatchObject({ courtCode: TEST_COURT, rule: 'reassignment' });
    expect(resubmitted.body.court).toMatchObject({ courtCode: TEST_COURT, rule: 'reassignment' });
  });

  it('sends a resubmission back to the court that returned it when the rules still point there', async () => {
    // Prepare
    const { clerk } = await officeWithClerk();
    const petitionId = await draft(clerk, petitionBody(), 'recorded');
    await submit(clerk, petitionId);
    await step(court, petitionId, { action: 'return', defects: ['evidence'], expectedVersion: 2 });

    // Act
    const resubmitted = await step(clerk, petitionId, { action: 'resubmit', expectedVersion: 3 });

    // Assess: no second routing, no routed event beyond the submission's
    expect(resubmitted.body.court).toMatchObject({ courtCode: TEST_COURT });
    expect(resubmitted.body.history.filter((h: { action: string }) => h.action === 'route')).toHaveLength(1);
    expect((await outboxEventsOf(petitionId)).filter((event) => event.type === 'routed')).toHaveLength(1);
  });

  it('answers 403 with the allowed actions when an office clerk tries a court step', async () => {
    const { clerk, petitionId } = await submittedPetition();

    const answer = await step(clerk, petitionId, { action: 'dispatch', expectedVersion: 2 });

    expect(answer.status).toBe(403);
    expect(answer.body.detail).toContain('«استرداد»');
  });

  it('answers 409 for a step the state forbids and for a stale version, changing nothing', async () => {
    const { petitionId } = await submittedPetition();
    const before = await tableSnapshot();

    const early = await step(court, petitionId, { action: 'register', caseNumber: '1234567', expectedVersion: 2 });
    const stale = await step(court, petitionId, { action: 'dispatch', expectedVersion: 1 });

    expect([early.status, stale.status]).toEqual([409, 409]);
    expect(early.body.detail).toContain('«ارجاع»');
    expect(await tableSnapshot()).toEqual(before);
  });

  it('returns for coded defects (a note optional), counts the return by defect, and takes the resubmission', async () => {
    const { officeCode, clerk, petitionId } = await submittedPetition();

    const withoutNote = await step(court, petitionId, { action: 'return', note: 'بدون کد نقص', expectedVersion: 2 });
    const returned = await step(court, petitionId, {
      action: 'return',
      defects: ['evidence'],
      note: 'تصویر سند مالکیت ناخوانا است',
      expectedVersion: 2,
    });
    const resubmitted = await step(clerk, petitionId, { action: 'resubmit', expectedVersion: 3 });

    expect(withoutNote.status).toBe(400);
    expect(returned.status).toBe(200);
    expect(returned.body.history.at(-1)).toMatchObject({
      action: 'return',
      note: 'تصویر سند مالکیت ناخوانا است',
      defects: ['evidence'],
    });
    expect(returned.body.defects).toEqual([
      expect.objectContaining({
        code: 'evidence',
        label: expect.objectContaining({ en: 'Evidence is not listed or attached' }),
      }),
    ]);
    expect(resubmitted.body.status).toBe('submitted');
    expect(resubmitted.body.cureDeadline).toBeUndefined();
    const month = solarHijriMonth(new Date(returned.body.updatedAt));
    expect(await counter(officeCode, `J#${month}`)).toMatchObject({
      returned: 1,
      returnedFor_evidence: 1,
      submitted: 1,
    });
  });

  it('lets the office withdraw before registration but not after', async () => {
    const first = await submittedPetition();
    const second = await submittedPetition();
    await step(court, second.petitionId, { action: 'dispatch', expectedVersion: 2 });
    await step(court, second.petitionId, { action: 'register', caseNumber: '1234567', expectedVersion: 3 });

    const withdrawn = await step(first.clerk, first.petitionId, { action: 'withdraw', expectedVersion: 2 });
    const tooLate = await step(second.clerk, second.petitionId, { action: 'withdraw', expectedVersion: 4 });

    expect(withdrawn.body.status).toBe('withdrawn');
    expect(tooLate.status).toBe(409);
  });

  it('answers 403 to a province administrator, who only reads', async () => {
    const { petitionId } = await submittedPetition();

    const answer = await step({ role: 'province-admin' }, petitionId, { action: 'dispatch', expectedVersion: 2 });
    const read = await call(
      getPetition,
      apiEvent('get-petition', { caller: { role: 'province-admin' }, pathParameters: { petitionId } }),
    );

    expect([answer.status, read.status]).toEqual([403, 200]);
  });
});
