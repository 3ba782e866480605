import { handler as addProvincialHoliday } from '../../functions/add-provincial-holiday';
import { handler as createCourt } from '../../functions/create-court';
import { handler as createOffice } from '../../functions/create-office';
import { handler as createPetition } from '../../functions/create-petition';
import { handler as downloadDocument } from '../../functions/download-document';
import { handler as generateMonthlyReport } from '../../functions/generate-monthly-report';
import { handler as getCourt } from '../../functions/get-court';
import { handler as getCourtInbox } from '../../functions/get-court-inbox';
import { handler as getMonthlyReport } from '../../functions/get-monthly-report';
import { handler as getNationalReport } from '../../functions/get-national-report';
import { handler as getOffice } from '../../functions/get-office';
import { handler as getPetition } from '../../functions/get-petition';
import { handler as getPetitionFees } from '../../functions/get-petition-fees';
import { handler as getWorkCalendar } from '../../functions/get-work-calendar';
import { handler as listCourts } from '../../functions/list-courts';
import { handler as listOffices } from '../../functions/list-offices';
import { handler as listPetitionNotices } from '../../functions/list-petition-notices';
import { handler as listPetitions } from '../../functions/list-petitions';
import { handler as reassignPetition } from '../../functions/reassign-petition';
import { handler as setCourtFallbacks } from '../../functions/set-court-fallbacks';
import { handler as setNetworkTarget } from '../../functions/set-network-target';
import { handler as setWorkWeek } from '../../functions/set-work-week';
import { handler as updateCourt } from '../../functions/update-court';
import { handler as updateOffice } from '../../functions/update-office';
import type { Role } from '../../shared/domain/roles';
import { ROUTES } from '../../shared/routes';
import { type Answer, apiEvent, type Caller, call, TEST_COURT } from '../support/api-event';
import { declaration, scan } from '../support/documents';
import { officeBody } from '../support/fixtures';
import { activeOffice, petitionBody } from '../support/petitions';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

/** South Khorasan's administrator owns the objects; Tehran's reaches for them. */
const own: Caller = { role: 'province-admin', provinceCode: '29' };
const tehran: Caller = { role: 'province-admin', provinceCode: '07' };
const national: Caller = { role: 'national-admin' };
const UNKNOWN_PETITION = '00000000-0000-4000-8000-000000000000';
const UNKNOWN_COURT = 'NO-SUCH-COURT';
const MONTH = '1398-06';

interface World {
  officeCode: string;
  petitionId: string;
  documentId: string;
}

let world: World;

beforeAll(async () => {
  const officeCode = await activeOffice();
  const clerk: Caller = { role: 'clerk', officeCode };
  const created = await call(
    createPetition,
    apiEvent('create-petition', {
      caller: clerk,
      body: petitionBody(undefined, { documents: [declaration(scan.pdf())] }),
    }),
  );
  expect(created.status).toBe(201);
  world = {
    officeCode,
    petitionId: created.body.petitionId,
    documentId: created.body.uploads[0].documentId,
  };
});

/**
 * Each route a province administrator may call, asked by another province's administrator for
 * South Khorasan's objects: the answer, and the answer the same caller gets for an unknown object
 * (or, where nothing is addressed, what a province's own administrator gets).
 */
