import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { handler as createPetition } from '../../functions/create-petition';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { DynamoCourtRepository } from '../../shared/adapters/dynamo-court-repository';
import { keys } from '../../shared/adapters/dynamo-keys';
import {
  cryptoIds,
  documentUrlsFromEnv,
  petitionAdaptersFromEnv,
  submissionDepsFromEnv,
} from '../../shared/adapters/from-env';
import { readEnv, tableEnvShape } from '../../shared/config';
import { newCourt } from '../../shared/domain/court';
import type { Principal } from '../../shared/domain/roles';
import type { IdGenerator } from '../../shared/ports';
import { createPetitionSchema } from '../../shared/schemas/petition';
import { createDraft, submitPetition } from '../../shared/use-cases/petitions';
import { apiEvent, call } from '../support/api-event';
import { recordPaidInFull } from '../support/payments';
import { activeOffice, officeWithoutCourts, petitionBody, TEST_COURTS } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

const db = () => createDocumentClient(readEnv(tableEnvShape));
const tableName = () => readEnv(tableEnvShape).TABLE_NAME;

/** The ids of the events a submission emitted, to read their outbox items. */
const emitted: string[] = [];
const ids: IdGenerator = {
  ...cryptoIds,
  eventId: () => {
    const id = randomUUID();
    emitted.push(id);
    return id;
  },
};

function deps() {
  return { ...petitionAdaptersFromEnv(), ...submissionDepsFromEnv(), documents: documentUrlsFromEnv(), ids };
}

async function submitted(officeCode: string, overrides: Record<string, unknown> = {}) {
  const principal: Principal = { kind: 'office', userId: 'clerk', role: 'clerk', officeCode };
  const { petition } = await createDraft(
    deps(),
    principal,
    createPetitionSchema.parse(petitionBody(undefined, overrides)),
  );
  await recordPaidInFull(petition.petitionId);
  emitted.length = 0;
  await submitPetition(deps(), principal, petition.petitionId);
  return (await deps().petitions.get(petition.petitionId))!;
}

async function outboxEvent(eventId: string) {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.outbox(eventId) }));
  return Item ? JSON.parse(String(Item.event)) : undefined;
}

describe('routing on submission', () => {
  it("sends a civil claim over the peace-court limit to the district's general civil court and emits petition.routed with it", async () => {
    const officeCode = await activeOffice();

    const petition = await submitted(officeCode, { claimAmountRials: '1250000000' });

    expect(petition.court).toMatchObject({
      courtCode: TEST_COURTS['general-civil'],
      kind: 'general-civil',
      rule: 'civil-over-limit-or-not-monetary',
      flaggedForReview: false,
    });
    expect(petition.history.at(-1)).toMatchObject({ action: 'route', courtCode: TEST_COURTS['general-civil'] });
    const events = await Promise.all(emitted.map(outboxEvent));
    expect(events.map((event) => [event.type, event.courtCode])).toEqual([
      ['submitted', TEST_COURTS['general-civil']],
      ['routed', TEST_COURTS['general-civil']],
    ]);
    expect(events[1].data).toEqual({ flaggedForReview: false });
  });

  it("sends a small claim to the peace court, a complaint to the prosecutor, an appeal to the province's court of appeal", async () => {
    const officeCode = await activeOffice();

    const peace = await submitted(officeCode, { claimAmountRials: '900000000' });
    const complaint = await submitted(officeCode, { kind: 'criminal-complaint', claimAmountRials: undefined });
    const appeal = await submitted(officeCode, {
      kind: 'appeal',
      claimAmountRials: undefined,
      judgmentAmountRials: '900000000',
    });

    expect([peace, complaint, appeal].map((p) => p.court?.courtCode)).toEqual([
      TEST_COURTS.peace,
      TEST_COURTS.prosecutor,
      TEST_COURTS.appeal,
    ]);
  });

  it('sends a written statement to the court that holds its case', async () => {
    const officeCode = await activeOffice();
    const courts = new DynamoCourtRepository(db(), tableName());
    const caseCourt = `TEST-FER-${randomUUID().slice(0, 4).toUpperCase()}`;
    await courts.insert(
      newCourt(
        {
          courtCode: caseCourt,
          name: 'دادگاه عمومی حقوقی فردوس',
          provinceCode: '29',
          judicialDistrict: 'فردوس',
          kind: 'general-civil',
          status: 'active',
        },
        new Date(),
      ),
    );

    const petition = await submitted(officeCode, {
      kind: 'written-statement',
      caseReference: { courtCode: caseCourt, caseNumber: '140312345678' },
    });

    expect(petition.court).toMatchObject({ courtCode: caseCourt, rule: 'written-statement' });
    expect(petition.caseReference).toEqual({ courtCode: caseCourt, caseNumber: '140312345678' });
  });

  it('refuses with 409 when the district has no court of the kind and the province names no fallback, writing nothing', async () => {
    const officeCode = await officeWithoutCourts();
    const principal: Principal = { kind: 'office', userId: 'clerk', role: 'clerk', officeCode };
    const { petition } = await createDraft(deps(), principal, createPetitionSchema.parse(petitionBody()));
    await recordPaidInFull(petition.petitionId);

    await expect(submitPetition(deps(), principal, petition.petitionId)).rejects.toMatchObject({
      code: 'no-court-for-petition',
    });
    expect((await deps().petitions.get(petition.petitionId))?.status).toBe('draft');
  });

  it("sends it to the province's fallback court, flagged for review, when the district has no court of the kind", async () => {
    await activeOffice();
    await new DynamoCourtRepository(db(), tableName()).setFallbacks('29', {
      'general-civil': TEST_COURTS['general-civil'],
    });
    const officeCode = await officeWithoutCourts();

    const petition = await submitted(officeCode);

    expect(petition.court).toMatchObject({
      courtCode: TEST_COURTS['general-civil'],
      flaggedForReview: true,
      reviewReason: 'no-court-of-kind-in-district',
    });
    const routed = (await Promise.all(emitted.map(outboxEvent))).find((event) => event.type === 'routed');
    expect(routed.data).toEqual({ flaggedForReview: true });
  });
});

describe('the case reference on the petition form', () => {
  it('is required for a written statement and an appeal, and refused on other kinds (400)', async () => {
    const officeCode = await activeOffice();
    const clerk = { role: 'clerk' as const, officeCode };

    const missing = await call(
      createPetition,
      apiEvent('create-petition', {
        caller: clerk,
        body: petitionBody(undefined, { kind: 'written-statement', caseReference: undefined }),
      }),
    );
    const extra = await call(
      createPetition,
      apiEvent('create-petition', {
        caller: clerk,
        body: petitionBody(undefined, { caseReference: { courtCode: 'TEST-BIR-CIVIL', caseNumber: '140312345678' } }),
      }),
    );

    expect(missing.status).toBe(400);
    expect(extra.status).toBe(400);
    expect(missing.body.errors?.[0]?.field ?? JSON.stringify(missing.body)).toMatch(/caseReference/);
  });
});
