import { handler as createPetition } from '../../functions/create-petition';
import { handler as submitPetition } from '../../functions/submit-petition';
import { handler as transition } from '../../functions/transition-petition';
import { handler as updateOffice } from '../../functions/update-office';
import { apiEvent, type Caller, call } from '../support/api-event';
import { outboxEventsOf } from '../support/outbox';
import { recordPaidInFull } from '../support/payments';
import { activeOffice, idempotencyKey, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * The outbox half of issue 15 on DynamoDB Local: each change of a petition writes exactly one event
 * in its own transaction (a submission two: it is submitted, and routed to a court, issue 13), and a
 * change that is refused (or a retry that changes nothing) writes none.
 */
beforeAll(provisionStores);
afterAll(dropStores);

async function draftOfNewOffice() {
  const officeCode = await activeOffice();
  const clerk: Caller = { role: 'clerk', officeCode, userId: `clerk-${officeCode}` };
  const created = await call(createPetition, apiEvent('create-petition', { caller: clerk, body: petitionBody() }));
  expect(created.status).toBe(201);
  // Paid as recorded payments: the payments' own events are not what these tests count.
  await recordPaidInFull(created.body.petitionId);
  return { officeCode, clerk, petitionId: created.body.petitionId as string };
}

const submit = (clerk: Caller, petitionId: string, key: string) =>
  call(
    submitPetition,
    apiEvent('submit-petition', { caller: clerk, pathParameters: { petitionId }, headers: { 'idempotency-key': key } }),
  );

const step = (caller: Caller, petitionId: string, body: Record<string, unknown>) =>
  call(transition, apiEvent('transition-petition', { caller, pathParameters: { petitionId }, body }));

describe('the outbox of a petition', () => {
  it('holds one petition.submitted and one petition.routed event for a submission, none more on a retried key', async () => {
    const { officeCode, clerk, petitionId } = await draftOfNewOffice();
    const key = idempotencyKey();

    const first = await submit(clerk, petitionId, key);
    const retried = await submit(clerk, petitionId, key);

    expect([first.status, retried.status]).toEqual([200, 200]);
    const events = await outboxEventsOf(petitionId);
    expect(events.map((event) => event.type)).toEqual(['submitted', 'routed']);
    expect(events[1]).toMatchObject({ petitionVersion: 2, courtCode: 'TEST-BIR-CIVIL' });
    expect(events[0]).toMatchObject({
      type: 'submitted',
      version: 1,
      officeCode,
      // A draft is version 1; its submission makes version 2.
      petitionVersion: 2,
      trackingCode: first.body.trackingCode,
      data: { month: first.body.month, resubmission: false },
    });
  });

  it('holds no event when the submission is refused (suspended office)', async () => {
    const { officeCode, clerk, petitionId } = await draftOfNewOffice();
    const suspended = await call(
      updateOffice,
      apiEvent('update-office', {
        caller: { role: 'province-admin' },
        pathParameters: { officeCode },
        body: { status: 'suspended' },
      }),
    );
    expect(suspended.status).toBe(200);

    const answer = await submit(clerk, petitionId, idempotencyKey());

    expect(answer.status).toBe(409);
    expect(await outboxEventsOf(petitionId)).toEqual([]);
  });

  it('holds one petition.withdrawn event naming the status left, and none for a stale retry of it', async () => {
    const { clerk, petitionId } = await draftOfNewOffice();
    expect((await submit(clerk, petitionId, idempotencyKey())).status).toBe(200);
    const version = 2;

    const withdrawn = await step(clerk, petitionId, { action: 'withdraw', expectedVersion: version });
    const stale = await step(clerk, petitionId, { action: 'withdraw', expectedVersion: version });

    expect(withdrawn.status).toBe(200);
    expect(stale.status).toBe(409);
    const events = await outboxEventsOf(petitionId);
    expect(events.map((event) => event.type)).toEqual(['submitted', 'routed', 'withdrawn']);
    expect(events[2]).toMatchObject({ petitionVersion: version + 1, data: { previousStatus: 'submitted' } });
    expect(new Set(events.map((event) => event.eventId)).size).toBe(3);
  });

  it('holds no event for a draft that is only created', async () => {
    const { petitionId } = await draftOfNewOffice();

    expect(await outboxEventsOf(petitionId)).toEqual([]);
  });
});