const ACROSS_PROVINCES: Record<string, () => Promise<{ foreign: Answer; unknown?: Answer }>> = {
  'create-office': async () => ({
    foreign: await call(
      createOffice,
      apiEvent('create-office', { caller: tehran, body: officeBody({ provinceCode: '29' }) }),
    ),
  }),
  'update-office': async () => ({
    foreign: await call(
      updateOffice,
      apiEvent('update-office', {
        caller: tehran,
        pathParameters: { officeCode: world.officeCode },
        body: { status: 'suspended', expectedVersion: 1 },
      }),
    ),
    unknown: await call(
      updateOffice,
      apiEvent('update-office', {
        caller: tehran,
        pathParameters: { officeCode: '99999999' },
        body: { status: 'suspended', expectedVersion: 1 },
      }),
    ),
  }),
  'get-office': async () => ({
    foreign: await call(
      getOffice,
      apiEvent('get-office', { caller: tehran, pathParameters: { officeCode: world.officeCode } }),
    ),
    unknown: await call(
      getOffice,
      apiEvent('get-office', { caller: tehran, pathParameters: { officeCode: '99999999' } }),
    ),
  }),
  'list-offices': async () => ({
    foreign: await call(listOffices, apiEvent('list-offices', { caller: tehran, query: { province: '29' } })),
  }),
  'create-court': async () => ({
    foreign: await call(
      createCourt,
      apiEvent('create-court', { caller: tehran, body: { ...courtBody(), provinceCode: '29' } }),
    ),
  }),
  'update-court': async () => ({
    foreign: await call(
      updateCourt,
      apiEvent('update-court', {
        caller: tehran,
        pathParameters: { courtCode: TEST_COURT },
        body: { status: 'suspended' },
      }),
    ),
    unknown: await call(
      updateCourt,
      apiEvent('update-court', {
        caller: tehran,
        pathParameters: { courtCode: UNKNOWN_COURT },
        body: { status: 'suspended' },
      }),
    ),
  }),
  'get-court': async () => ({
    foreign: await call(getCourt, apiEvent('get-court', { caller: tehran, pathParameters: { courtCode: TEST_COURT } })),
    unknown: await call(
      getCourt,
      apiEvent('get-court', { caller: tehran, pathParameters: { courtCode: UNKNOWN_COURT } }),
    ),
  }),
  'get-court-inbox': async () => ({
    foreign: await call(
      getCourtInbox,
      apiEvent('get-court-inbox', { caller: tehran, pathParameters: { courtCode: TEST_COURT }, query: {} }),
    ),
    unknown: await call(
      getCourtInbox,
      apiEvent('get-court-inbox', { caller: tehran, pathParameters: { courtCode: UNKNOWN_COURT }, query: {} }),
    ),
  }),
  'list-courts': async () => ({
    foreign: await call(listCourts, apiEvent('list-courts', { caller: tehran, query: { province: '29' } })),
  }),
  'set-court-fallbacks': async () => ({
    // Naming another province's court is refused as naming an unknown one is.
    foreign: await call(
      setCourtFallbacks,
      apiEvent('set-court-fallbacks', { caller: tehran, body: { fallbacks: { 'general-civil': TEST_COURT } } }),
    ),
    unknown: await call(
      setCourtFallbacks,
      apiEvent('set-court-fallbacks', { caller: tehran, body: { fallbacks: { 'general-civil': UNKNOWN_COURT } } }),
    ),
  }),
  'add-provincial-holiday': async () => ({
    foreign: await call(
      addProvincialHoliday,
      apiEvent('add-provincial-holiday', {
        caller: tehran,
        body: { provinceCode: '29', date: '1405-07-12', name: { fa: 'تعطیل استانی', en: 'Provincial holiday' } },
      }),
    ),
  }),
  'set-work-week': async () => ({
    foreign: await call(
      setWorkWeek,
      apiEvent('set-work-week', { caller: tehran, body: { provinceCode: '29', closedWeekdays: ['thursday'] } }),
    ),
  }),
  'get-work-calendar': async () => ({
    foreign: await call(
      getWorkCalendar,
      apiEvent('get-work-calendar', { caller: tehran, pathParameters: { year: '1405' }, query: { province: '29' } }),
    ),
  }),
  'set-network-target': async () => ({
    foreign: await call(
      setNetworkTarget,
      apiEvent('set-network-target', {
        caller: tehran,
        body: { provinceCode: '29', targetCount: 1, targetDate: '2019-09-22' },
      }),
    ),
  }),
  'get-monthly-report': async () => ({
    foreign: await call(
      getMonthlyReport,
      apiEvent('get-monthly-report', { caller: tehran, pathParameters: { month: MONTH }, query: { province: '29' } }),
    ),
  }),
  'generate-monthly-report': async () => ({
    foreign: await call(
      generateMonthlyReport,
      apiEvent('generate-monthly-report', {
        caller: tehran,
        pathParameters: { month: MONTH },
        query: { province: '29' },
      }),
    ),
  }),
  'get-petition': async () => ({
    foreign: await call(
      getPetition,
      apiEvent('get-petition', { caller: tehran, pathParameters: { petitionId: world.petitionId } }),
    ),
    unknown: await call(
      getPetition,
      apiEvent('get-petition', { caller: tehran, pathParameters: { petitionId: UNKNOWN_PETITION } }),
    ),
  }),
  'list-petition-notices': async () => ({
    foreign: await call(
      listPetitionNotices,
      apiEvent('list-petition-notices', { caller: tehran, pathParameters: { petitionId: world.petitionId } }),
    ),
    unknown: await call(
      listPetitionNotices,
      apiEvent('list-petition-notices', { caller: tehran, pathParameters: { petitionId: UNKNOWN_PETITION } }),
    ),
  }),
  'list-petitions': async () => ({
    foreign: await call(
      listPetitions,
      apiEvent('list-petitions', { caller: tehran, query: { officeCode: world.officeCode } }),
    ),
    unknown: await call(
      listPetitions,
      apiEvent('list-petitions', { caller: tehran, query: { officeCode: '99999999' } }),
    ),
  }),
  'get-petition-fees': async () => ({
    foreign: await call(
      getPetitionFees,
      apiEvent('get-petition-fees', { caller: tehran, pathParameters: { petitionId: world.petitionId } }),
    ),
    unknown: await call(
      getPetitionFees,
      apiEvent('get-petition-fees', { caller: tehran, pathParameters: { petitionId: UNKNOWN_PETITION } }),
    ),
  }),
  'reassign-petition': async () => ({
    foreign: await call(
      reassignPetition,
      apiEvent('reassign-petition', {
        caller: tehran,
        pathParameters: { petitionId: world.petitionId },
        body: { courtCode: TEST_COURT, note: 'ارجاع به دادگاه دیگر', expectedVersion: 1 },
      }),
    ),
    unknown: await call(
      reassignPetition,
      apiEvent('reassign-petition', {
        caller: tehran,
        pathParameters: { petitionId: UNKNOWN_PETITION },
        body: { courtCode: TEST_COURT, note: 'ارجاع به دادگاه دیگر', expectedVersion: 1 },
      }),
    ),
  }),
  'download-document': async () => ({
    foreign: await call(
      downloadDocument,
      apiEvent('download-document', {
        caller: tehran,
        pathParameters: { petitionId: world.petitionId, documentId: world.documentId },
      }),
    ),
    unknown: await call(
      downloadDocument,
      apiEvent('download-document', {
        caller: tehran,
        pathParameters: { petitionId: UNKNOWN_PETITION, documentId: world.documentId },
      }),
    ),
  }),
};

