import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { handler as generateMonthlyReport } from '../../functions/generate-monthly-report';
import { handler as getMonthlyReport } from '../../functions/get-monthly-report';
import { handler as setNetworkTarget } from '../../functions/set-network-target';
import { createDocumentClient } from '../../shared/adapters/aws-clients';
import { keys } from '../../shared/adapters/dynamo-keys';
import { DynamoOfficeRepository, officeItem } from '../../shared/adapters/dynamo-office-repository';
import { DynamoReportRepository } from '../../shared/adapters/dynamo-report-repository';
import {
  cryptoIds,
  documentUrlsFromEnv,
  petitionAdaptersFromEnv,
  submissionDepsFromEnv,
} from '../../shared/adapters/from-env';
import { createS3Client } from '../../shared/adapters/s3-client';
import { S3ReportStore } from '../../shared/adapters/s3-report-store';
import { readEnv, tableEnvShape } from '../../shared/config';
import { formatMonth, monthOf, nextMonth, parseMonth, previousMonth } from '../../shared/domain/months';
import { newOffice } from '../../shared/domain/office';
import { PROVINCE_CODES, type ProvinceCode } from '../../shared/domain/provinces';
import type { MonthlyReport } from '../../shared/domain/report';
import type { Principal } from '../../shared/domain/roles';
import { type Clock, type ReportScope, reportJob } from '../../shared/ports';
import { createPetitionSchema } from '../../shared/schemas/petition';
import { createDraft, submitPetition } from '../../shared/use-cases/petitions';
import { CATCH_UP_MONTHS, generateReport, type ReportDeps, runScheduledReports } from '../../shared/use-cases/reports';
import { apiEvent, asFunction, type Caller, call, invokeRoute } from '../support/api-event';
import { injectFault, transactionConflict } from '../support/faults';
import { uniqueOfficeCode } from '../support/fixtures';
import { demoSchedulesFor, recordPaidInFull } from '../support/payments';
import { activeOffice, petitionBody } from '../support/petitions';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

const at = (iso: string): Clock => ({ now: () => new Date(iso) });
const admin: Caller = { role: 'province-admin' };
/** "1405-08 29" (as the job names what it produced) as the ledger's job key. */
const asJob = (name: string) => {
  const [month, scope] = name.split(' ') as [string, ReportScope];
  return reportJob(`J#${month}`, scope);
};

/** An active office of a province, registered through the repository as the API does. */
const officeIn = (provinceCode: ProvinceCode) =>
  newOffice(
    {
      officeCode: uniqueOfficeCode(),
      name: 'دفتر خدمات الکترونیک قضایی آزمون',
      provinceCode,
      judicialDistrict: 'مرکز',
      county: 'مرکز',
      deprivedArea: false,
      status: 'active',
      contact: { phone: '02188880000' },
    },
    new Date('2029-05-01T00:00:00Z'),
  );

function reportDeps(clock: Clock, db = createDocumentClient(readEnv(tableEnvShape))): ReportDeps {
  const config = readEnv(tableEnvShape);
  return {
    offices: new DynamoOfficeRepository(db, config.TABLE_NAME),
    reports: new DynamoReportRepository(db, config.TABLE_NAME),
    files: new S3ReportStore(createS3Client(config), process.env.REPORTS_BUCKET!),
    clock,
    ids: cryptoIds,
  };
}

/** Submits one petition for an office at an exact instant, through the real use cases. */
async function submitAt(officeCode: string, instant: string, kind = 'civil-petition') {
  const deps = {
    ...petitionAdaptersFromEnv(),
    submissions: submissionDepsFromEnv().submissions,
    documents: documentUrlsFromEnv(),
    clock: at(instant),
    ids: cryptoIds,
  };
  const principal: Principal = { kind: 'office', userId: 'clerk', role: 'clerk', officeCode };
  await demoSchedulesFor(new Date(instant));
  const { petition } = await createDraft(
    deps,
    principal,
    createPetitionSchema.parse(
      petitionBody(undefined, kind === 'appeal' ? { kind, judgmentAmountRials: '900000000' } : { kind }),
    ),
  );
  await recordPaidInFull(petition.petitionId, new Date(instant));
  return submitPetition(deps, principal, petition.petitionId);
}

/** The closed Solar Hijri months the daily job looks at on `now`, oldest first, as `1405-08`. */
function closedMonthsBefore(now: Date): string[] {
  const months = [previousMonth(monthOf('solar-hijri', now))];
  while (months.length < CATCH_UP_MONTHS) months.unshift(previousMonth(months[0]!));
  return months.map(formatMonth);
}

