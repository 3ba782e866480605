import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { handler as getPetition } from '../../functions/get-petition';
import { handler as listOffices } from '../../functions/list-offices';
import { backfillProvinces } from '../../scripts/backfill-provinces';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { petitionItem } from '../../shared/adapters/dynamo-petition-repository';
import { readEnv, tableEnvShape } from '../../shared/config';
import type { Petition } from '../../shared/domain/petition';
import { apiEvent, type Caller, call } from '../support/api-event';
import { uniqueOfficeCode } from '../support/fixtures';
import { petitionBody } from '../support/petitions';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

const config = () => readEnv(tableEnvShape);
const admin: Caller = { role: 'province-admin', provinceCode: '29' };

/** An office exactly as the version before provinces had codes stored it: a Persian name, no code. */
function officeOfPreviousVersion(officeCode: string, province = 'خراسان جنوبی') {
  return {
    pk: `OFFICE#${officeCode}`,
    sk: 'OFFICE',
    gsi3pk: 'OFFICES',
    gsi3sk: `${province}#${officeCode}`,
    entity: 'office',
    officeCode,
    name: 'دفتر خدمات الکترونیک قضایی قدیمی',
    province,
    judicialDistrict: 'بیرجند',
    county: 'بیرجند',
    deprivedArea: false,
    status: 'active',
    statusSince: '2018-03-01',
    openedOn: '2018-03-01',
    statusHistory: [{ status: 'active', since: '2018-03-01' }],
    contact: {},
    demo: false,
    version: 1,
    createdAt: '2018-03-01T00:00:00.000Z',
    updatedAt: '2018-03-01T00:00:00.000Z',
  };
}

/** A submitted petition as the previous version stored it: no province. */
function petitionOfPreviousVersion(officeCode: string): Petition {
  const at = '2019-09-10T08:00:00.000Z';
  const body = petitionBody();
  return {
    petitionId: crypto.randomUUID(),
    officeCode,
    officeName: 'دفتر خدمات الکترونیک قضایی قدیمی',
    kind: 'civil-petition',
    subject: body.subject,
    description: body.description,
    parties: body.parties as Petition['parties'],
    documents: [],
    status: 'submitted',
    version: 2,
    createdAt: at,
    updatedAt: at,
    createdBy: 'clerk',
    submittedAt: at,
    month: '1398-06',
    trackingCode: '123456789012',
    history: [],
  };
}

async function put(Item: Record<string, unknown>) {
  const db = createDocumentClient(config());
  await db.send(new PutCommand({ TableName: config().TABLE_NAME, Item }));
  db.destroy();
}

describe('the province backfill, on items the previous version wrote', () => {
  it('gives offices and petitions their province code, moves the one target to the province, and is idempotent', async () => {
    const officeCode = uniqueOfficeCode();
    const petition = petitionOfPreviousVersion(officeCode);
    // Typed with an Arabic yeh and the word استان, as an older form may have stored it.
    await put(officeOfPreviousVersion(officeCode, 'استان خراسان جنوبي'));
    await put(petitionItem(petition));
    await put({
      pk: 'CONFIG',
      sk: 'NETWORK_TARGET',
      entity: 'network-target',
      targetCount: 22,
      targetDate: '2019-09-22',
    });
    const readBefore = await call(
      getPetition,
      apiEvent('get-petition', { caller: admin, pathParameters: { petitionId: petition.petitionId } }),
    );
    const db = createDocumentClient(config());

    const first = await backfillProvinces(db, config().TABLE_NAME);
    const afterFirst = await tableSnapshot();
    const second = await backfillProvinces(db, config().TABLE_NAME);
    db.destroy();

    // Before the backfill a province administrator cannot see a petition without a province.
    expect(readBefore.status).toBe(404);
    expect(first).toMatchObject({ offices: 1, petitions: 1, targets: 1, unplacedOffices: [] });
    expect(second).toMatchObject({ offices: 0, petitions: 0, targets: 0 });
    expect(await tableSnapshot()).toEqual(afterFirst);
    const office = afterFirst.find((item) => item.pk === `OFFICE#${officeCode}` && item.sk === 'OFFICE');
    expect(office).toMatchObject({ provinceCode: '29', province: 'خراسان جنوبی', gsi3sk: `29#${officeCode}` });
    const read = await call(
      getPetition,
      apiEvent('get-petition', { caller: admin, pathParameters: { petitionId: petition.petitionId } }),
    );
    expect(read.status).toBe(200);
    const registry = await call(listOffices, apiEvent('list-offices', { caller: admin }));
    expect(registry.body.items.map((o: { officeCode: string }) => o.officeCode)).toContain(officeCode);
    expect(registry.body.network.target).toMatchObject({ targetCount: 22, targetDate: '2019-09-22' });
  });

  it('reads an office of the previous version before any backfill, with its code from its Persian name', async () => {
    const officeCode = uniqueOfficeCode();
    await put(officeOfPreviousVersion(officeCode, 'یزد'));

    const yazd = await call(
      listOffices,
      apiEvent('list-offices', { caller: { role: 'province-admin', provinceCode: '25' } }),
    );
    const southKhorasan = await call(listOffices, apiEvent('list-offices', { caller: admin }));

    expect(yazd.body.items.find((o: { officeCode: string }) => o.officeCode === officeCode)).toMatchObject({
      provinceCode: '25',
      province: 'یزد',
    });
    expect(southKhorasan.body.items.map((o: { officeCode: string }) => o.officeCode)).not.toContain(officeCode);
  });

  it('leaves an office whose province name matches no province, and says which', async () => {
    const officeCode = uniqueOfficeCode();
    await put(officeOfPreviousVersion(officeCode, 'استان ناشناخته'));
    const db = createDocumentClient(config());

    const result = await backfillProvinces(db, config().TABLE_NAME);
    db.destroy();

    expect(result.unplacedOffices).toContain(officeCode);
  });
});
