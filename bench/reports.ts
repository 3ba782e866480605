import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { createDocumentClient } from '../shared/adapters/aws-clients';
import { petitionItem } from '../shared/adapters/dynamo-petition-repository';
import { reportDepsFromEnv } from '../shared/adapters/from-env';
import { kindCounter } from '../shared/domain/counters';
import { withPersonCheckDigit } from '../shared/domain/national-id';
import { newOffice } from '../shared/domain/office';
import { counterPeriod, parseMonth } from '../shared/domain/months';
import { PETITION_KINDS, type Petition } from '../shared/domain/petition';
import { generateReport } from '../shared/use-cases/reports';
import { DEMO_OFFICES } from '../local/demo-offices';
import { DynamoOfficeRepository } from '../shared/adapters/dynamo-office-repository';

const MONTH = parseMonth('solar-hijri', '1405-08')!;
const SUBMITTED_AT = '2026-11-10T08:00:00.000Z'; // 19 Aban 1405
const RUNS = 5;

/**
 * Report generation time for the same offices at two petition volumes ten times apart, in one
 * run. Petitions are written as real petition items (with their index entries) and the counters
 * as the submissions would have left them; the report reads only the counters.
 */
export async function measureReports(volumes: [number, number]) {
  const db = createDocumentClient({ AWS_REGION: process.env.AWS_REGION!, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT });
  const table = process.env.TABLE_NAME!;
  const offices = new DynamoOfficeRepository(db, table);
  for (const office of DEMO_OFFICES) await offices.insert(newOffice(office, new Date('2026-01-01'), true)).catch(() => undefined);
  const codes = DEMO_OFFICES.map((o) => o.officeCode);
  const totals = new Map<string, Record<string, number>>();
  let written = 0;

  const seedUpTo = async (target: number) => {
    const started = performance.now();
    const items: Array<Record<string, unknown>> = [];
    for (let i = written; i < target; i++) {
      const officeCode = codes[i % codes.length]!;
      const kind = PETITION_KINDS[i % PETITION_KINDS.length]!;
      items.push(petitionItem(samplePetition(officeCode, kind, i)));
      const counts = totals.get(officeCode) ?? {};
      counts.submitted = (counts.submitted ?? 0) + 1;
      counts[kindCounter(kind)] = (counts[kindCounter(kind)] ?? 0) + 1;
      totals.set(officeCode, counts);
    }
    const batches: Array<Array<Record<string, unknown>>> = [];
    for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let batch = batches.shift(); batch; batch = batches.shift()) {
          let pending = batch.map((Item) => ({ PutRequest: { Item } }));
          while (pending.length > 0) {
            const result = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
            pending = (result.UnprocessedItems?.[table] ?? []) as typeof pending;
          }
        }
      }),
    );
    // The counters as the submissions' transactions would have left them.
    await Promise.all(
      [...totals].map(([officeCode, values]) =>
        db.send(
          new BatchWriteCommand({
            RequestItems: { [table]: [{ PutRequest: { Item: { pk: `OFFICE#${officeCode}`, sk: `COUNT#${counterPeriod(MONTH)}`, officeCode, period: counterPeriod(MONTH), ...values } } }] },
          }),
        ),
      ),
    );
    written = target;
    return (performance.now() - started) / 1000;
  };

  const deps = reportDepsFromEnv();
  const timeGeneration = async () => {
    await generateReport(deps, MONTH); // warm-up: connections and code paths, not measured
    const times: number[] = [];
    let province = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const report = await generateReport(deps, MONTH);
      times.push(performance.now() - started);
      province = report.province.registered;
    }
    times.sort((a, b) => a - b);
    return { medianMs: times[Math.floor(RUNS / 2)]!, province };
  };

  const seedSmall = await seedUpTo(volumes[0]);
  const small = await timeGeneration();
  const seedLarge = await seedUpTo(volumes[1]);
  const large = await timeGeneration();
  db.destroy();
  return { offices: codes.length, volumes, small, large, seedSeconds: [seedSmall, seedLarge] as const };
}

function samplePetition(officeCode: string, kind: Petition['kind'], i: number): Petition {
  const petitionId = randomUUID();
  return {
    petitionId,
    officeCode,
    officeName: 'دفتر خدمات الکترونیک قضایی (نمونه)',
    kind,
    subject: 'مطالبه وجه چک',
    description: 'خواهان مبلغ چک برگشتی را مطالبه می‌کند.',
    claimAmountRials: '1250000000',
    parties: [
      { type: 'person', role: 'claimant', nationalId: withPersonCheckDigit(String(100_000_000 + i)), firstName: 'زهرا', lastName: 'محمدی', fatherName: 'علی', mobile: '09151234567' },
    ],
    documents: [],
    status: 'submitted',
    version: 2,
    createdAt: SUBMITTED_AT,
    updatedAt: SUBMITTED_AT,
    createdBy: 'bench',
    submittedAt: SUBMITTED_AT,
    month: '1405-08',
    trackingCode: String(100_000_000_000 + i),
    history: [],
  };
}
