import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { dispatchSmsHandler } from '../../functions/dispatch-sms';
import { keepDocumentsHandler } from '../../functions/keep-documents';
import { notifyPartiesHandler } from '../../functions/notify-parties';
import { credentialsOf, OUTBOX_PIPE_PRINCIPAL } from '../../local/aws-edge/identity';
import { LOCAL_REGION } from '../../local/engines';
import type { BusEvent, RunningEventStream } from '../../local/event-stream';
import { lambdaContext } from '../../local/gateway';
import { SmsSink } from '../../local/sms-sink';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { keys } from '../../shared/adapters/dynamo-keys';
import { outboxPut } from '../../shared/adapters/dynamo-outbox';
import { transactWrite } from '../../shared/adapters/dynamo-transactions';
import {
  cryptoIds,
  documentUrlsFromEnv,
  keepDocumentsDepsFromEnv,
  petitionAdaptersFromEnv,
} from '../../shared/adapters/from-env';
import { injectSmsPort, noticeDepsFromEnv } from '../../shared/adapters/notices-from-env';
import { createS3Client } from '../../shared/adapters/s3-client';
import { readEnv, tableEnvShape } from '../../shared/config';
import { documentKey } from '../../shared/domain/document-policy';
import type { PetitionKind } from '../../shared/domain/petition';
import type { Principal } from '../../shared/domain/roles';
import { smsLocalId } from '../../shared/domain/sms';
import type { PetitionEvent } from '../../shared/events/petition-events';
import { type Clock, systemClock } from '../../shared/ports';
import { EVENT_FUNCTIONS, limitsOf } from '../../shared/routes';
import { createPetitionSchema } from '../../shared/schemas/petition';
import { createDraft } from '../../shared/use-cases/petitions';
import { asFunction, invoke } from '../support/api-event';
import { startTestEventStream } from '../support/event-stream';
import { sampleEvent, TRACKING_CODE } from '../support/petition-events';
import { activeOffice, nationalId, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * The event backbone end to end on the real engines: a transaction with an outbox item, DynamoDB
 * Local's stream read by the local pipe under its own IAM policy, the pipe's filter and transform,
 * the bus rule, the notifier (under its policy) and the SMS sink; then quiet hours and the
 * dispatcher. Times are Tehran's: 10:00 is 06:30Z, 23:00 is 19:30Z, 07:00 is 03:30Z (no DST since 2022).
 */
const at = (iso: string): Clock => ({ now: () => new Date(iso) });
const DAYTIME = at('2025-10-04T06:30:00Z');

const db = () => createDocumentClient(readEnv(tableEnvShape));
const tableName = () => readEnv(tableEnvShape).TABLE_NAME;

const sink = new SmsSink({ print: () => undefined });
/** The clock the notifier the bus invokes runs on (each test sets it). */
let notifierClock: Clock = DAYTIME;
/** Each invocation of the notifier by the bus, by event id. */
const invocations: string[] = [];
let stream: RunningEventStream;
let officeCode: string;

beforeAll(async () => {
  await provisionStores();
  injectSmsPort(sink);
  officeCode = await activeOffice();
  stream = await startTestEventStream(async (functionId) => {
    if (functionId === 'keep-documents') return keepDocumentsHandler(keepDocumentsDepsFromEnv()) as never;
    if (functionId !== 'notify-parties') throw new Error(`no handler for ${functionId}`);
    return async (event: BusEvent, context: Context) => {
      invocations.push(String(event.detail.eventId));
      const handler = notifyPartiesHandler({ ...noticeDepsFromEnv(), clock: notifierClock });
      return handler(event as never, context);
    };
  });
});
afterAll(async () => {
  await stream.stop();
  injectSmsPort(undefined);
  await dropStores();
});

const CLAIMANT_MOBILE = '09151234567';
const DEFENDANT_MOBILE = '09357654321';

/** A petition of this file's office whose claimant and defendant are people with mobiles. */
async function petitionWithParties(kind: PetitionKind = 'civil-petition'): Promise<string> {
  const deps = { ...petitionAdaptersFromEnv(), documents: documentUrlsFromEnv(), clock: systemClock, ids: cryptoIds };
  const principal: Principal = { kind: 'office', userId: 'clerk', role: 'clerk', officeCode };
  const body = petitionBody(undefined, {
    kind,
    parties: [
      {
        type: 'person',
        role: 'claimant',
        nationalId: nationalId(),
        firstName: 'زهرا',
        lastName: 'محمدی',
        fatherName: 'علی',
        mobile: CLAIMANT_MOBILE,
      },
      {
        type: 'person',
        role: 'defendant',
        nationalId: nationalId(),
        firstName: 'رضا',
        lastName: 'کریمی',
        fatherName: 'حسن',
        mobile: DEFENDANT_MOBILE,
      },
    ],
  });
  const { petition } = await createDraft(deps, principal, createPetitionSchema.parse(body));
  return petition.petitionId;
}

/** A valid event of the petition, with a fresh id. */
function eventOf(type: 'registered' | 'submitted', petitionId: string, kind: PetitionKind = 'civil-petition') {
  const sample = sampleEvent(type, { kind });
  return { ...sample, eventId: randomUUID(), petitionId, officeCode, trackingCode: TRACKING_CODE } as PetitionEvent;
}

/** The change a use case makes, here an audit entry, in one transaction with the event's outbox item. */
async function commitWithOutbox(event: PetitionEvent, extra: Array<Record<string, unknown>> = []): Promise<void> {
  await transactWrite(db(), {
    TransactItems: [
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.audit(event.petitionId, event.occurredAt, randomUUID()), entity: 'audit' },
        },
      },
      outboxPut(tableName(), event),
      ...extra,
    ],
  });
}

