import { handler as createOffice } from '../../functions/create-office';
import { handler as getOffice } from '../../functions/get-office';
import { handler as listOffices } from '../../functions/list-offices';
import { handler as updateOffice } from '../../functions/update-office';
import { apiEvent, type Caller, call } from '../support/api-event';
import { officeBody, uniqueOfficeCode, uniqueTerminalId } from '../support/fixtures';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

const admin: Caller = { role: 'province-admin' };
const clerk: Caller = { role: 'clerk', officeCode: '56101' };

beforeAll(provisionStores);
afterAll(dropStores);

async function registered(overrides: Record<string, unknown> = {}) {
  const body = officeBody(overrides);
  const answer = await call(createOffice, apiEvent('create-office', { caller: admin, body }));
  expect(answer.status).toBe(201);
  return answer.body as { officeCode: string; version: number; status: string };
}

describe('POST /v1/offices', () => {
  it('registers an office and answers 201 with the stored office and its location', async () => {
    const body = officeBody();

    const answer = await call(createOffice, apiEvent('create-office', { caller: admin, body }));

    expect(answer.status).toBe(201);
    expect(answer.headers.location).toBe(`/v1/offices/${body.officeCode}`);
    expect(answer.body).toMatchObject({ officeCode: body.officeCode, status: 'planned', version: 1, demo: false });
    const read = await call(
      getOffice,
      apiEvent('get-office', { caller: clerk, pathParameters: { officeCode: body.officeCode } }),
    );
    expect(read.body.name).toBe(body.name);
    // Its province joins the set the monthly report job reads instead of listing every office.
    const provinces = (await tableSnapshot()).find((item) => item.entity === 'office-provinces');
    expect([...((provinces?.provinces as Set<string> | undefined) ?? [])]).toContain(body.provinceCode);
  });

  it('normalises Persian digits and Arabic letters before validating and storing', async () => {
    const code = uniqueOfficeCode();
    const persianCode = code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

    const answer = await call(
      createOffice,
      apiEvent('create-office', {
        caller: admin,
        body: officeBody({ officeCode: persianCode, county: '  سربيشه ', contact: { phone: '٠٥٦٣٢٢٢١٢٣٤' } }),
      }),
    );

    expect(answer.status).toBe(201);
    expect(answer.body.officeCode).toBe(code);
    expect(answer.body.county).toBe('سربیشه');
    expect(answer.body.contact.phone).toBe('05632221234');
  });

  it('stores the short name SMS notices carry, and refuses one over 30 characters or with a link', async () => {
    const shortName = 'دفتر بیرجند مرکزی';

    const stored = await call(
      createOffice,
      apiEvent('create-office', { caller: admin, body: officeBody({ shortName }) }),
    );
    const tooLong = await call(
      createOffice,
      apiEvent('create-office', { caller: admin, body: officeBody({ shortName: 'د'.repeat(31) }) }),
    );
    const withLink = await call(
      createOffice,
      apiEvent('create-office', { caller: admin, body: officeBody({ shortName: 'دفتر adliran.ir' }) }),
    );

    expect(stored.status).toBe(201);
    expect(stored.body.shortName).toBe(shortName);
    expect([tooLong.status, withLink.status]).toEqual([400, 400]);
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'body.shortName' })]);
  });

  it('answers 409 for an office code that exists and leaves the first office as it was', async () => {
    const first = await registered();
    const before = await tableSnapshot();

    const answer = await call(
      createOffice,
      apiEvent('create-office', {
        caller: admin,
        body: officeBody({ officeCode: first.officeCode, name: 'دفتر دیگر' }),
      }),
    );

    expect(answer.status).toBe(409);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await tableSnapshot()).toEqual(before);
  });

  it.each(['clerk', 'manager', 'court'] as const)('answers 403 to a %s and writes nothing', async (role) => {
    const before = await tableSnapshot();

    const answer = await call(
      createOffice,
      apiEvent('create-office', { caller: { role, officeCode: '56101' }, body: officeBody() }),
    );

    expect(answer.status).toBe(403);
    expect(await tableSnapshot()).toEqual(before);
  });

  it('lists every failing field, in English when asked, for unknown fields, bad codes and non-Persian names', async () => {
    const before = await tableSnapshot();

    const answer = await call(
      createOffice,
      apiEvent('create-office', {
        caller: admin,
        headers: { 'accept-language': 'en-US,en;q=0.9' },
        body: officeBody({ officeCode: '12ab', name: 'Office 1', status: 'open', extra: true }),
      }),
    );

    expect(answer.status).toBe(400);
    expect(answer.headers['content-language']).toBe('en');
    const fields = (answer.body.errors as Array<{ field: string; message: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.officeCode', 'body.name', 'body.status', 'body.extra']));
    expect(answer.body.errors.find((e: { field: string }) => e.field === 'body.officeCode').message).toBe(
      'Office code must be 4 to 10 digits.',
    );
    expect(await tableSnapshot()).toEqual(before);
  });

  it('answers in Persian by default', async () => {
    const answer = await call(
      createOffice,
      apiEvent('create-office', { caller: admin, body: officeBody({ officeCode: 'x' }) }),
    );

    expect(answer.status).toBe(400);
    expect(answer.headers['content-language']).toBe('fa');
    expect(answer.body.title).toBe('ورودی نامعتبر است');
    expect(answer.body.errors[0].message).toBe('کد دفتر باید ۴ تا ۱۰ رقم باشد.');
  });

  it('answers 400 for a body that is not JSON, and 415 for one that is not declared as JSON', async () => {
    const malformed = await call(
      createOffice,
      apiEvent('create-office', { caller: admin, rawBody: '{"officeCode": ' }),
    );
    const wrongType = await call(
      createOffice,
      apiEvent('create-office', { caller: admin, rawBody: 'a=b', headers: { 'content-type': 'text/plain' } }),
    );

    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toBe('urn:judicial-e-services:problem:malformed-json');
    expect(wrongType.status).toBe(415);
  });

  it('answers 413 for a body over the 64 KiB cap before reading it', async () => {
    const answer = await call(
      createOffice,
      apiEvent('create-office', { caller: admin, body: officeBody({ name: 'ب'.repeat(40_000) }) }),
    );

    expect(answer.status).toBe(413);
    expect(answer.body.type).toBe('urn:judicial-e-services:problem:body-too-large');
  });

  it('answers 401 when no authorizer claims reached the function', async () => {
    const answer = await call(createOffice, apiEvent('create-office', { body: officeBody() }));

    expect(answer.status).toBe(401);
  });
});