/** Counts an office's submitted petitions of a month from the petitions themselves (the listing index). */
async function petitionsOfMonth(officeCode: string, month: string): Promise<number> {
  const { petitions } = petitionAdaptersFromEnv();
  const page = await petitions.page({ officeCode, status: 'submitted', month, limit: 100 });
  return page.items.length;
}

const getReport = (caller: Caller, month: string, query: Record<string, string> = {}) =>
  invokeRoute(getMonthlyReport, apiEvent('get-monthly-report', { caller, pathParameters: { month }, query }));

describe('counting across month boundaries (Tehran time)', () => {
  it.each([
    ['1398', '1398-06', '1398-07', '2019-09-22T20:29:00Z', '2019-09-22T20:31:00Z'], // daylight saving: 31 Shahrivar 23:59 / 1 Mehr 00:01
    ['1405', '1405-08', '1405-09', '2026-11-21T20:29:00Z', '2026-11-21T20:31:00Z'], // recent year: 30 Aban 23:59 / 1 Azar 00:01
  ])(
    'in %s, puts 23:59 in %s and 00:01 in %s, and the report agrees with the petitions',
    async (_year, before, after, lastMinute, firstMinute) => {
      const officeCode = await activeOffice();
      await submitAt(officeCode, lastMinute);
      await submitAt(officeCode, lastMinute);
      await submitAt(officeCode, firstMinute, 'appeal');
      const deps = reportDeps(at('2026-11-28T08:00:00Z'));

      const first = (await generateReport(deps, parseMonth('solar-hijri', before)!, '29')) as MonthlyReport;
      const second = (await generateReport(deps, parseMonth('solar-hijri', after)!, '29')) as MonthlyReport;

      const row = (r: MonthlyReport) => r.offices.find((o) => o.officeCode === officeCode)!;
      expect(row(first).registered).toBe(2);
      expect(row(second)).toMatchObject({
        registered: 1,
        previous: 2,
        change: -1,
        changePercent: -50,
        byKind: expect.objectContaining({ appeal: 1 }),
      });
      expect(row(first).registered).toBe(await petitionsOfMonth(officeCode, before));
      expect(row(second).registered).toBe(await petitionsOfMonth(officeCode, after));
    },
  );
});