/** The sink's messages of one event: their local ids are the event's, one per party. */
const smsOf = (event: PetitionEvent) =>
  sink.messages().filter((m) => [0, 1].some((party) => smsLocalId(event.eventId, party) === m.localId));

async function noticeItem(eventId: string, partyIndex: number) {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.smsNotice(eventId, partyIndex), ConsistentRead: true }),
  );
  return Item;
}

describe('a change committed with its outbox item', () => {
  it('reaches the notifier once as a clean bus event, and each recipient of the notice table gets one SMS', async () => {
    // Prepare
    notifierClock = DAYTIME;
    const petitionId = await petitionWithParties();
    const event = eventOf('registered', petitionId);

    // Act
    await commitWithOutbox(event);
    await stream.settle();

    // Assess: one bus event, as a court system would see it
    const published = stream.published().filter((e) => e.detail.eventId === event.eventId);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ source: 'jeso.petitions', 'detail-type': 'petition.registered' });
    expect(published[0]!.detail).toEqual(event);
    expect(invocations.filter((id) => id === event.eventId)).toHaveLength(1);
    // A registered civil case: the claimant and the defendant, one SMS each, masked in the sink.
    const sent = smsOf(event);
    expect(sent.map((m) => m.to).sort()).toEqual(['09*****4321', '09*****4567']);
    expect(sent.every((m) => m.text.includes('۱۴۰۴۹۸۷۶۵۴۳۲۱۰۹۸۷۶۵۴'))).toBe(true);
    expect((await noticeItem(event.eventId, 0))?.state).toBe('sent');
  });

  it('sends nothing more when the bus delivers the same event again, or the notifier is retried', async () => {
    // Prepare
    notifierClock = DAYTIME;
    const petitionId = await petitionWithParties();
    const event = eventOf('submitted', petitionId);
    await commitWithOutbox(event);
    await stream.settle();
    const busEvent = stream.published().find((e) => e.detail.eventId === event.eventId)!;
    const handler = notifyPartiesHandler({ ...noticeDepsFromEnv(), clock: DAYTIME });

    // Act: two more deliveries of the same event, under the notifier's own policy
    const again = await invoke('notify-parties', handler, busEvent as never);
    await invoke('notify-parties', handler, busEvent as never);

    // Assess: a submission tells the claimant only, once
    expect(smsOf(event).map((m) => m.to)).toEqual(['09*****4567']);
    expect(again).toMatchObject({ outcomes: [{ partyIndex: 0, outcome: 'nothing-to-do' }] });
  });

  it('takes a removal to the document keeper, which deletes the object, and never to the notifier', async () => {
    // Prepare: the object of a declared document, as its upload left it
    const petitionId = await petitionWithParties();
    const documentId = randomUUID();
    const key = documentKey(petitionId, documentId);
    const s3 = createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });
    const bucket = process.env.DOCUMENTS_BUCKET!;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Buffer.from('%PDF-1.7\n') }));
    const event = {
      ...sampleEvent('document-removed', { draft: true }),
      eventId: randomUUID(),
      petitionId,
      officeCode,
      data: { documentId },
    } as PetitionEvent;

    // Act
    await commitWithOutbox(event);
    await stream.settle();

    // Assess
    const published = stream.published().filter((e) => e.detail.eventId === event.eventId);
    expect(published.map((e) => e['detail-type'])).toEqual(['petition.document-removed']);
    expect(invocations).not.toContain(event.eventId);
    const stored = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).then(
      () => 'stored',
      (error: Error) => error.name,
    );
    s3.destroy();
    expect(stored).toBe('NotFound');
  });

  it('tells the claimant of a criminal complaint, never the accused', async () => {
    notifierClock = DAYTIME;
    const petitionId = await petitionWithParties('criminal-complaint');
    const event = eventOf('registered', petitionId, 'criminal-complaint');

    await commitWithOutbox(event);
    await stream.settle();

    expect(smsOf(event).map((m) => m.to)).toEqual(['09*****4567']);
    expect(await noticeItem(event.eventId, 1)).toBeUndefined();
  });
});

