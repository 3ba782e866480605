import { handler as createCourt } from '../../functions/create-court';
import { handler as createPetition } from '../../functions/create-petition';
import { handler as downloadDocument } from '../../functions/download-document';
import { handler as getCourtInbox } from '../../functions/get-court-inbox';
import { handler as getPetition } from '../../functions/get-petition';
import { handler as getPetitionFees } from '../../functions/get-petition-fees';
import { handler as listPetitionNotices } from '../../functions/list-petition-notices';
import { handler as listPetitions } from '../../functions/list-petitions';
import { handler as reassignPetition } from '../../functions/reassign-petition';
import { handler as recordIndigency } from '../../functions/record-indigency';
import { handler as submitPetition } from '../../functions/submit-petition';
import { handler as transitionPetition } from '../../functions/transition-petition';
import { handler as updateCourt } from '../../functions/update-court';
import { handler as verifyDocument } from '../../functions/verify-document';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { DynamoOfficeRepository } from '../../shared/adapters/dynamo-office-repository';
import { readEnv, tableEnvShape } from '../../shared/config';
import { newOffice } from '../../shared/domain/office';
import type { Role } from '../../shared/domain/roles';
import { ROUTES } from '../../shared/routes';
import { type Answer, apiEvent, type Caller, call, invoke } from '../support/api-event';
import { declaration, keyOf, objectCreated, scan, upload } from '../support/documents';
import { fileAndSubmit } from '../support/filing';
import { uniqueOfficeCode } from '../support/fixtures';
import { outboxEventsOf } from '../support/outbox';
import { recordPaidInFull } from '../support/payments';
import { activeOffice, idempotencyKey, petitionBody, TEST_COURTS } from '../support/petitions';
import { recordDynamoRequests } from '../support/requests';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

/** The petition goes to the district's general civil court; the district's peace court reaches for it. */
const holder: Caller = { role: 'court', courtCode: TEST_COURTS['general-civil'] };
const otherCourt: Caller = { role: 'court', courtCode: TEST_COURTS.peace };
const UNKNOWN_PETITION = '00000000-0000-4000-8000-000000000000';

interface World {
  officeCode: string;
  petitionId: string;
  documentId: string;
}

let world: World;

