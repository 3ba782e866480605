import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { handler as createOffice } from '../../functions/create-office';
import { handler as updateOffice } from '../../functions/update-office';
import { backfillTerminalClaims } from '../../scripts/backfill-terminals';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { officeItem } from '../../shared/adapters/dynamo-office-repository';
import { readEnv, tableEnvShape } from '../../shared/config';
import { type NewOffice, newOffice } from '../../shared/domain/office';
import { apiEvent, type Caller, call } from '../support/api-event';
import { officeBody, uniqueTerminalId } from '../support/fixtures';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

/**
 * Offices stored before terminals were claimed hold a `paymentTerminalId` and no claim item
 * (`TERMINAL#<id>`): until one exists, another office could register the same terminal. `npm run
 * backfill` claims each terminal for its office, once, and reports (never overwrites) the offices
 * whose terminal another office holds or which hold the judiciary's.
 */
beforeAll(provisionStores);
afterAll(dropStores);

const config = () => readEnv(tableEnvShape);
const admin: Caller = { role: 'province-admin' };
const judiciaryTerminalId = () => process.env.JUDICIARY_TERMINAL_ID!;

/** An office as the version before claims stored it: the office item alone. */
async function storeAsBefore(registeredAt: string, paymentTerminalId?: string, status = 'active'): Promise<string> {
  const body = officeBody({ status, ...(paymentTerminalId ? { paymentTerminalId } : {}) });
  const office = newOffice(body as NewOffice, new Date(registeredAt));
  const db = createDocumentClient(config());
  await db.send(new PutCommand({ TableName: config().TABLE_NAME, Item: officeItem(office) }));
  db.destroy();
  return office.officeCode;
}

async function backfill() {
  const db = createDocumentClient(config());
  try {
    return await backfillTerminalClaims(db, config().TABLE_NAME, { judiciaryTerminalId: judiciaryTerminalId() });
  } finally {
    db.destroy();
  }
}

const claimsOf = (items: Array<Record<string, unknown>>) =>
  Object.fromEntries(
    items.filter((item) => item.entity === 'terminal-claim').map((item) => [item.terminalId, item.officeCode]),
  );

const shared = uniqueTerminalId();
const offices: Record<string, string> = {};

it("claims each old office's terminal once, reports shared and judiciary terminals without overwriting, and is idempotent", async () => {
  // Prepare: two old offices share a terminal (the earlier registered keeps it), one holds the
  // judiciary's, one has its own, one none; and one registered through the API already claims its own.
  const own = uniqueTerminalId();
  offices.first = await storeAsBefore('2018-03-01T00:00:00.000Z', shared);
  offices.second = await storeAsBefore('2019-05-01T00:00:00.000Z', shared);
  offices.judiciary = await storeAsBefore('2018-04-01T00:00:00.000Z', judiciaryTerminalId());
  offices.own = await storeAsBefore('2018-06-01T00:00:00.000Z', own);
  await storeAsBefore('2018-07-01T00:00:00.000Z');
  const current = await call(
    createOffice,
    apiEvent('create-office', { caller: admin, body: officeBody({ paymentTerminalId: uniqueTerminalId() }) }),
  );
  const before = await tableSnapshot();

  // Act
  const first = await backfill();
  const afterFirst = await tableSnapshot();
  const second = await backfill();

  // Assess
  const conflicts = [
    { officeCode: offices.second, heldBy: offices.first },
    { officeCode: offices.judiciary, heldBy: 'judiciary' },
  ].sort((a, b) => a.officeCode.localeCompare(b.officeCode));
  expect(current.status).toBe(201);
  expect(first).toEqual({ claimed: 2, conflicts });
  expect(second).toEqual({ claimed: 0, conflicts });
  expect(await tableSnapshot()).toEqual(afterFirst);
  expect(claimsOf(afterFirst)).toEqual({
    ...claimsOf(before),
    [shared]: offices.first,
    [own]: offices.own,
  });
  // Nothing but claims was written: every office is as it was.
  expect(afterFirst.filter((item) => item.entity !== 'terminal-claim')).toEqual(
    before.filter((item) => item.entity !== 'terminal-claim'),
  );
});

it('makes the claims hold: a new office cannot take a claimed terminal, and a reported office can move off it', async () => {
  // Prepare: the first test's table, backfilled

  // Act
  const taking = await call(
    createOffice,
    apiEvent('create-office', { caller: admin, body: officeBody({ paymentTerminalId: shared }) }),
  );
  const fresh = uniqueTerminalId();
  const moving = await call(
    updateOffice,
    apiEvent('update-office', {
      caller: admin,
      pathParameters: { officeCode: offices.second! },
      body: { paymentTerminalId: fresh },
    }),
  );

  // Assess: the office that moved released nothing of the holder's
  expect(taking.status).toBe(409);
  expect(moving.status).toBe(200);
  const claims = claimsOf(await tableSnapshot());
  expect(claims[shared]).toBe(offices.first);
  expect(claims[fresh]).toBe(offices.second);
  expect((await backfill()).conflicts).toEqual([{ officeCode: offices.judiciary, heldBy: 'judiciary' }]);
});

it('gives a terminal a closed office shares with an open one to the open one, though registered later', async () => {
  // Prepare: a provider gave a closed office's terminal to a new office
  const terminal = uniqueTerminalId();
  const closed = await storeAsBefore('2017-01-01T00:00:00.000Z', terminal, 'closed');
  const open = await storeAsBefore('2021-01-01T00:00:00.000Z', terminal);

  // Act
  const result = await backfill();

  // Assess
  expect(claimsOf(await tableSnapshot())[terminal]).toBe(open);
  expect(result.conflicts).toContainEqual({ officeCode: closed, heldBy: open });
});

it('claims no terminal stored with a leading zero, and reports its office to be entered again', async () => {
  // Prepare: `0<id>` is `<id>` to the gateway, perhaps another office's
  const terminal = `0${uniqueTerminalId()}`;
  const misspelt = await storeAsBefore('2019-01-01T00:00:00.000Z', terminal);

  // Act
  const result = await backfill();

  // Assess
  expect(result.conflicts).toContainEqual({ officeCode: misspelt, heldBy: 'misspelt' });
  expect(claimsOf(await tableSnapshot())[terminal]).toBeUndefined();
});