describe('GET /v1/reports/monthly/{month}', () => {
  it('gives a province administrator the month with its UTC bounds, and a manager only their office', async () => {
    const officeCode = await activeOffice();
    const other = await activeOffice();
    await submitAt(officeCode, '2019-06-10T08:00:00Z');
    await submitAt(other, '2019-06-11T08:00:00Z');

    const full = await getReport(admin, '1398-03');
    const cut = await getReport({ role: 'manager', officeCode }, '1398-03');

    expect(full.statusCode).toBe(200);
    const body = JSON.parse(full.body!) as MonthlyReport;
    expect(body).toMatchObject({
      month: '1398-03',
      calendar: 'solar-hijri',
      from: '2019-05-21T19:30:00.000Z',
      to: '2019-06-21T19:30:00.000Z',
      provisional: false,
    });
    expect(body.offices.map((o) => o.officeCode)).toEqual(expect.arrayContaining([officeCode, other]));
    expect((JSON.parse(cut.body!) as MonthlyReport).offices.map((o) => o.officeCode)).toEqual([officeCode]);
  });

  it('serves Gregorian months on request', async () => {
    const answer = await getReport(admin, '2019-09', { calendar: 'gregorian' });

    expect(JSON.parse(answer.body!)).toMatchObject({
      calendar: 'gregorian',
      from: '2019-08-31T19:30:00.000Z',
      to: '2019-09-30T20:30:00.000Z',
    });
  });

  it('gives the CSV with a byte-order mark and the SVG chart, which may run nothing, sniffing off', async () => {
    const csv = await getReport(admin, '1398-06', { format: 'csv' });
    const svg = await getReport(admin, '1398-06', { format: 'svg' });

    expect(csv.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body!.charCodeAt(0)).toBe(0xfeff);
    expect(svg.headers?.['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.body).toContain('<svg');
    expect(csv.headers?.['content-disposition']).toBe('attachment; filename="monthly-report-sh-1398-06.csv"');
    expect(svg.headers?.['content-disposition']).toBe('inline; filename="monthly-report-sh-1398-06.svg"');
    expect(svg.headers?.['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect([csv.headers?.['x-content-type-options'], svg.headers?.['x-content-type-options']]).toEqual([
      'nosniff',
      'nosniff',
    ]);
  });

  it('answers 403 to a clerk and court, 400 for a month that has not started or does not exist', async () => {
    const statuses = await Promise.all([
      getReport({ role: 'clerk', officeCode: '56101' }, '1398-06'),
      getReport({ role: 'court' }, '1398-06'),
      getReport(admin, '1499-01'),
      getReport(admin, '1398-13'),
    ]);

    expect(statuses.map((s) => s.statusCode)).toEqual([403, 403, 400, 400]);
  });
});

describe('producing and storing reports', () => {
  it('gives the same figures when a month is generated twice', async () => {
    const officeCode = await activeOffice();
    await submitAt(officeCode, '2019-07-01T08:00:00Z');
    const generate = () =>
      call(
        generateMonthlyReport as never,
        apiEvent('generate-monthly-report', { caller: admin, pathParameters: { month: '1398-04' } }),
      ).then((a) => a.body as MonthlyReport);

    const first = await generate();
    const second = await generate();

    const { generatedAt: _a, ...firstFigures } = first;
    const { generatedAt: _b, ...secondFigures } = second;
    expect(secondFigures).toEqual(firstFigures);
    const stored = await getReport(admin, '1398-04');
    expect(JSON.parse(stored.body!).generatedAt).toBe(second.generatedAt);
  });

  it('measures progress against the target an administrator sets', async () => {
    const set = await call(
      setNetworkTarget as never,
      apiEvent('set-network-target', { caller: admin, body: { targetCount: 22, targetDate: '2019-09-22' } }),
    );
    const report = await getReport(admin, '1398-05');

    const { handler: listOffices } = await import('../../functions/list-offices');
    const registry = await call(listOffices as never, apiEvent('list-offices', { caller: admin }));

    expect(set.status).toBe(200);
    expect(JSON.parse(report.body!).network.target).toMatchObject({ targetCount: 22, targetDate: '2019-09-22' });
    expect(registry.body.network.target).toMatchObject({
      targetCount: 22,
      targetDate: '2019-09-22',
      progressPercent: expect.any(Number),
    });
  });
});

describe('the network target', () => {
  it('refuses a Solar Hijri year in its Gregorian date, changing nothing', async () => {
    // Prepare: Nowruz 1406 written as the API's other dates are, where a Gregorian one is asked
    const before = await tableSnapshot();

    // Act
    const set = await call(
      setNetworkTarget as never,
      apiEvent('set-network-target', { caller: admin, body: { targetCount: 22, targetDate: '1406-01-01' } }),
    );

    // Assess
    expect(set.status).toBe(400);
    expect(set.body.errors).toEqual([expect.objectContaining({ field: 'body.targetDate' })]);
    expect(await tableSnapshot()).toEqual(before);
  });
});

describe('the daily job', () => {
  it("produces each missing closed month's province and national reports exactly once when two runs overlap, then nothing", async () => {
    const deps = reportDeps(at('2026-11-28T00:30:00Z'));

    // This file's offices are all in South Khorasan (29): its report and the national one, per month.
    // The month-boundary test above already stored 1405-08's provincial report.
    const months: string[] = [];
    for (let m = parseMonth('solar-hijri', '1404-09')!; months.length < CATCH_UP_MONTHS; m = nextMonth(m)) {
      months.push(formatMonth(m));
    }
    const expected = months.flatMap((month) => [`${month} 29`, `${month} national`]);
    const storedBefore = await deps.reports.done(expected.map(asJob));

    const job = () => asFunction('monthly-report-job', () => runScheduledReports(deps));
    const [a, b] = await Promise.all([job(), job()]);
    const third = await job();

    const produced = [...a, ...b].sort();
    expect(new Set(produced).size).toBe(produced.length);
    expect(storedBefore).toEqual(new Set([asJob('1405-08 29')]));
    expect(produced).toEqual(expected.filter((name) => name !== '1405-08 29'));
    expect(third).toEqual([]);
  });

  it('catches up the months it missed', async () => {
    const first = reportDeps(at('2026-11-28T00:30:00Z'));
    await asFunction('monthly-report-job', () => runScheduledReports(first)); // a run on 7 Azar 1405, then none for three months
    const deps = reportDeps(at('2027-02-25T00:30:00Z')); // 6 Esfand 1405: Azar, Dey and Bahman have closed since

    const produced = await asFunction('monthly-report-job', () => runScheduledReports(deps));

    expect(produced).toEqual([
      '1405-09 29',
      '1405-09 national',
      '1405-10 29',
      '1405-10 national',
      '1405-11 29',
      '1405-11 national',
    ]);
  });

  it('learns it has nothing to do from one request to DynamoDB, listing no office', async () => {
    // Prepare: a run covers the months; the next run's client records every request it sends
    await asFunction('monthly-report-job', () => runScheduledReports(reportDeps(at('2027-02-25T00:30:00Z'))));
    const db = createDocumentClient(readEnv(tableEnvShape));
    const sent: string[] = [];
    db.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? '?');
        return next(args);
      },
      // After the retry loop: a retried request counts as the round trip it is.
      { step: 'finalizeRequest', name: 'countRequests', priority: 'low' },
    );
    const deps = reportDeps(at('2027-02-25T00:30:00Z'), db);

    // Act
    const produced = await asFunction('monthly-report-job', () => runScheduledReports(deps));

    // Assess: the months' markers and the provinces in one BatchGetItem; no office listed, no report
    // looked up one by one
    expect(produced).toEqual([]);
    expect(sent).toEqual(['BatchGetItemCommand']);
  });

  it('lists the offices and records every province once, when only offices registered since then have added theirs', async () => {
    // Prepare: months of their own; the provinces' set as a deployment finds it after an office was
    // registered, before any run: that one province, not yet recorded complete
    await activeOffice();
    const deps = reportDeps(at('2031-06-01T00:30:00Z'));
    await deps.offices.insert(officeIn('23'));
    await asFunction('monthly-report-job', () => runScheduledReports(deps));
    const provinces = [...new Set((await deps.offices.list()).map((office) => office.provinceCode))].sort();
    expect(provinces.length).toBeGreaterThan(1);
    const config = readEnv(tableEnvShape);
    await createDocumentClient(config).send(
      new PutCommand({
        TableName: config.TABLE_NAME,
        Item: { ...keys.officeProvinces(), entity: 'office-provinces', provinces: new Set([provinces[0]]) },
      }),
    );
    const periods = closedMonthsBefore(deps.clock.now()).map((month) => `J#${month}`);
    const unknown = await deps.reports.jobOutlook(periods);

    // Act
    const produced = await asFunction('monthly-report-job', () => runScheduledReports(deps));
    const known = await deps.reports.jobOutlook(periods);

    // Assess: the set was not trusted while incomplete; every month stays covered; the set is now whole
    expect(unknown.officeProvinces).toBeUndefined();
    expect(produced).toEqual([]);
    expect([...(known.officeProvinces ?? [])].sort()).toEqual(provinces);
  });

  it('reopens every covered month for a province that gets its first office, and produces only its reports', async () => {
    // Prepare: months of their own (a later year), covered by a first run; then an office in a province without one
    const deps = reportDeps(at('2029-06-01T00:30:00Z'));
    const first = await asFunction('monthly-report-job', () => runScheduledReports(deps));
    const provinces = new Set((await deps.offices.list()).map((office) => office.provinceCode));
    const newcomer = PROVINCE_CODES.find((code) => !provinces.has(code))!;
    await deps.offices.insert(officeIn(newcomer));

    // Act
    const produced = await asFunction('monthly-report-job', () => runScheduledReports(deps));
    const again = await asFunction('monthly-report-job', () => runScheduledReports(deps));

    // Assess: the first run made every month's reports; the second only the newcomer's, for each month
    const months = closedMonthsBefore(deps.clock.now());
    expect(first).toHaveLength(months.length * (provinces.size + 1));
    expect(produced).toEqual(months.map((month) => `${month} ${newcomer}`));
    expect(again).toEqual([]);
  });

  it('leaves a month unmarked for a report another run holds, and produces it once that run’s claim lapses', async () => {
    // Prepare: months of their own, an office of South Khorasan; another run holds the last closed month's national report
    await activeOffice();
    const now = new Date('2030-06-01T00:30:00Z');
    const deps = reportDeps(at(now.toISOString()));
    const lastMonth = closedMonthsBefore(now).at(-1)!;
    const period = `J#${lastMonth}`;
    expect(await deps.reports.claim(reportJob(period, 'national'), 'another-run', now, 900)).toBe(true);

    // Act
    const whileHeld = await asFunction('monthly-report-job', () => runScheduledReports(deps));
    const markedWhileHeld = (await deps.reports.jobOutlook([period])).covered.get(period);
    const later = reportDeps(at(new Date(now.getTime() + 20 * 60_000).toISOString()));
    const afterLapse = await asFunction('monthly-report-job', () => runScheduledReports(later));
    const markedAfter = (await deps.reports.jobOutlook([period])).covered.get(period);

    // Assess: not marked done for national until its report is, then produced exactly once
    expect(whileHeld).not.toContain(`${lastMonth} national`);
    expect(whileHeld).toContain(`${lastMonth} 29`);
    expect(markedWhileHeld?.has('national') ?? false).toBe(false);
    expect(afterLapse).toEqual([`${lastMonth} national`]);
    expect(markedAfter?.has('national')).toBe(true);
  });

  it('finds at the next month’s close a province whose office was stored without its registration, and reports on it', async () => {
    // Prepare: months of their own, covered; then an office put straight into the table, as a
    // version from before the provinces' set or a restore would store it
    await activeOffice();
    const deps = reportDeps(at('2032-06-01T00:30:00Z'));
    await asFunction('monthly-report-job', () => runScheduledReports(deps));
    const provinces = new Set((await deps.offices.list()).map((office) => office.provinceCode));
    const stray = PROVINCE_CODES.find((code) => !provinces.has(code))!;
    const config = readEnv(tableEnvShape);
    await createDocumentClient(config).send(
      new PutCommand({ TableName: config.TABLE_NAME, Item: officeItem(officeIn(stray)) }),
    );
    const atClose = reportDeps(at('2032-07-01T00:30:00Z'));

    // Act
    const sameMonth = await asFunction('monthly-report-job', () => runScheduledReports(deps));
    const nextClose = await asFunction('monthly-report-job', () => runScheduledReports(atClose));
    const periods = closedMonthsBefore(atClose.clock.now()).map((month) => `J#${month}`);
    const { officeProvinces } = await atClose.reports.jobOutlook(periods);

    // Assess: unseen while no month is open; at the close, its reports for every month, and the set knows it
    expect(sameMonth).toEqual([]);
    expect(nextClose).toEqual(
      expect.arrayContaining(closedMonthsBefore(atClose.clock.now()).map((month) => `${month} ${stray}`)),
    );
    expect(officeProvinces?.has(stray)).toBe(true);
  });
});

