import { stillNeedsAttention } from '../domain/attention';
import { NotFoundError, ValidationError } from '../domain/errors';
import {
  counterPeriod,
  formatMonth,
  isBefore,
  type MonthId,
  monthOf,
  monthRange,
  previousMonth,
} from '../domain/months';
import type { Office } from '../domain/office';
import { type ProvinceCode, provinceOf } from '../domain/provinces';
import {
  ATTENTION_LIST_LIMIT,
  type AttentionList,
  buildMonthlyReport,
  buildNationalReport,
  type CounterValues,
  cutToOffice,
  type MonthlyReport,
  type NationalReport,
  type NetworkTarget,
} from '../domain/report';
import { nationalCsv, nationalSvg, reportCsv, reportSvg } from '../domain/report-files';
import type { Principal, ProvinceAdmin } from '../domain/roles';
import { tehranGregorianDate } from '../domain/solar-hijri';
import * as fieldTexts from '../i18n/field-messages';
import { fieldText } from '../i18n/field-text';
import {
  type AttentionSource,
  type Clock,
  type IdGenerator,
  type OfficeRepository,
  type ReportFileStore,
  type ReportFormat,
  type ReportRepository,
  type ReportScope,
  reportJob,
} from '../ports';

export interface ReportDeps {
  offices: OfficeRepository;
  reports: ReportRepository;
  files: ReportFileStore;
  clock: Clock;
  ids: Pick<IdGenerator, 'runId'>;
}

/** Reading a province's report also reads its attention list, live. */
export interface ReportReadDeps extends ReportDeps {
  attention: AttentionSource;
}

/** How far back the daily job looks for months whose report is missing. */
export const CATCH_UP_MONTHS = 12;
/** A claim older than this is taken to belong to a run that died. */
const LEASE_SECONDS = 15 * 60;

const isoDay = (instant: Date) => {
  const d = tehranGregorianDate(instant);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
};

function assertStarted(month: MonthId, now: Date): void {
  if (monthRange(month).from > now) {
    throw new ValidationError([
      { field: 'path.month', code: 'not_started', messages: fieldText(fieldTexts.monthNotStarted) },
    ]);
  }
}

/** The counters of a set of offices for a month and the month before: what every report is built from. */
interface MonthData {
  month: MonthId;
  offices: Office[];
  current: Map<string, CounterValues>;
  previous: Map<string, CounterValues>;
  targets: Map<ProvinceCode, NetworkTarget>;
}

async function loadMonth(deps: ReportDeps, month: MonthId, offices: Office[]): Promise<MonthData> {
  const codes = offices.map((o) => o.officeCode);
  const [current, previous, targets] = await Promise.all([
    deps.reports.counters(codes, counterPeriod(month)),
    deps.reports.counters(codes, counterPeriod(previousMonth(month))),
    deps.reports.targets(),
  ]);
  return { month, offices, current, previous, targets };
}

/** One province's report from a month's data: the work grows with offices, never with petitions. */
function provinceReport(data: MonthData, provinceCode: ProvinceCode, now: Date): MonthlyReport {
  const range = monthRange(data.month);
  return buildMonthlyReport({
    provinceCode,
    provinceName: provinceOf(provinceCode)?.fa ?? provinceCode,
    month: data.month,
    range,
    firstDay: isoDay(range.from),
    lastDay: isoDay(new Date(range.to.getTime() - 1)),
    offices: data.offices.filter((office) => office.provinceCode === provinceCode),
    current: data.current,
    previous: data.previous,
    target: data.targets.get(provinceCode) ?? null,
    generatedAt: now,
  });
}

/** Every province with an office in the registry, ranked in one report from the same counters. */
function nationalReport(data: MonthData, now: Date): NationalReport {
  const provinces = [...new Set(data.offices.map((office) => office.provinceCode))].sort();
  const reports = provinces.map((code) => provinceReport(data, code, now));
  const empty = buildMonthlyReport({
    provinceCode: '',
    provinceName: '',
    month: data.month,
    range: monthRange(data.month),
    firstDay: '',
    lastDay: '',
    offices: [],
    current: new Map(),
    previous: new Map(),
    target: null,
    generatedAt: now,
  });
  return buildNationalReport(reports, empty);
}

