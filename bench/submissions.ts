import { randomUUID } from 'node:crypto';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { recordPaidInFull } from '../local/demo-payments';
import { capacityMeter } from '../shared/adapters/capacity-meter';
import { percentile, type startBenchStack } from './local-stack';
import { samplePetition } from './sample-petition';

type Stack = Awaited<ReturnType<typeof startBenchStack>>;

const SEQUENTIAL = 200;
const CONCURRENT = 400;
const CONCURRENCY = 16;

const body = JSON.stringify(samplePetition());

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

/**
 * Submission through the local gateway (JWT check, payload 2.0 event, middy chain, idempotency,
 * the transaction) against one raw DynamoDB Local PutItem of a petition-sized item, same engine,
 * same run; plus the DynamoDB calls and capacity units one submission consumes.
 */
export async function measureSubmissions(stack: Stack) {
  // A demo office of Birjand (bench/local-stack.ts seeds the registry, its courts and the fee schedules).
  const officeCode = '56101';
  const headers = {
    authorization: `Bearer ${await stack.token({ role: 'clerk', officeCode })}`,
    'content-type': 'application/json',
  };

  const draft = async () => {
    const response = await fetch(`${stack.baseUrl}/v1/petitions`, { method: 'POST', headers, body });
    const { petitionId } = (await response.json()) as { petitionId: string };
    // Paid as a verified gateway callback leaves it (outside the timings: payment is not submission).
    await recordPaidInFull(petitionId);
    return petitionId;
  };
  const submit = async (petitionId: string) => {
    const response = await fetch(`${stack.baseUrl}/v1/petitions/${petitionId}/submit`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': randomUUID() },
    });
    if (response.status !== 200) throw new Error(`submit answered ${response.status}`);
    await response.arrayBuffer();
  };

  // Warm up: the first call loads the handlers.
  await submit(await draft());

  const rawItem = (i: number) => ({
    pk: { S: `BENCH#${i}` },
    sk: { S: 'PETITION' },
    payload: { S: body },
    gsi1pk: { S: 'BENCH' },
    gsi1sk: { S: String(i).padStart(8, '0') },
  });
  const drafts: string[] = [];
  for (let i = 0; i < SEQUENTIAL + CONCURRENT + 1; i++) drafts.push(await draft());
  // Alternately, one PutItem then one submission: the engine's drift (its JIT, its garbage
  // collector) falls on both. Measured one phase after the other, the raw PutItem's p50 ranged
  // 4.5-9.8 ms in one morning and the ratio 3.0-5.8 with the submission's own p50 within 19-24 ms.
  const raw: number[] = [];
  const sequential: number[] = [];
  for (const [i, petitionId] of drafts.splice(0, SEQUENTIAL).entries()) {
    const put = new PutItemCommand({ TableName: process.env.TABLE_NAME!, Item: rawItem(i) });
    raw.push((await timed(() => stack.raw.send(put)))[0]);
    sequential.push((await timed(() => submit(petitionId)))[0]);
  }

  capacityMeter.reset();
  capacityMeter.detail = true;
  await submit(drafts.shift()!);
  capacityMeter.detail = false;
  const perSubmission = {
    calls: capacityMeter.calls,
    commands: [...capacityMeter.commands],
    readUnits: capacityMeter.readUnits,
    writeUnits: capacityMeter.writeUnits,
    writeUnitsByItem: writeUnitsByItem(capacityMeter.writes),
  };

  const queue = [...drafts];
  const [elapsed] = await timed(() =>
    Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await submit(next);
      }),
    ),
  );
  raw.sort((a, b) => a - b);
  sequential.sort((a, b) => a - b);
  return {
    raw: { p50: percentile(raw, 50), p99: percentile(raw, 99), n: raw.length },
    submit: { p50: percentile(sequential, 50), p99: percentile(sequential, 99), n: sequential.length },
    throughput: { perSecond: CONCURRENT / (elapsed / 1000), n: CONCURRENT, concurrency: CONCURRENCY },
    perSubmission,
  };
}

/** What a key family is, for the breakdown of a submission's write units. */
function itemKind(tableName: string, key: Record<string, unknown>): string {
  if (tableName === process.env.IDEMPOTENCY_TABLE_NAME) return 'idempotency record';
  const pk = String((key.pk as { S?: string } | undefined)?.S ?? key.pk ?? '');
  const sk = String((key.sk as { S?: string } | undefined)?.S ?? key.sk ?? '');
  if (pk.startsWith('PETITION#')) return sk.startsWith('AUDIT#') ? 'audit entry' : 'petition (table)';
  if (pk.startsWith('TRACK#')) return 'tracking code';
  if (sk.startsWith('COUNT#')) return 'counters';
  if (pk.startsWith('OUTBOX#')) return 'outbox';
  return pk.replace(/#.*$/, '') || 'other';
}

/**
 * A submission's write units by item: index units as DynamoDB reports them per index
 * (`ReturnConsumedCapacity: INDEXES`); the table's units split over the items written by their
 * size (a transactional write costs 2 units per started KB of the item, DynamoDB's rule), and
 * checked against the table's measured total, which the breakdown is scaled to.
 */
function writeUnitsByItem(writes: typeof capacityMeter.writes): Array<{ item: string; units: number }> {
  const units = new Map<string, number>();
  const add = (item: string, n: number) => units.set(item, (units.get(item) ?? 0) + n);
  for (const write of writes) {
    const transactional = write.command === 'TransactWriteItems';
    const items = transactional
      ? (write.input.TransactItems as Array<Record<string, { TableName: string; Item?: object; Key?: object }>>).map(
          (element) => Object.values(element)[0]!,
        )
      : [write.input as { TableName: string; Item?: object; Key?: object }];
    for (const consumed of write.consumed) {
      const table = consumed.TableName ?? '';
      for (const [index, { CapacityUnits = 0 }] of Object.entries(consumed.GlobalSecondaryIndexes ?? {}))
        add(`index ${index}`, CapacityUnits);
      const tableUnits = consumed.Table?.CapacityUnits ?? 0;
      const mine = items.filter((i) => i.TableName === table);
      const estimates = mine.map((i) => {
        const size = Buffer.byteLength(JSON.stringify(i.Item ?? i.Key ?? {}));
        return (transactional ? 2 : 1) * Math.max(1, Math.ceil(size / 1024));
      });
      const estimated = estimates.reduce((a, b) => a + b, 0) || 1;
      mine.forEach((i, n) => {
        add(
          itemKind(table, (i.Item ?? i.Key ?? {}) as Record<string, unknown>),
          (estimates[n]! * tableUnits) / estimated,
        );
      });
    }
  }
  return [...units].map(([item, n]) => ({ item, units: Math.round(n * 100) / 100 }));
}
