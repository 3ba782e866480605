import type { AttentionEntry } from './attention';
import { collectedCounter, defectCounter, kindCounter } from './counters';
import { DEFECT_CODES, type DefectCode } from './defects';
import { formatRials } from './money';
import { type Calendar, formatMonth, type MonthId } from './months';
import type { Office, OfficeStatus } from './office';
import { byCodePoint } from './order';
import { PETITION_KINDS, type PetitionKind } from './petition';

/**
 * One office's counters for one period, as the counter items hold them (absent = zero): counts as
 * numbers, and rials collected as whatever exact integer DynamoDB gave back (a number while it is
 * safe, a bigint beyond 2^53).
 */
export type CounterValues = Record<string, number | bigint>;

/** What an office collected in the month per payee, from verified payments: whole rials as decimal strings. */
export interface Collected {
  judiciaryRials: string;
  officeRials: string;
  totalRials: string;
}

export interface RatingSummary {
  responses: number;
  courtesy: number | null;
  responsiveness: number | null;
  overall: number | null;
}

export interface Figures {
  registered: number;
  byKind: Record<PetitionKind, number>;
  previous: number;
  change: number;
  /** Percentage change against the previous month; null when the previous month had none. */
  changePercent: number | null;
  documentsStored: number;
  returnedForDefects: number;
  /** Returns by defect code (a return with two defects counts under both). */
  returnsByDefect: Record<DefectCode, number>;
  /** Returned petitions whose cure period lapsed (moved to rejection-due). */
  curesLapsed: number;
  /** Rejection orders, and of them those for a lapsed cure period. */
  rejections: number;
  rejectionsForLapsedCure: number;
  ratings: RatingSummary;
  collected: Collected;
}

export interface OfficeRow extends Figures {
  officeCode: string;
  name: string;
  judicialDistrict: string;
  county: string;
  bakhsh?: string;
  deprivedArea: boolean;
  statusAtMonthEnd: OfficeStatus | 'not-registered';
  /**
   * Competition ranking by petitions registered among the offices active at the month's end: ties
   * share a rank (1, 2, 2, 4). Null for planned, suspended and closed offices: a planned office
   * with no petitions is not the province's worst office.
   */
  rank: number | null;
}

export interface NetworkTarget {
  targetCount: number;
  targetDate: string;
}

export type TargetProgress = NetworkTarget & { progressPercent: number };

/** Active offices as a share of the target count, one decimal: the network view and the report both show it. */
export function targetProgress(active: number, target: NetworkTarget | null): TargetProgress | null {
  return target ? { ...target, progressPercent: Math.round((active / target.targetCount) * 1000) / 10 } : null;
}

export interface MonthlyReport {
  /** The province the report covers. */
  provinceCode: string;
  provinceName: string;
  month: string;
  calendar: Calendar;
  from: string;
  to: string;
  generatedAt: string;
  /** True while the month is still running: the figures can still grow. */
  provisional: boolean;
  /** How much of the month the figures cover: all of it once closed, the days begun so far while running. */
  coverage: { daysCovered: number; daysInMonth: number };
  offices: OfficeRow[];
  districts: Array<Figures & { judicialDistrict: string; offices: number }>;
  province: Figures & { offices: number };
  network: {
    active: number;
    planned: number;
    suspended: number;
    closed: number;
    openedThisMonth: number;
    deprivedAreaOffices: number;
    /** Deprived districts (bakhsh) with an office active at the month's end. */
    deprivedAreasServed: number;
    deprivedAreaPetitions: number;
    target: TargetProgress | null;
  };
  /**
   * The province's petitions that need its look now (domain/attention.ts), as at `asOf`: added when
   * the report is read, so a closed month's stored report shows today's list, not its month's.
   */
  attention?: AttentionList;
}

export interface AttentionList {
  asOf: string;
  /** At most ATTENTION_LIST_LIMIT, latest change first; `truncated` when there were more. */
  petitions: AttentionEntry[];
  truncated: boolean;
}

/** Enough for any province on any day (they are rare); a longer list says it was cut. */
export const ATTENTION_LIST_LIMIT = 500;

const emptyKinds = () => Object.fromEntries(PETITION_KINDS.map((k) => [k, 0])) as Record<PetitionKind, number>;

function average(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 100) / 100;
}

function percent(change: number, previous: number): number | null {
  return previous === 0 ? null : Math.round((change / previous) * 1000) / 10;
}