type AnyReport = MonthlyReport | NationalReport;

export function renderReport(report: AnyReport, format: ReportFormat): string {
  if ('scope' in report)
    return format === 'csv' ? nationalCsv(report) : format === 'svg' ? nationalSvg(report) : JSON.stringify(report);
  if (format === 'csv') return reportCsv(report);
  if (format === 'svg') return reportSvg(report);
  return JSON.stringify(report);
}

async function store(deps: ReportDeps, month: MonthId, scope: ReportScope, report: AnyReport): Promise<void> {
  const period = counterPeriod(month);
  await deps.files.put(period, scope, {
    json: renderReport(report, 'json'),
    csv: renderReport(report, 'csv'),
    svg: renderReport(report, 'svg'),
  });
  if (!report.provisional) await deps.reports.complete(reportJob(period, scope), report.generatedAt);
}

/** Produces (or reproduces) one scope's report for a month and stores JSON, CSV and SVG. */
export async function generateReport(deps: ReportDeps, month: MonthId, scope: ReportScope): Promise<AnyReport> {
  const now = deps.clock.now();
  assertStarted(month, now);
  const offices = await deps.offices.list(scope === 'national' ? {} : { provinceCode: scope });
  const data = await loadMonth(deps, month, offices);
  const report = scope === 'national' ? nationalReport(data, now) : provinceReport(data, scope, now);
  await store(deps, month, scope, report);
  return report;
}

/**
 * The daily job: for every closed Solar Hijri month of the last year, every province's report and
 * the national one that are missing get produced, oldest month first, each exactly once even when
 * two runs overlap (a conditional claim per month and scope decides which run does it). A month's
 * counters are read once for all of its reports.
 *
 * Most days there is nothing to do, and a run learns it in one read: each month's marker lists the
 * scopes whose reports are all done, and is read with the provinces that have an office. Only a month whose
 * marker misses a scope (a month just closed, a province with its first office) is looked up
 * report by report; once this run found or made all of its reports done, the marker says so.
 */
export async function runScheduledReports(deps: ReportDeps): Promise<string[]> {
  const now = deps.clock.now();
  const lastClosed = previousMonth(monthOf('solar-hijri', now));
  const months: MonthId[] = [lastClosed];
  while (months.length < CATCH_UP_MONTHS) months.unshift(previousMonth(months[0] ?? lastClosed));
  // One read tells a day with nothing to do: the months' markers and the provinces that have an
  // office. Only a run that must work, or the first one, which records the provinces, lists offices.
  const { covered, officeProvinces } = await deps.reports.jobOutlook(months.map(counterPeriod));
  let offices: Office[] | undefined;
  if (!officeProvinces) {
    offices = await deps.offices.list();
    await deps.reports.recordOfficeProvinces(provincesOf(offices), { complete: true });
  }
  const scopesOf = (provinces: Iterable<ProvinceCode>): ReportScope[] => [...[...provinces].sort(), 'national'];
  const openFor = (scopes: readonly ReportScope[]) =>
    months.filter((month) => scopes.some((scope) => !covered.get(counterPeriod(month))?.has(scope)));
  let scopes = scopesOf(officeProvinces ?? provincesOf(offices ?? []));
  let open = openFor(scopes);
  if (open.length === 0) return [];
  if (!offices) {
    offices = await deps.offices.list();
    // An office stored without the registration's transaction (an older version rolled back to, a
    // restore) left its province out of the set: the listing at each month's close finds it.
    const unrecorded = provincesOf(offices).filter((province) => !officeProvinces?.has(province));
    if (unrecorded.length > 0) {
      await deps.reports.recordOfficeProvinces(unrecorded, { complete: false });
      scopes = scopesOf(new Set([...(officeProvinces ?? []), ...unrecorded]));
      open = openFor(scopes);
    }
  }
  const jobs = open.flatMap((month) => scopes.map((scope) => reportJob(counterPeriod(month), scope)));
  const done = await deps.reports.done(jobs);
  const owner = deps.ids.runId();
  const produced: string[] = [];
  for (const month of open) {
    const period = counterPeriod(month);
    const missing = scopes.filter((scope) => !done.has(reportJob(period, scope)));
    let data: MonthData | undefined;
    // A scope another run holds is not known to be done: that run covers the month, or the next one.
    let allDone = true;
    for (const scope of missing) {
      if (!(await deps.reports.claim(reportJob(period, scope), owner, now, LEASE_SECONDS))) {
        allDone = false;
        continue;
      }
      data ??= await loadMonth(deps, month, offices);
      const report = scope === 'national' ? nationalReport(data, now) : provinceReport(data, scope, now);
      await store(deps, month, scope, report);
      produced.push(`${formatMonth(month)} ${scope}`);
      // A provisional report is not marked done (store); the job makes none, as its months are closed.
      if (report.provisional) allDone = false;
    }
    if (allDone) await deps.reports.cover(period, scopes);
  }
  return produced;
}