describe('PATCH /v1/offices/{officeCode}', () => {
  it('activates a planned office, records the step in its history and sets the opening date', async () => {
    const office = await registered({ statusSince: '2019-08-01' });

    const answer = await call(
      updateOffice,
      apiEvent('update-office', {
        caller: admin,
        pathParameters: { officeCode: office.officeCode },
        body: { status: 'active', statusSince: '2019-09-01' },
      }),
    );

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'active',
      statusSince: '2019-09-01',
      openedOn: '2019-09-01',
      version: 2,
    });
    expect(answer.body.statusHistory.map((h: { status: string }) => h.status)).toEqual(['planned', 'active']);
  });

  it('answers 409 with the allowed steps for a status change the life cycle forbids', async () => {
    const office = await registered();
    const before = await tableSnapshot();

    const answer = await call(
      updateOffice,
      apiEvent('update-office', {
        caller: admin,
        headers: { 'accept-language': 'en' },
        pathParameters: { officeCode: office.officeCode },
        body: { status: 'suspended' },
      }),
    );

    expect(answer.status).toBe(409);
    expect(answer.body.detail).toContain('It can become: active, closed.');
    expect(await tableSnapshot()).toEqual(before);
  });

  it("answers 409 for a status step dated before the office's latest one, and stores nothing", async () => {
    const office = await registered({ statusSince: '2019-08-01' });
    const patch = (body: Record<string, unknown>) =>
      call(
        updateOffice,
        apiEvent('update-office', {
          caller: admin,
          headers: { 'accept-language': 'en' },
          pathParameters: { officeCode: office.officeCode },
          body,
        }),
      );
    await patch({ status: 'active', statusSince: '2019-09-01' });
    await patch({ status: 'suspended', statusSince: '2019-10-01' });
    const before = await tableSnapshot();

    const backdated = await patch({ status: 'active', statusSince: '2019-09-15' });
    const dateAlone = await patch({ statusSince: '2019-07-01' });

    expect(backdated.status).toBe(409);
    expect(backdated.body.type).toBe('urn:judicial-e-services:problem:office-status-backdated');
    expect(backdated.body.detail).toContain(
      "2019-09-15 is before the office's latest recorded status change (2019-10-01)",
    );
    expect(dateAlone.status).toBe(400);
    expect(dateAlone.body.errors).toEqual([expect.objectContaining({ field: 'body.statusSince' })]);
    expect(await tableSnapshot()).toEqual(before);
  });

  it('answers 409 for a stale expectedVersion and changes nothing', async () => {
    const office = await registered();
    await call(
      updateOffice,
      apiEvent('update-office', {
        caller: admin,
        pathParameters: { officeCode: office.officeCode },
        body: { name: 'دفتر مود نو' },
      }),
    );
    const before = await tableSnapshot();

    const answer = await call(
      updateOffice,
      apiEvent('update-office', {
        caller: admin,
        pathParameters: { officeCode: office.officeCode },
        body: { name: 'دفتر مود', expectedVersion: 1 },
      }),
    );

    expect(answer.status).toBe(409);
    expect(await tableSnapshot()).toEqual(before);
  });

  it('answers 404 for an unknown office, 400 for an empty change, 403 for a manager', async () => {
    const office = await registered();

    const unknown = await call(
      updateOffice,
      apiEvent('update-office', {
        caller: admin,
        pathParameters: { officeCode: uniqueOfficeCode() },
        body: { name: 'دفتر' },
      }),
    );
    const empty = await call(
      updateOffice,
      apiEvent('update-office', { caller: admin, pathParameters: { officeCode: office.officeCode }, body: {} }),
    );
    const manager = await call(
      updateOffice,
      apiEvent('update-office', {
        caller: { role: 'manager', officeCode: office.officeCode },
        pathParameters: { officeCode: office.officeCode },
        body: { name: 'دفتر من' },
      }),
    );

    expect([unknown.status, empty.status, manager.status]).toEqual([404, 400, 403]);
  });
});

