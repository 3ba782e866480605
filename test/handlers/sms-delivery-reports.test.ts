import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { handler as deliveryReports } from '../../functions/sms-delivery-reports';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { keys } from '../../shared/adapters/dynamo-keys';
import { DynamoSmsNotices } from '../../shared/adapters/dynamo-sms-notices';
import { readEnv, tableEnvShape } from '../../shared/config';
import { smsLocalId } from '../../shared/domain/sms';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../../shared/domain/webhook-signature';
import { apiEvent, call } from '../support/api-event';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

/**
 * The SMS provider's delivery-report webhook (issue 15) against DynamoDB Local: a report signed
 * with the shared secret lands on the notice its message id belongs to; anything unsigned, signed
 * with another secret, stale or altered is refused with 401 before it is read, and records nothing.
 */
beforeAll(provisionStores);
afterAll(dropStores);

const SECRET = process.env.SMS_WEBHOOK_SECRET ?? '';
const db = () => createDocumentClient(readEnv(tableEnvShape));
const store = () => new DynamoSmsNotices(db(), readEnv(tableEnvShape).TABLE_NAME);

/** A notice the notifier sent: recorded, then marked sent under the provider's message id. */
async function sentNotice() {
  const eventId = randomUUID();
  const providerMessageId = String(Math.floor(Math.random() * 1e12));
  const now = new Date();
  await store().record({
    eventId,
    eventType: 'returned',
    petitionId: randomUUID(),
    partyIndex: 0,
    audience: 'claimant',
    localId: smsLocalId(eventId, 0),
    text: 'متن آزمون',
    sendAt: now.toISOString(),
    state: 'due',
    attempts: 0,
    createdAt: now.toISOString(),
  });
  await store().markSent(eventId, 0, { providerMessageId, at: now });
  return { eventId, providerMessageId };
}

async function noticeOf(eventId: string) {
  const { Item } = await db().send(
    new GetCommand({ TableName: readEnv(tableEnvShape).TABLE_NAME, Key: keys.smsNotice(eventId, 0) }),
  );
  return Item;
}

function post(body: string, sign: { secret?: string; timestamp?: number; signedBody?: string } = {}) {
  const timestamp = sign.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { [TIMESTAMP_HEADER]: String(timestamp) };
  if (sign.secret !== '')
    headers[SIGNATURE_HEADER] = signWebhook(sign.secret ?? SECRET, timestamp, sign.signedBody ?? body);
  return call(deliveryReports, apiEvent('sms-delivery-reports', { rawBody: body, headers }));
}

const report = (providerMessageId: string, state: string, at = '2025-10-04T06:31:12Z') =>
  JSON.stringify({ reports: [{ providerMessageId, state, providerStatus: state === 'delivered' ? '10' : '4', at }] });

describe('POST /v1/sms/delivery-reports', () => {
  it('records a signed delivery report on the notice its message id belongs to', async () => {
    const { eventId, providerMessageId } = await sentNotice();

    const answer = await post(report(providerMessageId, 'delivered'));

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ recorded: 1, unchanged: 0, unknown: 0 });
    expect(await noticeOf(eventId)).toMatchObject({
      state: 'sent',
      deliveredAt: '2025-10-04T06:31:12Z',
      delivery: { state: 'delivered', providerStatus: '10' },
    });
  });

  it('keeps a final state against a repeated or a late earlier report', async () => {
    const { eventId, providerMessageId } = await sentNotice();
    await post(report(providerMessageId, 'delivered'));

    const repeated = await post(report(providerMessageId, 'delivered', '2025-10-04T06:40:00Z'));
    const late = await post(report(providerMessageId, 'sent'));

    expect([repeated.body, late.body]).toEqual([
      { recorded: 0, unchanged: 1, unknown: 0 },
      { recorded: 0, unchanged: 1, unknown: 0 },
    ]);
    expect(await noticeOf(eventId)).toMatchObject({
      deliveredAt: '2025-10-04T06:31:12Z',
      delivery: { state: 'delivered' },
    });
  });

  it.each([
    ['two minutes ahead of ours (clock skew)', 2 * 60_000],
    ['a day ahead of ours', 24 * 3_600_000],
  ])('records a delivery dated %s at the time the report arrived, never after it', async (_case, ahead) => {
    const { eventId, providerMessageId } = await sentNotice();
    const future = new Date(Date.now() + ahead).toISOString();
    const before = new Date().toISOString();

    const answer = await post(report(providerMessageId, 'delivered', future));

    const after = new Date().toISOString();
    const notice = await noticeOf(eventId);
    expect(answer.body).toEqual({ recorded: 1, unchanged: 0, unknown: 0 });
    expect(notice?.deliveredAt >= before && notice?.deliveredAt <= after).toBe(true);
    expect(notice?.delivery).toMatchObject({ state: 'delivered', at: notice?.deliveredAt });
  });

  it('counts a report for a message we never sent, and answers 200 so the provider stops retrying', async () => {
    const answer = await post(report('999999999999', 'delivered'));

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ recorded: 0, unchanged: 0, unknown: 1 });
  });

  it.each([
    ['no signature', { secret: '' }],
    ['another secret', { secret: 'not-the-shared-secret-0123456789abcdef' }],
    ['a timestamp ten minutes old', { timestamp: Math.floor(Date.now() / 1000) - 600 }],
    ['a body other than the one signed', { signedBody: '{"reports":[]}' }],
  ])('refuses a report with %s with 401 and records nothing', async (_case, sign) => {
    const { providerMessageId } = await sentNotice();
    const before = await tableSnapshot();

    const answer = await post(report(providerMessageId, 'delivered'), sign);

    expect(answer.status).toBe(401);
    expect(answer.body.type).toBe('urn:judicial-e-services:problem:bad-signature');
    expect(await tableSnapshot()).toEqual(before);
  });

  it('answers 400 to a signed body with unknown fields, and records nothing', async () => {
    const { providerMessageId } = await sentNotice();
    const before = await tableSnapshot();
    const body = JSON.stringify({
      reports: [{ providerMessageId, state: 'delivered', providerStatus: '10', mobile: '09121234567' }],
    });

    const answer = await post(body);

    expect(answer.status).toBe(400);
    expect(await tableSnapshot()).toEqual(before);
  });
});