/** Adds counter values up (for districts and the province) and derives the figures. */
function figures(current: CounterValues[], previous: CounterValues[]): Figures {
  const total = (values: CounterValues[], field: string) => values.reduce((sum, v) => sum + Number(v[field] ?? 0), 0);
  // Rials are added as bigint: exact whatever the sum, never through a double.
  const rials = (field: string) => current.reduce((sum, v) => sum + BigInt(v[field] ?? 0), 0n);
  const judiciary = rials(collectedCounter('judiciary'));
  const office = rials(collectedCounter('office'));
  const registered = total(current, 'submitted');
  const before = total(previous, 'submitted');
  const responses = total(current, 'ratings');
  const byKind = emptyKinds();
  for (const kind of PETITION_KINDS) byKind[kind] = total(current, kindCounter(kind));
  return {
    registered,
    byKind,
    previous: before,
    change: registered - before,
    changePercent: percent(registered - before, before),
    documentsStored: total(current, 'documentsVerified'),
    returnedForDefects: total(current, 'returned'),
    returnsByDefect: Object.fromEntries(
      DEFECT_CODES.map((code) => [code, total(current, defectCounter(code))]),
    ) as Record<DefectCode, number>,
    curesLapsed: total(current, 'cureLapsed'),
    rejections: total(current, 'rejected'),
    rejectionsForLapsedCure: total(current, 'rejectedCureLapsed'),
    ratings: {
      responses,
      courtesy: average(total(current, 'courtesySum'), responses),
      responsiveness: average(total(current, 'responsivenessSum'), responses),
      overall: average(total(current, 'overallSum'), responses),
    },
    collected: {
      judiciaryRials: formatRials(judiciary),
      officeRials: formatRials(office),
      totalRials: formatRials(judiciary + office),
    },
  };
}

/** The status an office had at an instant, from its status history (dates are Tehran calendar days). */
export function statusAt(office: Office, lastDay: string): OfficeStatus | 'not-registered' {
  const steps = office.statusHistory.filter((step) => step.since <= lastDay);
  return steps.at(-1)?.status ?? 'not-registered';
}

export interface ReportInput {
  provinceCode: string;
  provinceName: string;
  month: MonthId;
  range: { from: Date; to: Date };
  /** Tehran calendar dates (Gregorian ISO) of the month's first and last day, for status dates. */
  firstDay: string;
  lastDay: string;
  offices: Office[];
  current: Map<string, CounterValues>;
  previous: Map<string, CounterValues>;
  target: NetworkTarget | null;
  generatedAt: Date;
}

/**
 * Builds the month's report from the per-office counters: the work grows with offices, never with
 * petitions. Pure, so the same counters always give the same figures.
 */
export function buildMonthlyReport(input: ReportInput): MonthlyReport {
  const counters = (map: Map<string, CounterValues>, code: string) => map.get(code) ?? {};
  const rows: OfficeRow[] = input.offices
    .map((office) => ({
      officeCode: office.officeCode,
      name: office.name,
      judicialDistrict: office.judicialDistrict,
      county: office.county,
      ...(office.bakhsh ? { bakhsh: office.bakhsh } : {}),
      deprivedArea: office.deprivedArea,
      statusAtMonthEnd: statusAt(office, input.lastDay),
      rank: null as number | null,
      ...figures([counters(input.current, office.officeCode)], [counters(input.previous, office.officeCode)]),
    }))
    .filter((row) => row.statusAtMonthEnd !== 'not-registered' || row.registered > 0)
    .sort((a, b) => b.registered - a.registered || byCodePoint(a.officeCode, b.officeCode));
  const ranked = rows.filter((row) => row.statusAtMonthEnd === 'active');
  ranked.forEach((row, i) => {
    const before = ranked[i - 1];
    row.rank = before && before.registered === row.registered ? before.rank : i + 1;
  });

  const districtNames = [...new Set(rows.map((r) => r.judicialDistrict))].sort((a, b) => a.localeCompare(b, 'fa'));
  const districts = districtNames.map((judicialDistrict) => {
    const codes = rows.filter((r) => r.judicialDistrict === judicialDistrict).map((r) => r.officeCode);
    return {
      judicialDistrict,
      offices: codes.length,
      ...figures(
        codes.map((c) => counters(input.current, c)),
        codes.map((c) => counters(input.previous, c)),
      ),
    };
  });
  const allCodes = rows.map((r) => r.officeCode);
  const province = {
    offices: rows.length,
    ...figures(
      allCodes.map((c) => counters(input.current, c)),
      allCodes.map((c) => counters(input.previous, c)),
    ),
  };

  const countStatus = (status: OfficeStatus) => rows.filter((r) => r.statusAtMonthEnd === status).length;
  const active = countStatus('active');
  const deprived = rows.filter((r) => r.deprivedArea);
  const servedAreas = new Set(deprived.filter((r) => r.statusAtMonthEnd === 'active').map((r) => r.bakhsh ?? r.county));
  return {
    provinceCode: input.provinceCode,
    provinceName: input.provinceName,
    month: formatMonth(input.month),
    calendar: input.month.calendar,
    from: input.range.from.toISOString(),
    to: input.range.to.toISOString(),
    generatedAt: input.generatedAt.toISOString(),
    provisional: input.generatedAt < input.range.to,
    coverage: coverage(input.range, input.generatedAt),
    offices: rows,
    districts,
    province,
    network: {
      active,
      planned: countStatus('planned'),
      suspended: countStatus('suspended'),
      closed: countStatus('closed'),
      openedThisMonth: input.offices.filter(
        (o) => o.openedOn !== undefined && o.openedOn >= input.firstDay && o.openedOn <= input.lastDay,
      ).length,
      deprivedAreaOffices: deprived.length,
      deprivedAreasServed: servedAreas.size,
      deprivedAreaPetitions: deprived.reduce((sum, r) => sum + r.registered, 0),
      target: targetProgress(active, input.target),
    },
  };
}