/**
 * An office's tariff is paid to its `paymentTerminalId`: a terminal that is another office's, or
 * the judiciary's (where court fees go), would send the tariff into someone else's account.
 */
describe("an office's payment terminal", () => {
  const judiciaryTerminal = () => process.env.JUDICIARY_TERMINAL_ID!;
  const terminalTaken = 'urn:judicial-e-services:problem:payment-terminal-taken';
  const patch = (officeCode: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    call(updateOffice, apiEvent('update-office', { caller: admin, headers, pathParameters: { officeCode }, body }));

  it("shows an office's terminal to its own staff and its province's administrator only", async () => {
    // Prepare
    const terminal = uniqueTerminalId();
    const { officeCode } = await registered({ paymentTerminalId: terminal });
    const readers: Record<string, Caller> = {
      ownClerk: { role: 'clerk', officeCode },
      ownManager: { role: 'manager', officeCode },
      provinceAdmin: admin,
      otherOfficeClerk: clerk,
      court: { role: 'court', courtCode: 'C-TEST' },
      nationalAdmin: { role: 'national-admin' },
    };

    // Act
    const seen: Record<string, unknown[]> = {};
    for (const [name, caller] of Object.entries(readers)) {
      const one = await call(getOffice, apiEvent('get-office', { caller, pathParameters: { officeCode } }));
      const listing = await call(listOffices, apiEvent('list-offices', { caller, query: {} }));
      const listed = listing.body.items.find((o: { officeCode: string }) => o.officeCode === officeCode);
      seen[name] = [one.status, one.body.paymentTerminalId, listed?.paymentTerminalId];
    }

    // Assess
    expect(seen).toEqual({
      ownClerk: [200, terminal, terminal],
      ownManager: [200, terminal, terminal],
      provinceAdmin: [200, terminal, terminal],
      otherOfficeClerk: [200, undefined, undefined],
      court: [200, undefined, undefined],
      nationalAdmin: [200, undefined, undefined],
    });
  });

  it("refuses to register an office with the judiciary's terminal, and writes nothing", async () => {
    // Prepare
    const before = await tableSnapshot();

    // Act
    const answer = await call(
      createOffice,
      apiEvent('create-office', { caller: admin, body: officeBody({ paymentTerminalId: judiciaryTerminal() }) }),
    );

    // Assess
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe(terminalTaken);
    expect(await tableSnapshot()).toEqual(before);
  });

  it("refuses another spelling of a taken terminal (a leading zero), the judiciary's and another office's", async () => {
    // Prepare: the gateway reads a terminal id as a number, so 0<id> is <id>
    const terminal = uniqueTerminalId();
    await registered({ paymentTerminalId: terminal });
    const before = await tableSnapshot();

    // Act
    const answers = await Promise.all(
      [`0${judiciaryTerminal()}`, `0${terminal}`].map((paymentTerminalId) =>
        call(createOffice, apiEvent('create-office', { caller: admin, body: officeBody({ paymentTerminalId }) })),
      ),
    );

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([400, 400]);
    expect(answers.map((answer) => answer.body.errors[0].field)).toEqual([
      'body.paymentTerminalId',
      'body.paymentTerminalId',
    ]);
    expect(await tableSnapshot()).toEqual(before);
  });

  it("answers 409 for another office's terminal without naming that office, and writes nothing", async () => {
    // Prepare
    const terminal = uniqueTerminalId();
    const holder = await registered({ paymentTerminalId: terminal });
    const before = await tableSnapshot();

    // Act
    const answers = await Promise.all(
      (['fa', 'en'] as const).map((language) =>
        call(
          createOffice,
          apiEvent('create-office', {
            caller: admin,
            headers: { 'accept-language': language },
            body: officeBody({ paymentTerminalId: terminal }),
          }),
        ),
      ),
    );

    // Assess
    expect(answers.map((a) => [a.status, a.body.type])).toEqual([
      [409, terminalTaken],
      [409, terminalTaken],
    ]);
    expect(answers.map((a) => a.headers['content-language'])).toEqual(['fa', 'en']);
    for (const answer of answers) expect(JSON.stringify(answer.body)).not.toContain(holder.officeCode);
    expect(await tableSnapshot()).toEqual(before);
  });

  it("still answers office-exists for a taken code, whatever the terminal (the failed condition's index)", async () => {
    // Prepare
    const terminal = uniqueTerminalId();
    const first = await registered({ paymentTerminalId: terminal });
    const before = await tableSnapshot();

    // Act
    const sameTerminal = await call(
      createOffice,
      apiEvent('create-office', {
        caller: admin,
        body: officeBody({ officeCode: first.officeCode, paymentTerminalId: terminal }),
      }),
    );
    const freeTerminal = await call(
      createOffice,
      apiEvent('create-office', {
        caller: admin,
        body: officeBody({ officeCode: first.officeCode, paymentTerminalId: uniqueTerminalId() }),
      }),
    );

    // Assess
    expect([sameTerminal.status, freeTerminal.status]).toEqual([409, 409]);
    expect([sameTerminal.body.type, freeTerminal.body.type]).toEqual([
      'urn:judicial-e-services:problem:office-exists',
      'urn:judicial-e-services:problem:office-exists',
    ]);
    expect(await tableSnapshot()).toEqual(before);
  });

  it("answers 409 to a change to another office's terminal, or to the judiciary's, and leaves the office as it was", async () => {
    // Prepare
    const taken = uniqueTerminalId();
    await registered({ paymentTerminalId: taken });
    const office = await registered({ paymentTerminalId: uniqueTerminalId() });
    const before = await tableSnapshot();

    // Act
    const toAnother = await patch(office.officeCode, { paymentTerminalId: taken });
    const toJudiciary = await patch(office.officeCode, { paymentTerminalId: judiciaryTerminal() });

    // Assess
    expect([toAnother.status, toJudiciary.status]).toEqual([409, 409]);
    expect([toAnother.body.type, toJudiciary.body.type]).toEqual([terminalTaken, terminalTaken]);
    expect(await tableSnapshot()).toEqual(before);
  });

  it('still answers office-changed for a stale expectedVersion that also changes the terminal', async () => {
    // Prepare
    const office = await registered({ paymentTerminalId: uniqueTerminalId() });
    await patch(office.officeCode, { name: 'دفتر مود نو' });
    const before = await tableSnapshot();

    // Act
    const answer = await patch(office.officeCode, { paymentTerminalId: uniqueTerminalId(), expectedVersion: 1 });

    // Assess
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe('urn:judicial-e-services:problem:office-changed');
    expect(await tableSnapshot()).toEqual(before);
  });

  it('moves the claim with the terminal: the old one is free for another office, the new one is not', async () => {
    // Prepare
    const [oldTerminal, newTerminal] = [uniqueTerminalId(), uniqueTerminalId()];
    const office = await registered({ paymentTerminalId: oldTerminal });

    // Act
    const changed = await patch(office.officeCode, { paymentTerminalId: newTerminal });
    const takesOld = await call(
      createOffice,
      apiEvent('create-office', { caller: admin, body: officeBody({ paymentTerminalId: oldTerminal }) }),
    );
    const takesNew = await call(
      createOffice,
      apiEvent('create-office', { caller: admin, body: officeBody({ paymentTerminalId: newTerminal }) }),
    );

    // Assess
    expect(changed.status).toBe(200);
    expect(changed.body.paymentTerminalId).toBe(newTerminal);
    expect([takesOld.status, takesNew.status]).toEqual([201, 409]);
    const claims = (await tableSnapshot()).filter((item) => item.entity === 'terminal-claim');
    const holderOf = (terminal: string) => claims.filter((c) => c.terminalId === terminal).map((c) => c.officeCode);
    expect(holderOf(oldTerminal)).toEqual([takesOld.body.officeCode]);
    expect(holderOf(newTerminal)).toEqual([office.officeCode]);
  });

  it('gives one terminal to exactly one of two offices registered at the same moment', async () => {
    // Prepare
    const terminal = uniqueTerminalId();
    const bodies = [officeBody({ paymentTerminalId: terminal }), officeBody({ paymentTerminalId: terminal })];

    // Act
    const answers = await Promise.all(
      bodies.map((body) => call(createOffice, apiEvent('create-office', { caller: admin, body }))),
    );

    // Assess
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const winner = answers.find((a) => a.status === 201)!.body.officeCode as string;
    const loser = bodies.map((b) => b.officeCode).find((code) => code !== winner)!;
    const items = await tableSnapshot();
    expect(items.filter((item) => item.entity === 'office' && item.paymentTerminalId === terminal)).toEqual([
      expect.objectContaining({ officeCode: winner }),
    ]);
    expect(items.some((item) => item.pk === `OFFICE#${loser}`)).toBe(false);
  });
});

describe('GET /v1/offices', () => {
  it('lists offices with the network view, and filters by status without shrinking the network view', async () => {
    const active = await registered({ status: 'active', deprivedArea: true, bakhsh: 'زهان' });
    await registered({ status: 'planned' });

    const all = await call(listOffices, apiEvent('list-offices', { caller: { role: 'court' } }));
    const onlyActive = await call(
      listOffices,
      apiEvent('list-offices', { caller: { role: 'court' }, query: { status: 'active' } }),
    );

    expect(all.status).toBe(200);
    expect(all.body.network.active).toBeGreaterThanOrEqual(1);
    expect(all.body.network.planned).toBeGreaterThanOrEqual(1);
    expect(onlyActive.body.items.every((o: { status: string }) => o.status === 'active')).toBe(true);
    expect(onlyActive.body.items.map((o: { officeCode: string }) => o.officeCode)).toContain(active.officeCode);
    expect(onlyActive.body.network).toEqual(all.body.network);
  });

  it('answers 400 for an unknown query parameter', async () => {
    const answer = await call(listOffices, apiEvent('list-offices', { caller: clerk, query: { colour: 'blue' } }));

    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe('query.colour');
  });
});