it("lets only the pipe's role read the table stream (the notifier's key is refused)", async () => {
  // Prepare
  const operator = new DynamoDBClient({ region: LOCAL_REGION, endpoint: process.env.DYNAMODB_ENDPOINT });
  const { Table } = await operator.send(new DescribeTableCommand({ TableName: tableName() }));
  operator.destroy();
  const readAs = (functionId: string) =>
    new DynamoDBStreamsClient({
      region: LOCAL_REGION,
      endpoint: process.env.DYNAMODB_ENDPOINT,
      credentials: credentialsOf(process.env.LOCAL_EDGE_SECRET!, {
        kind: 'function',
        tenant: process.env.TEST_TENANT!,
        functionId,
      }),
    }).send(new DescribeStreamCommand({ StreamArn: Table!.LatestStreamArn! }));

  // Act
  const pipe = await readAs(OUTBOX_PIPE_PRINCIPAL);
  const notifier = await readAs('notify-parties').catch((error: Error) => error);

  // Assess
  expect(pipe.StreamDescription?.StreamStatus).toBe('ENABLED');
  expect(notifier).toMatchObject({ name: 'AccessDeniedException' });
  expect((notifier as Error).message).toMatch(
    /not authorized to perform: dynamodb:DescribeStream on resource: .*\/stream\//,
  );
});

describe('a change that is not committed', () => {
  it('emits nothing when a condition of the transaction fails', async () => {
    // Prepare
    const petitionId = await petitionWithParties();
    const event = eventOf('registered', petitionId);
    const failing = {
      ConditionCheck: {
        TableName: tableName(),
        Key: keys.petition(petitionId),
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': 999 },
      },
    };

    // Act
    await expect(commitWithOutbox(event, [failing])).rejects.toBeInstanceOf(TransactionCanceledException);
    await stream.settle();

    // Assess
    expect(stream.published().filter((e) => e.detail.eventId === event.eventId)).toHaveLength(0);
    expect(invocations).not.toContain(event.eventId);
    expect(smsOf(event)).toHaveLength(0);
  });

  it('emits nothing when the transaction is refused outright (two writes to one item)', async () => {
    const petitionId = await petitionWithParties();
    const event = eventOf('registered', petitionId);

    await expect(commitWithOutbox(event, [outboxPut(tableName(), event)])).rejects.toThrow();
    await stream.settle();

    expect(stream.published().filter((e) => e.detail.eventId === event.eventId)).toHaveLength(0);
    expect(smsOf(event)).toHaveLength(0);
  });

  it('refuses a second outbox item with an event id already emitted, so no event is emitted twice', async () => {
    const petitionId = await petitionWithParties();
    const event = eventOf('submitted', petitionId);
    await commitWithOutbox(event);

    await expect(commitWithOutbox(event)).rejects.toBeInstanceOf(TransactionCanceledException);
    await stream.settle();

    expect(stream.published().filter((e) => e.detail.eventId === event.eventId)).toHaveLength(1);
  });
});

describe('quiet hours', () => {
  it('holds a message due at night and the dispatcher sends it once, at 07:00 Tehran', async () => {
    // Prepare: the event is handled at 23:00 Tehran
    notifierClock = at('2025-10-04T19:30:00Z');
    const petitionId = await petitionWithParties();
    const event = eventOf('submitted', petitionId);
    const dispatchAt = (iso: string) =>
      asFunction('dispatch-sms', () =>
        dispatchSmsHandler({ ...noticeDepsFromEnv(), clock: at(iso) })(
          {},
          lambdaContext(
            'dispatch-sms',
            limitsOf(EVENT_FUNCTIONS.find((f) => f.id === 'dispatch-sms')!).timeoutSeconds * 1000,
          ),
        ),
      );

    // Act: the event arrives at night
    await commitWithOutbox(event);
    await stream.settle();

    // Assess: nothing sent, the notice due at 07:00
    expect(smsOf(event)).toHaveLength(0);
    expect(await noticeItem(event.eventId, 0)).toMatchObject({ state: 'due', sendAt: '2025-10-05T03:30:00.000Z' });

    // Act and assess: a minute early nothing goes, at 07:00 it goes, a quarter later nothing more
    await dispatchAt('2025-10-05T03:29:00Z');
    expect(smsOf(event)).toHaveLength(0);
    await dispatchAt('2025-10-05T03:30:00Z');
    expect(smsOf(event).map((m) => m.to)).toEqual(['09*****4567']);
    await dispatchAt('2025-10-05T03:45:00Z');
    expect(smsOf(event)).toHaveLength(1);
    expect(await noticeItem(event.eventId, 0)).toMatchObject({ state: 'sent', attempts: 1 });
  });
});
