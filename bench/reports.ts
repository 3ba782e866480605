import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
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
import { counterPeriod, parseMonth } from '../shared/domain/months';
import { withPersonCheckDigit } from '../shared/domain/national-id';
import { newOffice } from '../shared/domain/office';
import { PETITION_KINDS, type Petition } from '../shared/domain/petition';
import { systemClock } from '../shared/ports';
import { DATA_TABLE } from '../shared/table-definition';
import { generateReport, type ReportDeps } from '../shared/use-cases/reports';
import { batchPut, nationalNetwork, seedNationalNetwork } from './national-network';

const MONTH = parseMonth('solar-hijri', '1405-08')!;
const SUBMITTED_AT = '2026-11-10T08:00:00.000Z'; // 19 Aban 1405
const RUNS = 11;

/**
 * Report generation time for the same offices at two petition volumes ten times apart, in one
 * run: two tables seeded with real petition items (and their index entries) and the counters the
 * submissions would have left, measured alternately. The report reads only the counters, so its
 * DynamoDB calls and read units are the same at both volumes; DynamoDB Local itself answers every
 * request more slowly as its table grows (SQLite underneath), which real DynamoDB does not, so the
 * run also times one GetItem on each table, alternately: the engine's own slowdown. And it takes
 * the report's own CPU time, in this process (the engine is a separate Java process): the work
 * the function itself would do, which must not grow with the petitions.
 */
export async function measureReports(volumes: [number, number]) {
  const config = { AWS_REGION: process.env.AWS_REGION!, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT };
  const raw = new DynamoDBClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const db = createDocumentClient(config);
  const files = reportDepsFromEnv().files;
  const tables = ['bench-report-small', 'bench-report-large'];
  const seedSeconds: number[] = [];
  for (const [i, table] of tables.entries()) {
    await ensureTable(raw, table, DATA_TABLE);
    seedSeconds.push(await seed(db, table, volumes[i]!));
  }
  const depsFor = (table: string): ReportDeps => ({
    offices: new DynamoOfficeRepository(db, table),
    reports: new DynamoReportRepository(db, table),
    files,
    clock: systemClock,
    ids: cryptoIds,
  });
  const [small, large] = tables.map(depsFor) as [ReportDeps, ReportDeps];
  // Warm-up, then alternate the two so that neither profits from running later.
  await generateReport(small, MONTH, '29');
  await generateReport(large, MONTH, '29');
  const times: [number[], number[]] = [[], []];
  const cpuTimes: [number[], number[]] = [[], []];
  const getItemTimes: [number[], number[]] = [[], []];
  const province: [number, number] = [0, 0];
  const reads: [{ calls: number; units: number }, { calls: number; units: number }] = [
    { calls: 0, units: 0 },
    { calls: 0, units: 0 },
  ];
  const officeKey = { pk: `OFFICE#${DEMO_OFFICES[0]!.officeCode}`, sk: 'OFFICE' };
  for (let run = 0; run < RUNS; run++) {
    for (const [i, deps] of [small, large].entries()) {
      capacityMeter.reset();
      const started = performance.now();
      const cpu = process.cpuUsage();
      const report = await generateReport(deps, MONTH, '29');
      times[i as 0 | 1].push(performance.now() - started);
      const { user, system } = process.cpuUsage(cpu);
      cpuTimes[i as 0 | 1].push((user + system) / 1000);
      reads[i as 0 | 1] = { calls: capacityMeter.calls, units: capacityMeter.readUnits };
      if (!('scope' in report)) province[i as 0 | 1] = report.province.registered;
      const got = performance.now();
      await db.send(new GetCommand({ TableName: tables[i]!, Key: officeKey }));
      getItemTimes[i as 0 | 1].push(performance.now() - got);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  db.destroy();
  raw.destroy();
  const figuresAt = (i: 0 | 1) => ({
    medianMs: median(times[i]),
    cpuMs: median(cpuTimes[i]),
    province: province[i],
    getItemMs: median(getItemTimes[i]),
    ...reads[i],
  });
  return {
    offices: DEMO_OFFICES.length,
    volumes,
    small: figuresAt(0),
    large: figuresAt(1),
    seedSeconds: [seedSeconds[0]!, seedSeconds[1]!] as const,
  };
}

/** Petition items (with their index entries) and the counters their submissions would have left. */
async function seed(db: DynamoDBDocumentClient, table: string, volume: number): Promise<number> {
  const started = performance.now();
  const offices = new DynamoOfficeRepository(db, table);
  for (const office of DEMO_OFFICES) await offices.insert(newOffice(office, new Date('2026-01-01'), true));
  const codes = DEMO_OFFICES.map((o) => o.officeCode);
  const totals = new Map<string, Record<string, number>>();
  const items: Array<Record<string, unknown>> = [];
  for (let i = 0; i < volume; i++) {
    const officeCode = codes[i % codes.length]!;
    const kind = PETITION_KINDS[i % PETITION_KINDS.length]!;
    items.push(petitionItem(samplePetition(officeCode, kind, i)));
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
          sk: `COUNT#${counterPeriod(MONTH)}`,
          officeCode,
          period: counterPeriod(MONTH),
          ...values,
        },
      }),
    );
  }
  return (performance.now() - started) / 1000;
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
    createdAt: SUBMITTED_AT,
    updatedAt: SUBMITTED_AT,
    createdBy: 'bench',
    submittedAt: SUBMITTED_AT,
    month: '1405-08',
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
