import { handler as getMonthlyReport } from '../../functions/get-monthly-report';
import { handler as reassignPetition } from '../../functions/reassign-petition';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { DynamoCourtRepository } from '../../shared/adapters/dynamo-court-repository';
import { readEnv, tableEnvShape } from '../../shared/config';
import { formatMonth, monthOf } from '../../shared/domain/months';
import type { Principal } from '../../shared/domain/roles';
import type { Clock } from '../../shared/ports';
import { createPetitionSchema } from '../../shared/schemas/petition';
import { createDraft, submitPetition, transitionPetition } from '../../shared/use-cases/petitions';
import { apiEvent, type Caller, call, invokeRoute } from '../support/api-event';
import { outboxEventsOf } from '../support/outbox';
import { recordPaidInFull } from '../support/payments';
import { activeOffice, officeWithoutCourts, petitionBody, TEST_COURTS } from '../support/petitions';
import { at, courtClerk as court, petitionDeps as deps } from '../support/returned-petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * The province report's list of petitions that need the province's look (issue 13): a deadline
 * computed without the year's lunar holidays, and a routing to the province's fallback court. The
 * suite's table loads no lunar holidays, so every cure period in it is provisional.
 */
beforeAll(provisionStores);
afterAll(dropStores);

const db = () => createDocumentClient(readEnv(tableEnvShape));
const tableName = () => readEnv(tableEnvShape).TABLE_NAME;
const SERVED = '2026-09-23T06:30:00Z'; // 1 Mehr 1405, 10:00 Tehran
const admin: Caller = { role: 'province-admin', provinceCode: '29', userId: 'admin-29' };
async function submitted(officeCode: string, clock?: Clock) {
  const clerk: Principal = { kind: 'office', userId: 'clerk', role: 'clerk', officeCode };
  const { petition } = await createDraft(deps(clock), clerk, createPetitionSchema.parse(petitionBody()));
  await recordPaidInFull(petition.petitionId, clock?.now());
  await submitPetition(deps(clock), clerk, petition.petitionId);
  return petition.petitionId;
}

/** Submitted and returned on 1 Mehr 1405: with no lunar holidays loaded, its cure period is provisional. */
async function returnedOnFirstOfMehr(officeCode: string): Promise<string> {
  const petitionId = await submitted(officeCode, at(SERVED));
  await transitionPetition(deps(at(SERVED)), court, petitionId, {
    action: 'return',
    defects: ['evidence'],
    expectedVersion: 2,
  });
  return petitionId;
}

const thisMonth = () => formatMonth(monthOf('solar-hijri', new Date()));

function readReport(caller: Caller, query: Record<string, string> = {}) {
  return call(
    getMonthlyReport,
    apiEvent('get-monthly-report', { caller, pathParameters: { month: thisMonth() }, query }),
  );
}

const listed = (body: { attention: { petitions: Array<{ petitionId: string }> } }, petitionId: string) =>
  body.attention.petitions.find((entry) => entry.petitionId === petitionId);

