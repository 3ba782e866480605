import { ValidationError } from '../domain/errors';
import {
  counterPeriod,
  formatMonth,
  isBefore,
  type MonthId,
  monthOf,
  monthRange,
  previousMonth,
} from '../domain/months';
import { buildMonthlyReport, cutToOffice, type MonthlyReport, type NetworkTarget } from '../domain/report';
import { reportCsv, reportSvg } from '../domain/report-files';
import { isOfficeStaff, type Principal } from '../domain/roles';
import { tehranGregorianDate } from '../domain/solar-hijri';
import { fieldText } from '../i18n/messages';
import type { Clock, IdGenerator, OfficeRepository, ReportFileStore, ReportFormat, ReportRepository } from '../ports';

export interface ReportDeps {
  offices: OfficeRepository;
  reports: ReportRepository;
  files: ReportFileStore;
  clock: Clock;
  ids: Pick<IdGenerator, 'runId'>;
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
      {
        field: 'path.month',
        code: 'not_started',
        messages: fieldText('month-not-started'),
      },
    ]);
  }
}

/** Reads the counters (never the petitions) and builds the report for one month. */
export async function produceReport(deps: ReportDeps, month: MonthId): Promise<MonthlyReport> {
  const now = deps.clock.now();
  assertStarted(month, now);
  const range = monthRange(month);
  const offices = await deps.offices.list();
  const codes = offices.map((o) => o.officeCode);
  const [current, previous, target] = await Promise.all([
    deps.reports.counters(codes, counterPeriod(month)),
    deps.reports.counters(codes, counterPeriod(previousMonth(month))),
    deps.reports.target(),
  ]);
  return buildMonthlyReport({
    month,
    range,
    firstDay: isoDay(range.from),
    lastDay: isoDay(new Date(range.to.getTime() - 1)),
    offices,
    current,
    previous,
    target,
    generatedAt: now,
  });
}

export function renderReport(report: MonthlyReport, format: ReportFormat): string {
  if (format === 'csv') return reportCsv(report);
  if (format === 'svg') return reportSvg(report);
  return JSON.stringify(report);
}

/** Produces a month's report and stores JSON, CSV and SVG; producing it again gives the same figures. */
export async function generateReport(deps: ReportDeps, month: MonthId): Promise<MonthlyReport> {
  const report = await produceReport(deps, month);
  await deps.files.put(counterPeriod(month), {
    json: renderReport(report, 'json'),
    csv: renderReport(report, 'csv'),
    svg: renderReport(report, 'svg'),
  });
  if (!report.provisional) await deps.reports.complete(counterPeriod(month), report.generatedAt);
  return report;
}

/**
 * The daily job: every closed Solar Hijri month of the last year whose report is missing gets
 * produced, oldest first, each exactly once even when two runs overlap (a conditional claim in
 * DynamoDB decides which run does it).
 */
export async function runScheduledReports(deps: ReportDeps): Promise<string[]> {
  const now = deps.clock.now();
  const lastClosed = previousMonth(monthOf('solar-hijri', now));
  const months: MonthId[] = [lastClosed];
  while (months.length < CATCH_UP_MONTHS) months.unshift(previousMonth(months[0]!));
  const done = await deps.reports.done(months.map(counterPeriod));
  const owner = deps.ids.runId();
  const produced: string[] = [];
  for (const month of months) {
    const period = counterPeriod(month);
    if (done.has(period) || !(await deps.reports.claim(period, owner, now, LEASE_SECONDS))) continue;
    await generateReport(deps, month);
    produced.push(formatMonth(month));
  }
  return produced;
}

/**
 * The report as the API serves it: the stored one for a closed month, a live provisional one for
 * the running month. A manager sees it cut to their own office.
 */
export async function readReport(
  deps: ReportDeps,
  principal: Principal,
  month: MonthId,
  format: ReportFormat,
): Promise<string> {
  const now = deps.clock.now();
  assertStarted(month, now);
  const stored = isBefore(month, monthOf(month.calendar, now))
    ? await deps.files.getJson(counterPeriod(month))
    : undefined;
  const full = stored ? (JSON.parse(stored) as MonthlyReport) : await produceReport(deps, month);
  const report = isOfficeStaff(principal) ? cutToOffice(full, principal.officeCode) : full;
  return renderReport(report, format);
}

export async function setNetworkTarget(
  targets: Pick<ReportRepository, 'setTarget'>,
  target: NetworkTarget,
): Promise<NetworkTarget> {
  await targets.setTarget(target);
  return target;
}
