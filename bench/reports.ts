import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEMO_OFFICES } from '../local/demo-offices';
import { ensureTable } from '../local/engines';
import { createDocumentClient } from '../shared/adapters/aws-clients';
import { capacityMeter } from '../shared/adapters/capacity-meter';
import { DynamoOfficeRepository } from '../shared/adapters/dynamo-office-repository';
import { petitionItem } from '../shared/adapters/dynamo-petition-repository';
import { DynamoReportRepository } from '../shared/adapters/dynamo-report-repository';
import { cryptoIds } from '../shared/adapters/from-env';
import { reportDepsFromEnv } from '../shared/adapters/report-deps';
import { kindCounter } from '../shared/domain/counters';
import { counterPeriod, formatMonth, type MonthId, parseMonth } from '../shared/domain/months';
import { withPersonCheckDigit } from '../shared/domain/national-id';
import { newOffice } from '../shared/domain/office';
import { PETITION_KINDS, type Petition } from '../shared/domain/petition';
import { systemClock } from '../shared/ports';
import { DATA_TABLE } from '../shared/table-definition';
import { generateReport, type ReportDeps } from '../shared/use-cases/reports';
import { batchPut, nationalNetwork, seedNationalNetwork } from './national-network';

const MONTH = parseMonth('solar-hijri', '1405-08')!;
/**
 * The months of the report bench: the smaller volume in Mehr, ten times as many in Aban. A report
 * also reads the month before its own (the change since), so Shahrivar holds the smaller volume
 * too: each measured report reads two months of counters.
 */
const MONTH_BEFORE = { month: parseMonth('solar-hijri', '1405-06')!, submittedAt: '2026-09-10T08:00:00.000Z' }; // 19 Shahrivar
const REPORT_MONTHS: ReadonlyArray<{ month: MonthId; submittedAt: string }> = [
  { month: parseMonth('solar-hijri', '1405-07')!, submittedAt: '2026-10-10T08:00:00.000Z' }, // 18 Mehr 1405
  { month: MONTH, submittedAt: '2026-11-10T08:00:00.000Z' }, // 19 Aban 1405
];
const RUNS = 11;

/**
 * Report generation time for the same offices in two months whose petitions are ten times apart,
 * in one table: real petition items (with their index entries) and the counters their submissions
 * would have left, both months' reports measured alternately. Both months share the table because
 * DynamoDB Local answers every request more slowly as its table grows (SQLite underneath: one
 * GetItem 1.4–2.0 times slower at 50,000 petitions than at 5,000, in runs of two tables before
 * 2026-11-29), which DynamoDB does not; in one table that slowdown falls on both, and the ratio is
 * the report's own. The report reads only its month's counters, so its DynamoDB calls and read
 * units must be the same for both months, and for the smaller month before and after the larger
 * one joins the table (what the ratio cannot see: reads growing with the table, not the month);
 * the run checks both, and takes the report's own CPU time in this process (the engine is a
 * separate Java process), which must not grow with the petitions.
 */
export async function measureReports(volumes: [number, number]) {
  const config = { AWS_REGION: process.env.AWS_REGION!, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT };
  const raw = new DynamoDBClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const db = createDocumentClient(config);
  const table = 'bench-report';
  await ensureTable(raw, table, DATA_TABLE);
  const offices = new DynamoOfficeRepository(db, table);
  for (const office of DEMO_OFFICES) await offices.insert(newOffice(office, new Date('2026-01-01'), true));
  const deps: ReportDeps = {
    offices,
    reports: new DynamoReportRepository(db, table),
    files: reportDepsFromEnv().files,
    clock: systemClock,
    ids: cryptoIds,
  };
  const months = REPORT_MONTHS.map(({ month }) => month);
  let tablePetitions = 0;
  /** The smaller month's report's DynamoDB calls and read units with the table as it stands. */
  const smallerMonthReads = async () => {
    capacityMeter.reset();
    await generateReport(deps, months[0]!, '29');
    return { petitions: tablePetitions, calls: capacityMeter.calls, units: capacityMeter.readUnits };
  };
  const seeded = async ({ month, submittedAt }: { month: MonthId; submittedAt: string }, volume: number) => {
    const seconds = await seed(db, table, volume, month, submittedAt);
    tablePetitions += volume;
    return seconds;
  };
  await seeded(MONTH_BEFORE, volumes[0]);
  const seedSeconds = [await seeded(REPORT_MONTHS[0]!, volumes[0])];
  // The same report before and after the larger month joins the table: reads that grew with the
  // table's petitions, not with the month's, would show here, since the ratio below cannot see them.
  const beforeLarger = await smallerMonthReads();
  seedSeconds.push(await seeded(REPORT_MONTHS[1]!, volumes[1]));
  const afterLarger = await smallerMonthReads();
  // Warm-up, then alternate the two so that neither profits from running later.
  for (const month of months) await generateReport(deps, month, '29');
  const times: [number[], number[]] = [[], []];
  const cpuTimes: [number[], number[]] = [[], []];
  const province: [number, number] = [0, 0];
  const reads: [{ calls: number; units: number }, { calls: number; units: number }] = [
    { calls: 0, units: 0 },
    { calls: 0, units: 0 },
  ];
  for (let run = 0; run < RUNS; run++) {
    for (const [i, month] of months.entries()) {
      capacityMeter.reset();
      const started = performance.now();
      const cpu = process.cpuUsage();
      const report = await generateReport(deps, month, '29');
      times[i as 0 | 1].push(performance.now() - started);
      const { user, system } = process.cpuUsage(cpu);
      cpuTimes[i as 0 | 1].push((user + system) / 1000);
      reads[i as 0 | 1] = { calls: capacityMeter.calls, units: capacityMeter.readUnits };
      if (!('scope' in report)) province[i as 0 | 1] = report.province.registered;
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  db.destroy();
  raw.destroy();
  const figuresAt = (i: 0 | 1) => ({
    month: formatMonth(months[i]!),
    medianMs: median(times[i]),
    cpuMs: median(cpuTimes[i]),
    province: province[i],
    ...reads[i],
  });
  return {
    offices: DEMO_OFFICES.length,
    volumes,
    tablePetitions,
    smallerMonthReads: [beforeLarger, afterLarger] as const,
    small: figuresAt(0),
    large: figuresAt(1),
    seedSeconds: [seedSeconds[0]!, seedSeconds[1]!] as const,
  };
}

/** One month's petition items (with their index entries) and the counters their submissions would have left. */
async function seed(
  db: DynamoDBDocumentClient,
  table: string,
  volume: number,
  month: MonthId,
  submittedAt: string,
): Promise<number> {
  const started = performance.now();
  const codes = DEMO_OFFICES.map((o) => o.officeCode);
  const totals = new Map<string, Record<string, number>>();
  const items: Array<Record<string, unknown>> = [];
  for (let i = 0; i < volume; i++) {
    const officeCode = codes[i % codes.length]!;
    const kind = PETITION_KINDS[i % PETITION_KINDS.length]!;
    items.push(petitionItem(samplePetition(officeCode, kind, submittedAt, formatMonth(month))));
    const counts = totals.get(officeCode) ?? {};
    counts.submitted = (counts.submitted ?? 0) + 1;
    counts[kindCounter(kind)] = (counts[kindCounter(kind)] ?? 0) + 1;
    totals.set(officeCode, counts);
  }
  await batchPut(db, table, items);
  for (const [officeCode, values] of totals) {
    await db.send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: `OFFICE#${officeCode}`,
          sk: `COUNT#${counterPeriod(month)}`,
          officeCode,
          period: counterPeriod(month),
          ...values,
        },
      }),
    );
  }
  return (performance.now() - started) / 1000;
}