describe("the province report's attention list", () => {
  it('lists a petition routed to the fallback court until the province confirms that court, audited', async () => {
    await activeOffice();
    await new DynamoCourtRepository(db(), tableName()).setFallbacks('29', {
      'general-civil': TEST_COURTS['general-civil'],
    });
    const petitionId = await submitted(await officeWithoutCourts());

    const before = await readReport(admin);
    const confirmed = await call(
      reassignPetition,
      apiEvent('reassign-petition', {
        caller: admin,
        pathParameters: { petitionId },
        body: { courtCode: TEST_COURTS['general-civil'], note: 'دادگاه عمومی بیرجند صالح است', expectedVersion: 2 },
      }),
    );
    const after = await readReport(admin);

    expect(before.status).toBe(200);
    expect(listed(before.body, petitionId)).toEqual({
      petitionId,
      officeCode: expect.any(String),
      courtCode: TEST_COURTS['general-civil'],
      status: 'submitted',
      reasons: ['flagged-for-review'],
      reviewReason: 'no-court-of-kind-in-district',
      updatedAt: expect.any(String),
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.court).toMatchObject({ courtCode: TEST_COURTS['general-civil'], flaggedForReview: false });
    expect(confirmed.body.history.at(-1)).toMatchObject({
      action: 'reassign',
      by: { userId: 'admin-29', role: 'province-admin' },
      courtCode: TEST_COURTS['general-civil'],
      previousCourtCode: TEST_COURTS['general-civil'],
    });
    expect(listed(after.body, petitionId)).toBeUndefined();
    // Nothing moved: no reassigned event, so no SMS tells the parties of another court.
    expect((await outboxEventsOf(petitionId)).map((event) => event.type)).not.toContain('reassigned');
  });

  it('still refuses to "reassign" a petition that is not flagged to the court that holds it (409)', async () => {
    const petitionId = await submitted(await activeOffice());

    const answer = await call(
      reassignPetition,
      apiEvent('reassign-petition', {
        caller: admin,
        pathParameters: { petitionId },
        body: { courtCode: TEST_COURTS['general-civil'], note: 'همان دادگاه', expectedVersion: 2 },
      }),
    );

    expect(answer.status).toBe(409);
  });

  it('lists a returned petition whose cure period is provisional, with its last day, until it is resubmitted', async () => {
    const officeCode = await activeOffice();
    const petitionId = await returnedOnFirstOfMehr(officeCode);

    const whileReturned = await readReport(admin);
    const clerk: Principal = { kind: 'office', userId: 'clerk', role: 'clerk', officeCode };
    await transitionPetition(deps(at('2026-09-25T06:30:00Z')), clerk, petitionId, {
      action: 'resubmit',
      expectedVersion: 3,
    });
    const afterResubmission = await readReport(admin);

    expect(listed(whileReturned.body, petitionId)).toEqual({
      petitionId,
      officeCode,
      courtCode: TEST_COURTS['general-civil'],
      status: 'returned',
      reasons: ['provisional-deadline'],
      provisionalDeadline: {
        period: 'cure',
        lastDay: '1405-07-12',
        endsAt: '2026-10-04T20:30:00.000Z',
        provisional: true,
      },
      updatedAt: '2026-09-23T06:30:00.000Z',
    });
    expect(listed(afterResubmission.body, petitionId)).toBeUndefined();
  });

  it("shows a manager only their own office's petitions, and another province's administrator none of these", async () => {
    const mine = await activeOffice();
    const theirs = await activeOffice();
    const minePetition = await returnedOnFirstOfMehr(mine);
    const theirPetition = await returnedOnFirstOfMehr(theirs);

    const manager = await readReport({ role: 'manager', officeCode: mine });
    const tehranAdmin = await readReport({ role: 'province-admin', provinceCode: '23', userId: 'admin-23' });

    expect(manager.status).toBe(200);
    expect(listed(manager.body, minePetition)).toBeDefined();
    expect(listed(manager.body, theirPetition)).toBeUndefined();
    expect(manager.body.attention.petitions.every((p: { officeCode: string }) => p.officeCode === mine)).toBe(true);
    expect(tehranAdmin.status).toBe(200);
    expect(listed(tehranAdmin.body, minePetition)).toBeUndefined();
    expect(listed(tehranAdmin.body, theirPetition)).toBeUndefined();
  });

  it('writes the list into the CSV below the offices, after an empty line', async () => {
    const officeCode = await activeOffice();
    const petitionId = await returnedOnFirstOfMehr(officeCode);

    const csv = await invokeRoute(
      getMonthlyReport,
      apiEvent('get-monthly-report', {
        caller: admin,
        pathParameters: { month: thisMonth() },
        query: { format: 'csv' },
      }),
    );
    const lines = String(csv.body).split('\r\n');
    const heading = lines.findIndex((line) => line.includes('petitions needing attention'));

    expect(heading).toBeGreaterThan(0);
    expect(lines[heading - 1]).toBe('');
    expect(lines.slice(heading)).toContainEqual(expect.stringContaining(`${petitionId},${officeCode},`));
    expect(lines.find((line) => line.startsWith(`${petitionId},`))).toContain('1405-07-12');
  });
});
