import { randomUUID } from 'node:crypto';
import { handler as createPetition } from '../../functions/create-petition';
import { handler as listPetitionNotices } from '../../functions/list-petition-notices';
import { handler as printNotice } from '../../functions/print-notice';
import { handler as readOwnNotices } from '../../functions/read-own-notices';
import { handler as deliveryReports } from '../../functions/sms-delivery-reports';
import { handler as submitPetition } from '../../functions/submit-petition';
import { handler as trackPetition } from '../../functions/track-petition';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { DynamoSmsNotices } from '../../shared/adapters/dynamo-sms-notices';
import { petitionAdaptersFromEnv } from '../../shared/adapters/from-env';
import { readEnv, tableEnvShape } from '../../shared/config';
import { smsLocalId } from '../../shared/domain/sms';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../../shared/domain/webhook-signature';
import { petitionEvent } from '../../shared/events/emit';
import { apiEvent, type Caller, call } from '../support/api-event';
import { fileAndSubmit } from '../support/filing';
import { awayFromWindowEdge } from '../support/guessing-window';
import { recordPaidInFull } from '../support/payments';
import { activeOffice, idempotencyKey, nationalId, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * The electronic notice record (issue 15) on DynamoDB Local: a return posts a defect notice to the
 * claimant's record in the return's own transaction, its service time the posting time; the party's
 * read through the public route is the view (with its channel), a staff read is not; an office's
 * print is logged without serving again; the provider's delivery report lands on it.
 */
beforeAll(provisionStores);
afterAll(dropStores);

const SERVED_AT = '2025-09-23T06:30:00.000Z'; // 1 Mehr 1404, 10:00 Tehran
const CURE_DEADLINE = { lastDay: '1404-07-12', endsAt: '2025-10-04T20:30:00.000Z', provisional: false };
const COURT = 'BJD-CIVIL-1';

/** A submitted petition the court then returned for two defects (the court's side is written directly). */
async function returnedPetition() {
  const officeCode = await activeOffice();
  const clerk: Caller = { role: 'clerk', officeCode, userId: `clerk-${officeCode}` };
  const claimantId = nationalId();
  const created = await call(
    createPetition,
    apiEvent('create-petition', { caller: clerk, body: petitionBody(claimantId) }),
  );
  const petitionId = created.body.petitionId as string;
  await recordPaidInFull(petitionId);
  const submitted = await call(
    submitPetition,
    apiEvent('submit-petition', {
      caller: clerk,
      pathParameters: { petitionId },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
  );
  expect(submitted.status).toBe(200);
  const { petitions } = petitionAdaptersFromEnv();
  const current = await petitions.get(petitionId);
  if (!current) throw new Error('no petition');
  const returned = { ...current, status: 'returned' as const, version: current.version + 1, updatedAt: SERVED_AT };
  const eventId = randomUUID();
  const event = petitionEvent(
    'returned',
    returned,
    {
      courtCode: COURT,
      data: { defects: ['unpaid-fees', 'evidence'], servedAt: SERVED_AT, cureDeadline: CURE_DEADLINE },
    },
    { eventId, occurredAt: SERVED_AT },
  );
  await petitions.save(returned, current.version, [], [event]);
  return { officeCode, clerk, claimantId, petitionId, eventId, trackingCode: submitted.body.trackingCode as string };
}

const readOwn = (trackingCode: string, nationalIdOfCaller: string, channel = 'web', sourceIp = '203.0.113.7') => {
  const event = apiEvent('read-own-notices', {
    pathParameters: { trackingCode },
    query: { nationalId: nationalIdOfCaller, channel },
  });
  event.requestContext.http.sourceIp = sourceIp;
  return call(readOwnNotices, event);
};

const staffList = (caller: Caller, petitionId: string) =>
  call(listPetitionNotices, apiEvent('list-petition-notices', { caller, pathParameters: { petitionId } }));

describe('the electronic notice record', () => {
  it("posts one defect notice to the claimant's record with the return, served at the return's time", async () => {
    const { clerk, petitionId, eventId } = await returnedPetition();

    const answer = await staffList(clerk, petitionId);

    expect(answer.status).toBe(200);
    // The defendant (a company, and the case is not registered) gets no notice.
    expect(answer.body.items).toEqual([
      expect.objectContaining({
        noticeId: `${eventId}.0`,
        kind: { code: 'defect-notice', label: 'اخطار رفع نقص' },
        courtCode: COURT,
        served: expect.objectContaining({ at: SERVED_AT, solarHijriDate: '1404-07-01' }),
        defects: [
          expect.objectContaining({ code: 'unpaid-fees', label: 'هزینه دادرسی پرداخت نشده است' }),
          expect.objectContaining({ code: 'evidence' }),
        ],
        deadline: expect.objectContaining({ lastDay: '1404-07-12', provisional: false }),
        views: 0,
        prints: [],
      }),
    ]);
  });

  it("counts the party's own read as a view with its channel, and never a staff read", async () => {
    const { clerk, claimantId, petitionId, trackingCode } = await returnedPetition();

    const first = await readOwn(trackingCode, claimantId, 'mobile-app');
    const second = await readOwn(trackingCode, claimantId, 'web');
    await staffList({ role: 'court', userId: 'judge' }, petitionId);
    const staffView = await staffList(clerk, petitionId);

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.items[0]).toMatchObject({ views: 1, firstViewed: { channel: 'mobile-app' } });
    expect(second.body.items[0]).toMatchObject({ views: 2, firstViewed: { channel: 'mobile-app' } });
    expect(staffView.body.items[0]).toMatchObject({ views: 2, served: { at: SERVED_AT } });
  });

  it("answers 404 to another national ID, and spends the tracking route's guessing budget", async () => {
    const { claimantId, trackingCode } = await returnedPetition();
    const address = '198.51.100.23';
    await awayFromWindowEdge(10);

    const guesses = [];
    for (let i = 0; i < 5; i++) guesses.push((await readOwn(trackingCode, nationalId(), 'web', address)).status);
    const trackEvent = apiEvent('track-petition', {
      pathParameters: { trackingCode },
      query: { nationalId: claimantId },
    });
    trackEvent.requestContext.http.sourceIp = address;
    const tracking = await call(trackPetition, trackEvent);

    expect(guesses).toEqual([404, 404, 404, 404, 404]);
    expect(tracking.status).toBe(429);
  });

  it('answers the defendant of a case not yet registered exactly like a wrong national ID', async () => {
    // Prepare: a returned civil claim against a company; the defect notice is the claimant's
    const { trackingCode } = await returnedPetition();

    // Act
    const byDefendant = await readOwn(trackingCode, '10380284790');
    const byStranger = await readOwn(trackingCode, nationalId());

    // Assess: the same 404, so the route tells the defendant nothing of a petition the court has not registered
    expect([byDefendant.status, byStranger.status]).toEqual([404, 404]);
    const { instance: _a, ...defendantBody } = byDefendant.body;
    const { instance: _b, ...strangerBody } = byStranger.body;
    expect(defendantBody).toEqual(strangerBody);
  });

  it('answers the accused of a criminal complaint 404, as the tracking route does', async () => {
    // Prepare: a submitted complaint against a natural person
    const officeCode = await activeOffice();
    const clerk: Caller = { role: 'clerk', officeCode, userId: `clerk-${officeCode}` };
    const [complainant] = petitionBody().parties;
    const accusedId = nationalId();
    const accused = { type: 'person', role: 'defendant', nationalId: accusedId, firstName: 'حسن', lastName: 'رضایی' };
    const body = petitionBody(undefined, {
      kind: 'criminal-complaint',
      claimAmountRials: undefined,
      parties: [complainant, { ...accused, fatherName: 'محمود', mobile: '09157654321' }],
    });
    const { submitted } = await fileAndSubmit(clerk, body);

    // Act
    const byAccused = await readOwn(submitted.body.trackingCode, accusedId);

    // Assess
    expect(submitted.status).toBe(200);
    expect(byAccused.status).toBe(404);
  });

  it("logs an office's print without changing the service time, and refuses another office's clerk", async () => {
    const { clerk, petitionId, eventId } = await returnedPetition();
    const otherClerk: Caller = { role: 'clerk', officeCode: await activeOffice(), userId: 'other' };
    const print = (caller: Caller) =>
      call(printNotice, apiEvent('print-notice', { caller, pathParameters: { petitionId, noticeId: `${eventId}.0` } }));

    const printed = await print(clerk);
    const refused = await print(otherClerk);

    expect(printed.status).toBe(200);
    expect(printed.body).toMatchObject({ served: { at: SERVED_AT }, views: 0 });
    expect(printed.body.prints).toEqual([expect.objectContaining({ officeCode: clerk.officeCode })]);
    expect(refused.status).toBe(404);
    expect((await staffList(clerk, petitionId)).body.items[0].prints).toHaveLength(1);
  });

  it("records the provider's delivery report of the notice's SMS on the notice", async () => {
    const { clerk, petitionId, eventId } = await returnedPetition();
    const config = readEnv(tableEnvShape);
    const sms = new DynamoSmsNotices(createDocumentClient(config), config.TABLE_NAME);
    await sms.record({
      eventId,
      eventType: 'returned',
      petitionId,
      partyIndex: 0,
      audience: 'claimant',
      localId: smsLocalId(eventId, 0),
      text: 'متن آزمون',
      sendAt: SERVED_AT,
      state: 'due',
      attempts: 0,
      createdAt: SERVED_AT,
    });
    await sms.markSent(eventId, 0, { providerMessageId: '55501', at: new Date(SERVED_AT) });
    const body = JSON.stringify({
      reports: [{ providerMessageId: '55501', state: 'delivered', providerStatus: '10', at: '2025-09-23T06:31:00Z' }],
    });
    const timestamp = Math.floor(Date.now() / 1000);

    const reported = await call(
      deliveryReports,
      apiEvent('sms-delivery-reports', {
        rawBody: body,
        headers: {
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(process.env.SMS_WEBHOOK_SECRET ?? '', timestamp, body),
        },
      }),
    );

    expect(reported.status).toBe(200);
    expect((await staffList(clerk, petitionId)).body.items[0]).toMatchObject({
      smsDelivered: { at: '2025-09-23T06:31:00Z' },
      served: { at: SERVED_AT },
    });
  });
});