/** Routes that address no existing object: another province named in the body is refused so. */
const REFUSALS: Record<string, number> = {
  'create-office': 403,
  'create-court': 403,
  'add-provincial-holiday': 403,
  'set-work-week': 403,
  'set-network-target': 400,
  'set-court-fallbacks': 400,
};

function courtBody() {
  return {
    courtCode: 'TEST-NEW-PEACE',
    name: 'دادگاه صلح آزمون',
    judicialDistrict: 'بیرجند',
    kind: 'peace',
    status: 'active',
  };
}

const provinceAdminRoutes = ROUTES.filter(
  (route) => route.auth !== 'public' && (route.auth as readonly Role[]).includes('province-admin'),
);

describe("a province administrator and another province's objects", () => {
  it('has a case below for every route a province administrator may call', () => {
    expect(Object.keys(ACROSS_PROVINCES).sort()).toEqual(provinceAdminRoutes.map((route) => route.id).sort());
  });

  it.each(provinceAdminRoutes.map((route) => route.id))(
    '%s: refuses, answers another province like an unknown object, and changes nothing',
    async (routeId) => {
      const before = await tableSnapshot();

      const { foreign, unknown } = await ACROSS_PROVINCES[routeId]!();

      // Creating and setting address no existing object: naming another province is refused.
      const refusal = REFUSALS[routeId] ?? 404;
      expect(foreign.status).toBe(refusal);
      if (unknown) {
        expect(unknown.status).toBe(refusal);
        expect(foreign.body).toEqual({ ...unknown.body, instance: foreign.body.instance });
      }
      expect(await tableSnapshot()).toEqual(before);
    },
  );

  it('lets a province administrator see their own province: the office, its petition and its report', async () => {
    const office = await call(
      getOffice,
      apiEvent('get-office', { caller: own, pathParameters: { officeCode: world.officeCode } }),
    );
    const petition = await call(
      getPetition,
      apiEvent('get-petition', { caller: own, pathParameters: { petitionId: world.petitionId } }),
    );
    const report = await call(
      getMonthlyReport,
      apiEvent('get-monthly-report', { caller: own, pathParameters: { month: MONTH } }),
    );

    expect([office.status, petition.status, report.status]).toEqual([200, 200, 200]);
    expect(report.body).toMatchObject({ provinceCode: '29', provinceName: 'خراسان جنوبی' });
  });

  it("lists only the caller's province when no province is named", async () => {
    const tehranList = await call(listOffices, apiEvent('list-offices', { caller: tehran }));
    const ownList = await call(listOffices, apiEvent('list-offices', { caller: own }));

    expect(tehranList.body.items.map((o: { officeCode: string }) => o.officeCode)).not.toContain(world.officeCode);
    expect(ownList.body.items.map((o: { officeCode: string }) => o.officeCode)).toContain(world.officeCode);
    expect(ownList.body.items.every((o: { provinceCode: string }) => o.provinceCode === '29')).toBe(true);
  });

  it("sets a province's target without touching another province's", async () => {
    await call(
      setNetworkTarget,
      apiEvent('set-network-target', { caller: own, body: { targetCount: 22, targetDate: '2019-09-22' } }),
    );
    await call(
      setNetworkTarget,
      apiEvent('set-network-target', { caller: tehran, body: { targetCount: 40, targetDate: '2020-03-19' } }),
    );

    const ownView = await call(listOffices, apiEvent('list-offices', { caller: own }));
    const tehranView = await call(listOffices, apiEvent('list-offices', { caller: tehran }));

    expect(ownView.body.network.target).toMatchObject({ targetCount: 22, targetDate: '2019-09-22' });
    expect(tehranView.body.network.target).toMatchObject({ targetCount: 40, targetDate: '2020-03-19' });
  });

  it('refuses a province administrator whose token names no province or an unknown one', async () => {
    const none = await call(
      listOffices,
      apiEvent('list-offices', { caller: { role: 'province-admin', provinceCode: null } }),
    );
    const unknown = await call(
      listOffices,
      apiEvent('list-offices', { caller: { role: 'province-admin', provinceCode: '09' } }),
    );

    expect([none.status, unknown.status]).toEqual([403, 403]);
  });
});