describe('the daily job when an office registration holds the provinces item', () => {
  /** A single write refused while a transaction holds its item, as DynamoDB answers an UpdateItem then. */
  const heldByTransaction = () =>
    Object.assign(new Error('Transaction is ongoing for the item'), {
      name: 'TransactionConflictException',
      $metadata: { httpStatusCode: 400 },
    });

  /** Months of their own, and no provinces' set yet: the run lists the offices and records their provinces first. */
  async function runWithoutProvinces(now: string) {
    await activeOffice();
    const deps = reportDeps(at(now));
    const config = readEnv(tableEnvShape);
    await createDocumentClient(config).send(
      new DeleteCommand({ TableName: config.TABLE_NAME, Key: keys.officeProvinces() }),
    );
    const periods = closedMonthsBefore(deps.clock.now()).map((month) => `J#${month}`);
    return { deps, periods };
  }

  it.each([
    ['a transaction cancelled for TransactionConflict', transactionConflict, '2035-06-01T00:30:00Z'],
    ['a TransactionConflictException', heldByTransaction, '2037-06-01T00:30:00Z'],
  ])('records the provinces through %s, trying again, and produces the reports', async (_case, error, now) => {
    // Prepare: months of their own; the recording's first two writes collide with a registration's transaction
    const { deps, periods } = await runWithoutProvinces(now);
    const fault = injectFault({ service: 'dynamo', command: 'UpdateItemCommand', error, times: 2 });

    // Act
    const produced = await asFunction('monthly-report-job', () => runScheduledReports(deps)).finally(fault.remove);

    // Assess
    expect(fault.remaining()).toBe(0);
    expect(produced).toContain(`${closedMonthsBefore(deps.clock.now()).at(-1)} 29`);
    expect((await deps.reports.jobOutlook(periods)).officeProvinces?.has('29')).toBe(true);
  });

  it('fails the run after a bounded number of tries while the contention lasts, recording nothing', async () => {
    // Prepare
    const { deps, periods } = await runWithoutProvinces('2036-06-01T00:30:00Z');
    const fault = injectFault({
      service: 'dynamo',
      command: 'UpdateItemCommand',
      error: transactionConflict,
      times: 10,
    });

    // Act
    const run = asFunction('monthly-report-job', () => runScheduledReports(deps)).finally(fault.remove);

    // Assess: four tries, then temporarily unavailable (the scheduler retries the run)
    await expect(run).rejects.toMatchObject({ code: 'temporarily-unavailable' });
    expect(fault.remaining()).toBe(6);
    expect((await deps.reports.jobOutlook(periods)).officeProvinces).toBeUndefined();
  });
});
