import { handler as createCourt } from '../../functions/create-court';
import { handler as getCourt } from '../../functions/get-court';
import { handler as listCourts } from '../../functions/list-courts';
import { handler as setCourtFallbacks } from '../../functions/set-court-fallbacks';
import { handler as updateCourt } from '../../functions/update-court';
import { apiEvent, type Caller, call } from '../support/api-event';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

const admin: Caller = { role: 'province-admin', provinceCode: '29' };

let sequence = 0;
function courtBody(overrides: Record<string, unknown> = {}) {
  sequence += 1;
  return {
    courtCode: `C29-${sequence}`,
    name: 'دادگاه صلح قائن',
    judicialDistrict: 'قائن',
    kind: 'peace',
    status: 'active',
    ...overrides,
  };
}

const register = (body: Record<string, unknown>, caller: Caller = admin) =>
  call(createCourt, apiEvent('create-court', { caller, body }));

describe('registering a court', () => {
  it("stores the court in the administrator's province with its kind named in both languages", async () => {
    const body = courtBody({ kind: 'general-civil', name: 'دادگاه عمومی حقوقی قائن' });

    const created = await register(body);
    const read = await call(
      getCourt,
      apiEvent('get-court', {
        caller: { role: 'clerk', officeCode: '56101' },
        pathParameters: { courtCode: body.courtCode },
      }),
    );

    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/v1/courts/${body.courtCode}`);
    expect(read.body).toMatchObject({
      courtCode: body.courtCode,
      provinceCode: '29',
      judicialDistrict: 'قائن',
      kind: 'general-civil',
      kindName: { fa: 'دادگاه عمومی حقوقی', en: 'general civil court' },
      status: 'active',
      demo: false,
      version: 1,
    });
  });

  it('refuses a taken code with 409 and leaves the first court as it was', async () => {
    const body = courtBody();
    await register(body);
    const before = await tableSnapshot();

    const again = await register({ ...body, name: 'دادگاه دیگر' });

    expect(again.status).toBe(409);
    expect(await tableSnapshot()).toEqual(before);
  });

  it('refuses a lower-case or too long code and an unknown kind, naming each field', async () => {
    const answer = await register(courtBody({ courtCode: 'abc', kind: 'supreme', status: 'open' }));

    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.courtCode',
      'body.kind',
      'body.status',
    ]);
  });

  it.each(['clerk', 'manager', 'court', 'national-admin'] as const)('answers 403 to a %s', async (role) => {
    const answer = await register(courtBody(), { role, officeCode: '56101' });

    expect(answer.status).toBe(403);
  });
});

describe('changing a court', () => {
  it('changes the status with optimistic concurrency and never reopens a closed court', async () => {
    const body = courtBody();
    await register(body);
    const patch = (change: Record<string, unknown>) =>
      call(
        updateCourt,
        apiEvent('update-court', { caller: admin, pathParameters: { courtCode: body.courtCode }, body: change }),
      );

    const suspended = await patch({ status: 'suspended', expectedVersion: 1 });
    const stale = await patch({ status: 'active', expectedVersion: 1 });
    const closed = await patch({ status: 'closed' });
    const reopened = await patch({ status: 'active' });

    expect(suspended.body).toMatchObject({ status: 'suspended', version: 2 });
    expect([stale.status, closed.status, reopened.status]).toEqual([409, 200, 409]);
  });
});

describe("a province's courts", () => {
  it('lists them by kind and district, with the fallbacks the administrator named', async () => {
    const peace = courtBody({ judicialDistrict: 'فردوس' });
    const civil = courtBody({ judicialDistrict: 'فردوس', kind: 'general-civil', name: 'دادگاه عمومی حقوقی فردوس' });
    await register(peace);
    await register(civil);
    await call(
      setCourtFallbacks,
      apiEvent('set-court-fallbacks', { caller: admin, body: { fallbacks: { 'general-civil': civil.courtCode } } }),
    );

    const inDistrict = await call(
      listCourts,
      apiEvent('list-courts', { caller: admin, query: { judicialDistrict: 'فردوس' } }),
    );
    const ofKind = await call(
      listCourts,
      apiEvent('list-courts', {
        caller: { role: 'national-admin' },
        query: { province: '29', kind: 'peace', judicialDistrict: 'فردوس' },
      }),
    );
    const unnamed = await call(listCourts, apiEvent('list-courts', { caller: { role: 'national-admin' } }));

    expect(inDistrict.body.items.map((c: { courtCode: string }) => c.courtCode)).toEqual(
      [peace.courtCode, civil.courtCode].sort(),
    );
    expect(inDistrict.body.fallbacks).toEqual({ 'general-civil': civil.courtCode });
    expect(ofKind.body.items.map((c: { courtCode: string }) => c.courtCode)).toEqual([peace.courtCode]);
    expect(unnamed.status).toBe(400);
  });

  it('refuses a fallback that is not an active court of that kind, and keeps the setting', async () => {
    const peace = courtBody();
    const suspended = courtBody({ kind: 'prosecutor', name: 'دادسرای قائن', status: 'suspended' });
    await register(peace);
    await register(suspended);
    const before = await tableSnapshot();

    const answer = await call(
      setCourtFallbacks,
      apiEvent('set-court-fallbacks', {
        caller: admin,
        body: { fallbacks: { 'general-civil': peace.courtCode, prosecutor: suspended.courtCode } },
      }),
    );

    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.fallbacks.general-civil',
      'body.fallbacks.prosecutor',
    ]);
    expect(await tableSnapshot()).toEqual(before);
  });
});