describe('the national administrator', () => {
  it("reads any province's report and the national report", async () => {
    const province = await call(
      getMonthlyReport,
      apiEvent('get-monthly-report', { caller: national, pathParameters: { month: MONTH }, query: { province: '29' } }),
    );
    const country = await call(
      getNationalReport,
      apiEvent('get-national-report', { caller: national, pathParameters: { month: MONTH } }),
    );
    const unnamed = await call(
      getMonthlyReport,
      apiEvent('get-monthly-report', { caller: national, pathParameters: { month: MONTH } }),
    );

    expect(province.status).toBe(200);
    expect(province.body.provinceCode).toBe('29');
    expect(country.status).toBe(200);
    expect(country.body.provinces.map((p: { provinceCode: string }) => p.provinceCode)).toContain('29');
    expect(unnamed.status).toBe(400);
  });

  it('reads no petitions and manages no office or target: 403', async () => {
    const answers = await Promise.all([
      call(
        getPetition,
        apiEvent('get-petition', { caller: national, pathParameters: { petitionId: world.petitionId } }),
      ),
      call(listPetitions, apiEvent('list-petitions', { caller: national, query: { officeCode: world.officeCode } })),
      call(
        downloadDocument,
        apiEvent('download-document', {
          caller: national,
          pathParameters: { petitionId: world.petitionId, documentId: world.documentId },
        }),
      ),
      call(createOffice, apiEvent('create-office', { caller: national, body: officeBody() })),
      call(
        setNetworkTarget,
        apiEvent('set-network-target', { caller: national, body: { targetCount: 1, targetDate: '2019-09-22' } }),
      ),
    ]);

    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403]);
  });

  it('is refused the national report to a province administrator', async () => {
    const answer = await call(
      getNationalReport,
      apiEvent('get-national-report', { caller: own, pathParameters: { month: MONTH } }),
    );

    expect(answer.status).toBe(403);
  });
});