const DAY_MS = 86_400_000;

/** Days of the month the figures cover: days begun by `at`, all of them once the month has closed. */
function coverage(range: { from: Date; to: Date }, at: Date): MonthlyReport['coverage'] {
  const daysInMonth = Math.round((range.to.getTime() - range.from.getTime()) / DAY_MS);
  const elapsed = Math.ceil((Math.min(at.getTime(), range.to.getTime()) - range.from.getTime()) / DAY_MS);
  return { daysCovered: Math.max(0, Math.min(daysInMonth, elapsed)), daysInMonth };
}

/** A manager's view: their own office's row and the province totals, no other office's figures. */
export function cutToOffice(report: MonthlyReport, officeCode: string): MonthlyReport {
  return {
    ...report,
    offices: report.offices.filter((o) => o.officeCode === officeCode),
    ...(report.attention
      ? {
          attention: {
            ...report.attention,
            petitions: report.attention.petitions.filter((p) => p.officeCode === officeCode),
          },
        }
      : {}),
    districts: report.districts.filter((d) =>
      report.offices.some((o) => o.officeCode === officeCode && o.judicialDistrict === d.judicialDistrict),
    ),
  };
}

/** One province's line in the national report. */
export interface ProvinceRow {
  provinceCode: string;
  name: string;
  /** Offices in the registry at the month's end, and how many were active or planned. */
  offices: number;
  active: number;
  planned: number;
  registered: number;
  previous: number;
  change: number;
  changePercent: number | null;
  /** Among provinces with an active office; ties share a rank. */
  rank: number | null;
  deprivedAreaOffices: number;
  deprivedAreasServed: number;
  deprivedAreaPetitions: number;
  target: TargetProgress | null;
}

/** The country: provinces ranked by petitions registered, from the same counters as their own reports. */
export interface NationalReport {
  scope: 'national';
  month: string;
  calendar: Calendar;
  from: string;
  to: string;
  generatedAt: string;
  provisional: boolean;
  coverage: { daysCovered: number; daysInMonth: number };
  provinces: ProvinceRow[];
  country: Omit<ProvinceRow, 'provinceCode' | 'name' | 'rank' | 'target'> & { provinces: number };
}

/**
 * Rolls the provinces' monthly reports up into the national one: nothing is counted per province or
 * per country at write time (no item is written by every submission), everything here is added up
 * from the per-office counters the provincial reports read.
 */
export function buildNationalReport(provinceReports: readonly MonthlyReport[], fallback: ReportShape): NationalReport {
  const head = provinceReports[0] ?? fallback;
  const rows: ProvinceRow[] = provinceReports
    .map((report) => ({
      provinceCode: report.provinceCode,
      name: report.provinceName,
      offices: report.province.offices,
      active: report.network.active,
      planned: report.network.planned,
      registered: report.province.registered,
      previous: report.province.previous,
      change: report.province.change,
      changePercent: report.province.changePercent,
      rank: null as number | null,
      deprivedAreaOffices: report.network.deprivedAreaOffices,
      deprivedAreasServed: report.network.deprivedAreasServed,
      deprivedAreaPetitions: report.network.deprivedAreaPetitions,
      target: report.network.target,
    }))
    .sort((a, b) => b.registered - a.registered || byCodePoint(a.provinceCode, b.provinceCode));
  const ranked = rows.filter((row) => row.active > 0);
  ranked.forEach((row, i) => {
    const before = ranked[i - 1];
    row.rank = before && before.registered === row.registered ? before.rank : i + 1;
  });
  const sum = (field: 'offices' | 'active' | 'planned' | 'registered' | 'previous') =>
    rows.reduce((total, row) => total + row[field], 0);
  const sumOf = (field: 'deprivedAreaOffices' | 'deprivedAreasServed' | 'deprivedAreaPetitions') =>
    rows.reduce((total, row) => total + row[field], 0);
  const registered = sum('registered');
  const previous = sum('previous');
  return {
    scope: 'national',
    month: head.month,
    calendar: head.calendar,
    from: head.from,
    to: head.to,
    generatedAt: head.generatedAt,
    provisional: head.provisional,
    coverage: head.coverage,
    provinces: rows,
    country: {
      provinces: rows.length,
      offices: sum('offices'),
      active: sum('active'),
      planned: sum('planned'),
      registered,
      previous,
      change: registered - previous,
      changePercent: percent(registered - previous, previous),
      deprivedAreaOffices: sumOf('deprivedAreaOffices'),
      deprivedAreasServed: sumOf('deprivedAreasServed'),
      deprivedAreaPetitions: sumOf('deprivedAreaPetitions'),
    },
  };
}

/** The month's frame, for a national report when no province has a report to take it from. */
export type ReportShape = Pick<
  MonthlyReport,
  'month' | 'calendar' | 'from' | 'to' | 'generatedAt' | 'provisional' | 'coverage'
>;