beforeAll(async () => {
  const officeCode = await activeOffice();
  const clerk: Caller = { role: 'clerk', officeCode, userId: `clerk-${officeCode}` };
  const bytes = scan.pdf();
  const created = await call(
    createPetition,
    apiEvent('create-petition', { caller: clerk, body: petitionBody(undefined, { documents: [declaration(bytes)] }) }),
  );
  expect(created.status).toBe(201);
  const instruction = created.body.uploads[0];
  expect(await upload(instruction, bytes)).toBe(200);
  await invoke('verify-document', verifyDocument, objectCreated(keyOf(instruction.uploadUrl)));
  await recordPaidInFull(created.body.petitionId);
  const submitted = await call(
    submitPetition,
    apiEvent('submit-petition', {
      caller: clerk,
      pathParameters: { petitionId: created.body.petitionId },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
  );
  expect(submitted.status).toBe(200);
  world = { officeCode, petitionId: created.body.petitionId, documentId: instruction.documentId };
});

/**
 * Each route of a court user that reaches petitions, called by a court that does not hold the
 * petition: the answer, and the answer the same caller gets for an unknown petition.
 */
const ACROSS_COURTS: Record<string, () => Promise<{ foreign: Answer; unknown: Answer }>> = {
  'get-petition': async () => ({
    foreign: await call(
      getPetition,
      apiEvent('get-petition', { caller: otherCourt, pathParameters: { petitionId: world.petitionId } }),
    ),
    unknown: await call(
      getPetition,
      apiEvent('get-petition', { caller: otherCourt, pathParameters: { petitionId: UNKNOWN_PETITION } }),
    ),
  }),
  'download-document': async () => ({
    foreign: await call(
      downloadDocument,
      apiEvent('download-document', {
        caller: otherCourt,
        pathParameters: { petitionId: world.petitionId, documentId: world.documentId },
      }),
    ),
    unknown: await call(
      downloadDocument,
      apiEvent('download-document', {
        caller: otherCourt,
        pathParameters: { petitionId: UNKNOWN_PETITION, documentId: world.documentId },
      }),
    ),
  }),
  'get-court-inbox': async () => ({
    foreign: await call(
      getCourtInbox,
      apiEvent('get-court-inbox', { caller: otherCourt, pathParameters: { courtCode: holder.courtCode! } }),
    ),
    unknown: await call(
      getCourtInbox,
      apiEvent('get-court-inbox', { caller: otherCourt, pathParameters: { courtCode: 'NO-SUCH-COURT' } }),
    ),
  }),
  'list-petition-notices': async () => ({
    foreign: await call(
      listPetitionNotices,
      apiEvent('list-petition-notices', { caller: otherCourt, pathParameters: { petitionId: world.petitionId } }),
    ),
    unknown: await call(
      listPetitionNotices,
      apiEvent('list-petition-notices', { caller: otherCourt, pathParameters: { petitionId: UNKNOWN_PETITION } }),
    ),
  }),
  'transition-petition': async () => ({
    foreign: await call(
      transitionPetition,
      apiEvent('transition-petition', {
        caller: otherCourt,
        pathParameters: { petitionId: world.petitionId },
        body: { action: 'dispatch', expectedVersion: 2 },
      }),
    ),
    unknown: await call(
      transitionPetition,
      apiEvent('transition-petition', {
        caller: otherCourt,
        pathParameters: { petitionId: UNKNOWN_PETITION },
        body: { action: 'dispatch', expectedVersion: 2 },
      }),
    ),
  }),
  'get-petition-fees': async () => ({
    foreign: await call(
      getPetitionFees,
      apiEvent('get-petition-fees', { caller: otherCourt, pathParameters: { petitionId: world.petitionId } }),
    ),
    unknown: await call(
      getPetitionFees,
      apiEvent('get-petition-fees', { caller: otherCourt, pathParameters: { petitionId: UNKNOWN_PETITION } }),
    ),
  }),
  'record-indigency': async () => ({
    foreign: await call(
      recordIndigency,
      apiEvent('record-indigency', {
        caller: otherCourt,
        pathParameters: { petitionId: world.petitionId },
        body: { action: 'grant', expectedVersion: 2 },
      }),
    ),
    unknown: await call(
      recordIndigency,
      apiEvent('record-indigency', {
        caller: otherCourt,
        pathParameters: { petitionId: UNKNOWN_PETITION },
        body: { action: 'grant', expectedVersion: 2 },
      }),
    ),
  }),
};

/**
 * Court routes that show no petition: the registry, calendars and national fee schedules are
 * public knowledge to staff.
 */
const REGISTRY_ROUTES = [
  'get-office',
  'list-offices',
  'get-court',
  'list-courts',
  'get-work-calendar',
  'get-fee-schedule',
  'list-fee-schedules',
];

const courtRoutes = ROUTES.filter(
  (route) => route.auth !== 'public' && (route.auth as readonly Role[]).includes('court'),
).map((route) => route.id);

describe('a court and the petitions it does not hold', () => {
  it('has a case below for every route a court user may call', () => {
    expect([...Object.keys(ACROSS_COURTS), ...REGISTRY_ROUTES].sort()).toEqual([...courtRoutes].sort());
  });

  it.each(Object.keys(ACROSS_COURTS))(
    '%s: answers a petition of another court exactly like an unknown one (404), and changes nothing',
    async (routeId) => {
      const before = await tableSnapshot();

      const { foreign, unknown } = await ACROSS_COURTS[routeId]!();

      expect(foreign.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(foreign.body).toEqual({ ...unknown.body, instance: foreign.body.instance });
      expect(await tableSnapshot()).toEqual(before);
    },
  );

  it("lists the petition in its own court's inbox only, and no court lists an office's petitions (403)", async () => {
    const inboxOf = (caller: Caller) =>
      call(
        getCourtInbox,
        apiEvent('get-court-inbox', { caller, pathParameters: { courtCode: caller.courtCode! }, query: {} }),
      );

    const own = await inboxOf(holder);
    const other = await inboxOf(otherCourt);
    const officeListing = await call(
      listPetitions,
      apiEvent('list-petitions', { caller: otherCourt, query: { officeCode: world.officeCode } }),
    );

    expect([own.status, other.status, officeListing.status]).toEqual([200, 200, 403]);
    expect(own.body.items.map((p: { petitionId: string }) => p.petitionId)).toContain(world.petitionId);
    expect(other.body.items.map((p: { petitionId: string }) => p.petitionId)).not.toContain(world.petitionId);
  });

  it("lets the court's province administrator read its inbox, and answers another province's as unknown", async () => {
    // Prepare
    const inboxAs = (caller: Caller, courtCode = holder.courtCode!) =>
      call(getCourtInbox, apiEvent('get-court-inbox', { caller, pathParameters: { courtCode }, query: {} }));

    // Act
    const ownProvince = await inboxAs({ role: 'province-admin', provinceCode: '29' });
    const otherProvince = await inboxAs({ role: 'province-admin', provinceCode: '07' });
    const unknownCourt = await inboxAs({ role: 'province-admin', provinceCode: '29' }, 'NO-SUCH-COURT');
    const clerk = await inboxAs({ role: 'clerk', officeCode: world.officeCode });

    // Assess
    expect([ownProvince.status, otherProvince.status, unknownCourt.status, clerk.status]).toEqual([200, 404, 404, 403]);
    expect(ownProvince.body.items.map((p: { petitionId: string }) => p.petitionId)).toContain(world.petitionId);
    expect({ ...otherProvince.body, instance: '' }).toEqual({ ...unknownCourt.body, instance: '' });
  });

  it("shows a province administrator no petition of another province's office in its court's inbox", async () => {
    // Prepare: a Tehran office files a written statement in a case of South Khorasan's court
    const tehranOffice = uniqueOfficeCode();
    await new DynamoOfficeRepository(
      createDocumentClient(readEnv(tableEnvShape)),
      readEnv(tableEnvShape).TABLE_NAME,
    ).insert(
      newOffice(
        {
          officeCode: tehranOffice,
          name: 'دفتر خدمات الکترونیک قضایی آزمون تهران',
          provinceCode: '07',
          judicialDistrict: 'تهران',
          county: 'تهران',
          deprivedArea: false,
          status: 'active',
          contact: { phone: '02122220000' },
          paymentTerminalId: `9${tehranOffice}`,
        },
        new Date(),
      ),
    );
    const clerk: Caller = { role: 'clerk', officeCode: tehranOffice };
    const { submitted, petitionId } = await fileAndSubmit(
      clerk,
      petitionBody(undefined, {
        kind: 'written-statement',
        caseReference: { courtCode: holder.courtCode, caseNumber: '140312345678' },
      }),
    );
    const inboxAs = (caller: Caller) =>
      call(
        getCourtInbox,
        apiEvent('get-court-inbox', { caller, pathParameters: { courtCode: holder.courtCode! }, query: {} }),
      );
    const listed = (answer: Answer) => answer.body.items.map((p: { petitionId: string }) => p.petitionId);

    // Act
    const court = await inboxAs(holder);
    const requests = recordDynamoRequests();
    const admin = await inboxAs({ role: 'province-admin', provinceCode: '29' }).finally(requests.stop);

    // Assess: the court holds it; South Khorasan's administrator, who may not read it, is not shown it,
    // and the offices of a page (two here, up to a hundred) are one request, not one each
    expect(submitted.status).toBe(200);
    expect(listed(court)).toContain(petitionId);
    expect(listed(admin)).not.toContain(petitionId);
    expect(listed(admin)).toContain(world.petitionId);
    expect(requests.sent.sort()).toEqual(['BatchGetItemCommand', 'GetItemCommand', 'QueryCommand']);
  });

  it('pages an inbox newest change first, one status at a time', async () => {
    const clerk: Caller = { role: 'clerk', officeCode: world.officeCode, userId: `clerk-${world.officeCode}` };
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { submitted, petitionId } = await fileAndSubmit(clerk, petitionBody());
      expect(submitted.status).toBe(200);
      ids.push(petitionId);
    }
    const page = (query: Record<string, string>) =>
      call(
        getCourtInbox,
        apiEvent('get-court-inbox', { caller: holder, pathParameters: { courtCode: holder.courtCode! }, query }),
      );

    const first = await page({ limit: '2' });
    const second = await page({ limit: '2', cursor: first.body.nextCursor });
    const dispatched = await page({ status: 'dispatched', limit: '100' });

    expect(first.body.items.map((p: { petitionId: string }) => p.petitionId)).toEqual([ids[2], ids[1]]);
    expect(second.body.items[0].petitionId).toBe(ids[0]);
    expect(dispatched.body.items.map((p: { petitionId: string }) => p.petitionId)).not.toContain(ids[0]);
  });

  it('lets the court that holds it read, download and dispatch it, and the dispatch emits petition.dispatched', async () => {
    const read = await call(
      getPetition,
      apiEvent('get-petition', { caller: holder, pathParameters: { petitionId: world.petitionId } }),
    );
    const download = await call(
      downloadDocument,
      apiEvent('download-document', {
        caller: holder,
        pathParameters: { petitionId: world.petitionId, documentId: world.documentId },
      }),
    );
    const dispatched = await call(
      transitionPetition,
      apiEvent('transition-petition', {
        caller: holder,
        pathParameters: { petitionId: world.petitionId },
        body: { action: 'dispatch', expectedVersion: read.body.version },
      }),
    );

    expect([read.status, download.status, dispatched.status]).toEqual([200, 200, 200]);
    expect(read.body.court).toMatchObject({ courtCode: holder.courtCode, kind: 'general-civil' });
    const events = await outboxEventsOf(world.petitionId);
    expect(events.at(-1)).toMatchObject({ type: 'dispatched', courtCode: holder.courtCode });
  });

  it('reassigns a petition to another court of the province, audited, and the court it left loses it', async () => {
    const clerk: Caller = { role: 'clerk', officeCode: world.officeCode, userId: `clerk-${world.officeCode}` };
    const created = await call(createPetition, apiEvent('create-petition', { caller: clerk, body: petitionBody() }));
    const petitionId = created.body.petitionId as string;
    await recordPaidInFull(petitionId);
    await call(
      submitPetition,
      apiEvent('submit-petition', {
        caller: clerk,
        pathParameters: { petitionId },
        headers: { 'idempotency-key': idempotencyKey() },
      }),
    );
    const admin: Caller = { role: 'province-admin', provinceCode: '29', userId: 'admin-29' };
    const reassign = (courtCode: string) =>
      call(
        reassignPetition,
        apiEvent('reassign-petition', {
          caller: admin,
          pathParameters: { petitionId },
          body: { courtCode, note: 'خواسته در صلاحیت دادگاه صلح است', expectedVersion: 2 },
        }),
      );

    const unknownCourt = await reassign('NO-SUCH-COURT');
    const moved = await reassign(otherCourt.courtCode!);
    const readByOld = await call(
      getPetition,
      apiEvent('get-petition', { caller: holder, pathParameters: { petitionId } }),
    );
    const readByNew = await call(
      getPetition,
      apiEvent('get-petition', { caller: otherCourt, pathParameters: { petitionId } }),
    );

    expect([unknownCourt.status, moved.status, readByOld.status, readByNew.status]).toEqual([404, 200, 404, 200]);
    expect(moved.body.court).toMatchObject({ courtCode: otherCourt.courtCode, rule: 'reassignment' });
    expect(moved.body.history.at(-1)).toMatchObject({
      action: 'reassign',
      by: { userId: 'admin-29', role: 'province-admin' },
      courtCode: otherCourt.courtCode,
      previousCourtCode: holder.courtCode,
      note: 'خواسته در صلاحیت دادگاه صلح است',
    });
    const events = await outboxEventsOf(petitionId);
    expect(events.filter((event) => event.type === 'reassigned')).toEqual([
      expect.objectContaining({ courtCode: otherCourt.courtCode, data: { previousCourtCode: holder.courtCode } }),
    ]);
  });

  it("refuses to reassign a civil claim to the prosecutor's office: a court of a kind its rules never route it to", async () => {
    // Prepare
    const clerk: Caller = { role: 'clerk', officeCode: world.officeCode, userId: `clerk-${world.officeCode}` };
    const { petitionId } = await fileAndSubmit(clerk, petitionBody());
    const before = await tableSnapshot();

    // Act
    const answer = await call(
      reassignPetition,
      apiEvent('reassign-petition', {
        caller: { role: 'province-admin', provinceCode: '29' },
        pathParameters: { petitionId },
        body: { courtCode: TEST_COURTS.prosecutor, note: 'انتقال به دادسرا', expectedVersion: 2 },
      }),
    );

    // Assess
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe('urn:judicial-e-services:problem:court-of-another-kind');
    expect(await tableSnapshot()).toEqual(before);
  });

  it('lets a court closed while it holds a petition take no step on it (409), the province reassigning it', async () => {
    // Prepare: a petition reassigned to a new court of the district, which the province then closes
    const admin: Caller = { role: 'province-admin', provinceCode: '29' };
    const courtCode = `TEST-CLOSING-${Date.now() % 100000}`;
    const created = await call(
      createCourt,
      apiEvent('create-court', {
        caller: admin,
        body: {
          courtCode,
          name: 'دادگاه عمومی حقوقی آزمون',
          judicialDistrict: 'بیرجند',
          kind: 'general-civil',
          status: 'active',
        },
      }),
    );
    const clerk: Caller = { role: 'clerk', officeCode: world.officeCode };
    const { petitionId } = await fileAndSubmit(clerk, petitionBody());
    const moved = await call(
      reassignPetition,
      apiEvent('reassign-petition', {
        caller: admin,
        pathParameters: { petitionId },
        body: { courtCode, note: 'ارجاع به شعبه تازه', expectedVersion: 2 },
      }),
    );
    const closed = await call(
      updateCourt,
      apiEvent('update-court', { caller: admin, pathParameters: { courtCode }, body: { status: 'closed' } }),
    );
    const before = await tableSnapshot();

    // Act
    const dispatched = await call(
      transitionPetition,
      apiEvent('transition-petition', {
        caller: { role: 'court', courtCode },
        pathParameters: { petitionId },
        body: { action: 'dispatch', expectedVersion: 3 },
      }),
    );

    // Assess
    expect([created.status, moved.status, closed.status]).toEqual([201, 200, 200]);
    expect(dispatched.status).toBe(409);
    expect(dispatched.body.type).toBe('urn:judicial-e-services:problem:court-not-active');
    expect(await tableSnapshot()).toEqual(before);
  });

  it('refuses a court user whose token names no court (403)', async () => {
    const answer = await call(
      getPetition,
      apiEvent('get-petition', {
        caller: { role: 'court', courtCode: null },
        pathParameters: { petitionId: world.petitionId },
      }),
    );

    expect(answer.status).toBe(403);
  });
});
