import {
  ATTENTION_TEXT,
  CHART_TEXT,
  monthName,
  NATIONAL_TABLE_HEADER,
  OFFICE_TABLE_HEADER,
  PREAMBLE_TEXT,
  YES_NO,
} from '../i18n/report-texts';
import type { AttentionEntry } from './attention';
import { DEFECT_CODES } from './defects';
import { toPersianDigits } from './money';
import { PETITION_KINDS } from './petition';
import type { MonthlyReport, NationalReport, OfficeRow, ProvinceRow } from './report';

/** RFC 4180 quoting, and a leading apostrophe so a cell never starts a spreadsheet formula. */
function cell(value: string | number | boolean | null | undefined, text = false): string {
  if (value === null || value === undefined) return '';
  let out = String(value);
  if (text && /^[=+\-@\t\r]/.test(out)) out = `'${out}`;
  return /[",\r\n]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}

/** Lines before the table: what the file is, so that the header row itself never changes. */
const PREAMBLE_LINES = 4;

/**
 * The per-office table as CSV that Excel opens with Persian intact: UTF-8 with a byte-order mark,
 * CRLF line ends, RFC 4180 quoting, bilingual headers. The first lines say which month it is and
 * whether the month is still running; the header row below them is the same every month, so a
 * spreadsheet that reads the table keeps working.
 */
export function reportCsv(report: MonthlyReport): string {
  const preamble = csvPreamble(report, `${report.provinceName} (${report.provinceCode})`);
  const header = OFFICE_TABLE_HEADER;
  const row = (r: OfficeRow) => [
    cell(r.rank),
    cell(r.officeCode),
    cell(r.name, true),
    cell(r.judicialDistrict, true),
    cell(r.county, true),
    cell(r.bakhsh ?? '', true),
    cell(r.deprivedArea ? YES_NO.yes : YES_NO.no),
    cell(r.statusAtMonthEnd),
    cell(r.registered),
    cell(r.previous),
    cell(r.change),
    cell(r.changePercent),
    ...PETITION_KINDS.map((k) => cell(r.byKind[k])),
    cell(r.documentsStored),
    cell(r.returnedForDefects),
    cell(r.ratings.responses),
    cell(r.ratings.overall),
    cell(r.collected?.judiciaryRials ?? ''),
    cell(r.collected?.officeRials ?? ''),
    ...DEFECT_CODES.map((code) => cell(r.returnsByDefect?.[code] ?? '')),
    cell(r.curesLapsed ?? ''),
    cell(r.rejections ?? ''),
    cell(r.rejectionsForLapsedCure ?? ''),
  ];
  const lines = [
    ...preamble,
    header.map((h) => cell(h)),
    ...report.offices.map(row),
    ...(report.attention ? attentionTable(report.attention.petitions, report.attention.asOf) : []),
  ].map((cells) => cells.join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The petitions the province must look at, as a second table below the offices after an empty line,
 * so that a spreadsheet reading the offices' table up to its end still reads the same rows.
 */
function attentionTable(petitions: AttentionEntry[], asOf: string): string[][] {
  return [
    [],
    [cell(ATTENTION_TEXT.heading), cell(asOf)],
    ATTENTION_TEXT.header.map((h) => cell(h)),
    ...petitions.map((p) => [
      cell(p.petitionId),
      cell(p.officeCode),
      cell(p.courtCode),
      cell(p.status),
      cell(p.reasons.map((r) => ATTENTION_TEXT.reasons[r]).join(' / ')),
      cell(p.provisionalDeadline?.lastDay),
      cell(p.reviewReason),
    ]),
  ];
}

type Frame = Pick<MonthlyReport, 'month' | 'calendar' | 'from' | 'to' | 'provisional' | 'coverage'>;

/** The first lines of a CSV: what it covers, which month, whether the month is still running. */
function csvPreamble(report: Frame, scope: string): string[][] {
  const { daysCovered, daysInMonth } = report.coverage;
  return [
    [cell(PREAMBLE_TEXT.title), cell(report.month), cell(report.calendar), cell(scope, true)],
    [
      cell(PREAMBLE_TEXT.status),
      cell(report.provisional ? PREAMBLE_TEXT.provisional(daysCovered, daysInMonth) : PREAMBLE_TEXT.final),
    ],
    [cell(PREAMBLE_TEXT.utcRange), cell(report.from), cell(report.to)],
    [],
  ];
}

/**
 * The national table: one line per province, ranked, with the same preamble and a header that is
 * the same every month.
 */
export function nationalCsv(report: NationalReport): string {
  const header = NATIONAL_TABLE_HEADER;
  const row = (r: ProvinceRow) => [
    cell(r.rank),
    cell(r.provinceCode),
    cell(r.name, true),
    cell(r.offices),
    cell(r.active),
    cell(r.planned),
    cell(r.registered),
    cell(r.previous),
    cell(r.change),
    cell(r.changePercent),
    cell(r.deprivedAreasServed),
    cell(r.deprivedAreaPetitions),
    cell(r.target?.targetCount),
    cell(r.target?.progressPercent),
  ];
  const lines = [
    ...csvPreamble(report, PREAMBLE_TEXT.national),
    header.map((h) => cell(h)),
    ...report.provinces.map(row),
  ].map((cells) => cells.join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The file name a report is served under: the month in it, so downloads of two months never clash. */
export function reportFileName(
  report: Pick<MonthlyReport, 'month' | 'calendar'>,
  format: 'csv' | 'svg',
  scope = '',
): string {
  const calendar = report.calendar === 'solar-hijri' ? 'sh' : 'gregorian';
  return `monthly-report-${scope ? `${scope}-` : ''}${calendar}-${report.month}.${format}`;
}

export { PREAMBLE_LINES };

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
const persianDigits = (value: number | string) => toPersianDigits(String(value));

/** One bar pair of a chart: this month's figure against last month's. */
interface Bar {
  label: string;
  current: number;
  previous: number;
}

/**
 * A bar chart of each office's petitions this month against last month, right to left: office
 * names on the right, bars growing leftwards from a scale with gridlines, both months' values
 * labelled, Persian digits throughout, readable without any web font. A running month says so
 * in the title and in the footer, with the days it covers: a week is not a collapse.
 */
export function reportSvg(report: MonthlyReport): string {
  const { registered, previous } = report.province;
  return barChart(
    report,
    CHART_TEXT.provinceHeading(report.provinceName),
    report.offices.map((o) => ({ label: o.name, current: o.registered, previous: o.previous })),
    CHART_TEXT.provinceTotal,
    { registered, previous },
  );
}

/** The national chart: each province's petitions this month against last month. */
export function nationalSvg(report: NationalReport): string {
  const { registered, previous } = report.country;
  return barChart(
    report,
    CHART_TEXT.nationalHeading,
    report.provinces.map((p) => ({ label: p.name, current: p.registered, previous: p.previous })),
    CHART_TEXT.nationalTotal,
    { registered, previous },
  );
}

function barChart(
  report: Frame,
  heading: string,
  items: readonly Bar[],
  totalLabel: string,
  total: { registered: number; previous: number },
): string {
  const width = 960;
  const labelWidth = 330;
  const rowHeight = 40;
  const top = 110;
  const rows = Math.max(1, items.length);
  const height = top + rows * rowHeight + 56;
  const chartWidth = width - labelWidth - 90;
  const max = niceMaximum(Math.max(1, ...items.flatMap((o) => [o.current, o.previous])));
  const scale = (n: number) => Math.round((n / max) * chartWidth);
  const right = width - labelWidth - 10;
  const text = (x: number, y: number, content: string, attributes = '') =>
    `<text x="${x}" y="${y}" direction="rtl" text-anchor="start" ${attributes}>${escapeXml(content)}</text>`;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => {
    const x = right - Math.round(share * chartWidth);
    return (
      `<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${top + rows * rowHeight}" stroke="#dddddd"/>` +
      `<text x="${x}" y="${top - 10}" text-anchor="middle" font-size="11" fill="#555">` +
      `${persianDigits(Math.round(share * max))}</text>`
    );
  });
  const bars = items.map((item, i) => {
    const y = top + i * rowHeight;
    const current = scale(item.current);
    const previous = scale(item.previous);
    return [
      text(width - 12, y + 22, persianDigits(item.label), 'font-size="14"'),
      `<rect x="${right - current}" y="${y + 5}" width="${current}" height="14" fill="#1f6f8b">` +
        `<title>${persianDigits(item.current)}</title></rect>`,
      `<rect x="${right - previous}" y="${y + 22}" width="${previous}" height="11" fill="#9ccbd9">` +
        `<title>${persianDigits(item.previous)}</title></rect>`,
      text(right - current - 6, y + 17, persianDigits(item.current), 'font-size="12"'),
      text(right - previous - 6, y + 32, persianDigits(item.previous), 'font-size="11" fill="#555"'),
    ].join('');
  });
  const { daysCovered, daysInMonth } = report.coverage;
  const running = report.provisional ? CHART_TEXT.running(daysCovered, daysInMonth) : '';
  const title = `${heading} — ${monthName(report)}${running}`;
  const footer = report.provisional
    ? CHART_TEXT.runningFooter(totalLabel, total.registered, total.previous, daysCovered, daysInMonth)
    : CHART_TEXT.closedFooter(totalLabel, total.registered, total.previous);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `xml:lang="fa" font-family="Vazirmatn, Tahoma, 'Noto Sans Arabic', sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(width - 12, 32, title, 'font-size="18" font-weight="bold"'),
    `<rect x="${width - 30}" y="50" width="16" height="12" fill="#1f6f8b"/>`,
    text(width - 38, 61, CHART_TEXT.thisMonth, 'font-size="13"'),
    `<rect x="${width - 130}" y="50" width="16" height="12" fill="#9ccbd9"/>`,
    text(width - 138, 61, CHART_TEXT.previousMonth, 'font-size="13"'),
    text(right, 84, CHART_TEXT.axis, 'font-size="11" fill="#555"'),
    ...ticks,
    ...bars,
    text(width - 12, height - 18, footer, 'font-size="12" fill="#555"'),
    '</svg>',
  ].join('\n');
}

/** The scale's top: four equal steps of a round whole number, the smallest that holds the largest bar. */
function niceMaximum(value: number): number {
  const rawStep = Math.max(1, value / 4);
  const power = 10 ** Math.floor(Math.log10(rawStep));
  const steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * power).filter(Number.isInteger);
  return (steps.find((step) => step >= rawStep) ?? 10 * power) * 4;
}