const provincesOf = (offices: readonly Office[]): ProvinceCode[] =>
  [...new Set(offices.map((o) => o.provinceCode))].sort();

/** The stored report of a closed month, or a live provisional one for the running month. */
async function storedOrLive(deps: ReportDeps, month: MonthId, scope: ReportScope): Promise<AnyReport> {
  const now = deps.clock.now();
  assertStarted(month, now);
  const stored = isBefore(month, monthOf(month.calendar, now))
    ? await deps.files.getJson(counterPeriod(month), scope)
    : undefined;
  if (stored) return JSON.parse(stored) as AnyReport;
  const offices = await deps.offices.list(scope === 'national' ? {} : { provinceCode: scope });
  const data = await loadMonth(deps, month, offices);
  return scope === 'national' ? nationalReport(data, now) : provinceReport(data, scope, now);
}

/**
 * A province's report as the API serves it. A province administrator reads their own province's
 * (another province's answers 404, as an unknown one), the national administrator any province's,
 * a manager their own office's cut of their province's.
 */
export async function readReport(
  deps: ReportReadDeps,
  principal: Principal,
  month: MonthId,
  format: ReportFormat,
  province?: ProvinceCode,
): Promise<string> {
  if (principal.kind === 'office') {
    const office = await deps.offices.get(principal.officeCode);
    if (!office || (province && province !== office.provinceCode)) throw new NotFoundError('report');
    const report = await withAttention(deps, (await storedOrLive(deps, month, office.provinceCode)) as MonthlyReport);
    return renderReport(cutToOffice(report, principal.officeCode), format);
  }
  const scope = scopeOf(principal, province);
  const report = await withAttention(deps, (await storedOrLive(deps, month, scope)) as MonthlyReport);
  return renderReport(report, format);
}

/** The report with the province's attention list as it stands now. */
async function withAttention(deps: ReportReadDeps, report: MonthlyReport): Promise<MonthlyReport> {
  const now = deps.clock.now();
  const petitions = await deps.attention.needingAttention(report.provinceCode, ATTENTION_LIST_LIMIT + 1, (entry) =>
    stillNeedsAttention(entry, now),
  );
  const attention: AttentionList = {
    asOf: now.toISOString(),
    petitions: petitions.slice(0, ATTENTION_LIST_LIMIT),
    truncated: petitions.length > ATTENTION_LIST_LIMIT,
  };
  return { ...report, attention };
}

/** The national report: provinces ranked, for the national administrator. */
export async function readNationalReport(deps: ReportDeps, month: MonthId, format: ReportFormat): Promise<string> {
  return renderReport(await storedOrLive(deps, month, 'national'), format);
}

/**
 * Which province a report request is about: a province administrator's own (asking for another is
 * a 404), or the one the national administrator names (required).
 */
export function scopeOf(principal: Principal, province: ProvinceCode | undefined): ProvinceCode {
  if (principal.kind === 'province') {
    if (province && province !== principal.provinceCode) throw new NotFoundError('report');
    return principal.provinceCode;
  }
  if (!province) {
    throw new ValidationError([
      { field: 'query.province', code: 'required', messages: fieldText(fieldTexts.provinceRequired) },
    ]);
  }
  return province;
}

export async function setNetworkTarget(
  targets: Pick<ReportRepository, 'setTarget'>,
  admin: ProvinceAdmin,
  target: NetworkTarget,
): Promise<NetworkTarget> {
  await targets.setTarget(admin.provinceCode, target);
  return target;
}