let sampleNumber = 0;

function samplePetition(officeCode: string, kind: Petition['kind'], submittedAt: string, month: string): Petition {
  const petitionId = randomUUID();
  const i = sampleNumber++;
  return {
    petitionId,
    officeCode,
    officeName: 'دفتر خدمات الکترونیک قضایی (نمونه)',
    kind,
    subject: 'مطالبه وجه چک',
    description: 'خواهان مبلغ چک برگشتی را مطالبه می‌کند.',
    claimAmountRials: '1250000000',
    parties: [
      {
        type: 'person',
        role: 'claimant',
        nationalId: withPersonCheckDigit(String(100_000_000 + i)),
        firstName: 'زهرا',
        lastName: 'محمدی',
        fatherName: 'علی',
        mobile: '09151234567',
      },
    ],
    documents: [],
    status: 'submitted',
    version: 2,
    createdAt: submittedAt,
    updatedAt: submittedAt,
    createdBy: 'bench',
    submittedAt,
    month,
    trackingCode: String(100_000_000_000 + i),
    history: [],
  };
}

/**
 * The national report and one province's report over a national network (31 provinces, 3,000
 * offices), its counters written directly: reports read only counters, so no petition is needed.
 */
export async function measureNationalReports(officeCount = 3000) {
  const config = { AWS_REGION: process.env.AWS_REGION!, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT };
  const raw = new DynamoDBClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const db = createDocumentClient(config);
  const table = 'bench-national';
  await ensureTable(raw, table, DATA_TABLE);
  const network = nationalNetwork(MONTH, officeCount);
  const seedStarted = performance.now();
  await seedNationalNetwork(db, table, network);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const deps: ReportDeps = {
    offices: new DynamoOfficeRepository(db, table),
    reports: new DynamoReportRepository(db, table),
    files: reportDepsFromEnv().files,
    clock: systemClock,
    ids: cryptoIds,
  };
  const scopes = ['national', '07', '29'] as const;
  for (const scope of scopes) await generateReport(deps, MONTH, scope); // warm-up
  const times = new Map<string, number[]>(scopes.map((scope) => [scope, []]));
  // Peak memory while reports are made: the bench process's resident set, sampled every 5 ms (an
  // upper bound of a function's: this process also runs the local S3 server and the bench).
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 5);
  for (let run = 0; run < RUNS; run++) {
    for (const scope of scopes) {
      const started = performance.now();
      await generateReport(deps, MONTH, scope);
      times.get(scope)!.push(performance.now() - started);
    }
  }
  clearInterval(sampler);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  db.destroy();
  raw.destroy();
  return {
    peakRssMb: peakRss / 2 ** 20,
    slowestMs: Object.fromEntries(scopes.map((scope) => [scope, Math.max(...times.get(scope)!)])) as Record<
      (typeof scopes)[number],
      number
    >,
    offices: network.offices.length,
    provinces: new Set(network.offices.map((o) => o.provinceCode)).size,
    seedSeconds,
    medianMs: Object.fromEntries(scopes.map((scope) => [scope, median(times.get(scope)!)])) as Record<
      (typeof scopes)[number],
      number
    >,
    officesIn: (code: string) => network.offices.filter((o) => o.provinceCode === code).length,
  };
}
