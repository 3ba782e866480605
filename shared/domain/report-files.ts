import type { AttentionEntry } from './attention';
import { DEFECT_CODES, DEFECTS } from './defects';
import { PETITION_KINDS } from './petition';
import type { MonthlyReport, NationalReport, OfficeRow, ProvinceRow } from './report';

const KIND_LABELS: Record<(typeof PETITION_KINDS)[number], string> = {
  'civil-petition': 'دادخواست حقوقی',
  'criminal-complaint': 'شکوائیه کیفری',
  request: 'درخواست',
  appeal: 'تجدیدنظر',
  'written-statement': 'لایحه',
};

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
  const header = [
    'رتبه (rank)',
    'کد دفتر (office code)',
    'نام دفتر (name)',
    'حوزه قضایی (judicial district)',
    'شهرستان (county)',
    'بخش (bakhsh)',
    'محروم (deprived area)',
    'وضعیت (status)',
    'دادخواست‌های ثبت‌شده این ماه (registered)',
    'ماه قبل (previous month)',
    'تغییر (change)',
    'درصد تغییر (change %)',
    ...PETITION_KINDS.map((k) => `${KIND_LABELS[k]} (${k})`),
    'مدارک ذخیره‌شده (documents stored)',
    'برگشت برای رفع نقص (returned for defects)',
    'تعداد نظرها (ratings)',
    'میانگین رضایت کلی (overall rating)',
    'دریافتی هزینه دادرسی، ریال (court fees collected, rials)',
    'دریافتی تعرفه دفتر، ریال (office tariff collected, rials)',
    ...DEFECT_CODES.map((code) => `برگشت: ${DEFECTS[code].label.fa} (returned: ${code})`),
    'مهلت رفع نقص سپری‌شده (cures lapsed)',
    'قرار رد دادخواست (rejections)',
    'رد به سبب سپری‌شدن مهلت (rejections for a lapsed cure)',
  ];
  const row = (r: OfficeRow) => [
    cell(r.rank),
    cell(r.officeCode),
    cell(r.name, true),
    cell(r.judicialDistrict, true),
    cell(r.county, true),
    cell(r.bakhsh ?? '', true),
    cell(r.deprivedArea ? 'بله' : 'خیر'),
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

const ATTENTION_LABELS: Record<AttentionEntry['reasons'][number], string> = {
  'provisional-deadline': 'مهلت موقت (provisional deadline)',
  'flagged-for-review': 'نیازمند بازبینی ارجاع (flagged for review)',
};

/**
 * The petitions the province must look at, as a second table below the offices after an empty line,
 * so that a spreadsheet reading the offices' table up to its end still reads the same rows.
 */
function attentionTable(petitions: AttentionEntry[], asOf: string): string[][] {
  return [
    [],
    [cell('دادخواست‌های نیازمند بررسی استان (petitions needing attention)'), cell(asOf)],
    [
      cell('شناسه دادخواست (petition id)'),
      cell('کد دفتر (office code)'),
      cell('کد دادگاه (court code)'),
      cell('وضعیت (status)'),
      cell('علت (reason)'),
      cell('آخرین روز مهلت (last day)'),
      cell('علت بازبینی (review reason)'),
    ],
    ...petitions.map((p) => [
      cell(p.petitionId),
      cell(p.officeCode),
      cell(p.courtCode),
      cell(p.status),
      cell(p.reasons.map((r) => ATTENTION_LABELS[r]).join(' / ')),
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
    [
      cell('گزارش ماهانه دفاتر خدمات الکترونیک قضایی (monthly report)'),
      cell(report.month),
      cell(report.calendar),
      cell(scope, true),
    ],
    [
      cell('وضعیت (status)'),
      cell(
        report.provisional
          ? `موقت: ${daysCovered} روز از ${daysInMonth} روز ماه (provisional: ${daysCovered} of ${daysInMonth} days)`
          : 'نهایی (final)',
      ),
    ],
    [cell('بازه به وقت جهانی (UTC range)'), cell(report.from), cell(report.to)],
    [],
  ];
}

/**
 * The national table: one line per province, ranked, with the same preamble and a header that is
 * the same every month.
 */
export function nationalCsv(report: NationalReport): string {
  const header = [
    'رتبه (rank)',
    'کد استان (province code)',
    'استان (province)',
    'دفاتر (offices)',
    'فعال (active)',
    'در دست راه‌اندازی (planned)',
    'دادخواست‌های ثبت‌شده این ماه (registered)',
    'ماه قبل (previous month)',
    'تغییر (change)',
    'درصد تغییر (change %)',
    'مناطق محروم دارای دفتر (deprived areas served)',
    'دادخواست‌های مناطق محروم (deprived-area petitions)',
    'هدف (target offices)',
    'پیشرفت نسبت به هدف (progress %)',
  ];
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
    ...csvPreamble(report, 'کشور (national)'),
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

const SOLAR_MONTHS = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
];
const GREGORIAN_MONTHS = [
  'ژانویه',
  'فوریه',
  'مارس',
  'آوریل',
  'مه',
  'ژوئن',
  'ژوئیه',
  'اوت',
  'سپتامبر',
  'اکتبر',
  'نوامبر',
  'دسامبر',
];

/** `شهریور ۱۳۹۸`: a month name reads unambiguously right to left, where `۱۳۹۸-۰۶` may flip. */
function monthName(report: Pick<MonthlyReport, 'month' | 'calendar'>): string {
  const [year, month] = report.month.split('-').map(Number);
  const names = report.calendar === 'solar-hijri' ? SOLAR_MONTHS : GREGORIAN_MONTHS;
  return `${names[month! - 1]} ${persianDigits(year!)}`;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
const persianDigits = (value: number | string) => String(value).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

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
    `${report.provinceName}: دادخواست‌های ثبت‌شده در دفاتر خدمات الکترونیک قضایی`,
    report.offices.map((o) => ({ label: o.name, current: o.registered, previous: o.previous })),
    'جمع استان',
    { registered, previous },
  );
}

/** The national chart: each province's petitions this month against last month. */
export function nationalSvg(report: NationalReport): string {
  const { registered, previous } = report.country;
  return barChart(
    report,
    'دادخواست‌های ثبت‌شده در دفاتر خدمات الکترونیک قضایی کشور',
    report.provinces.map((p) => ({ label: p.name, current: p.registered, previous: p.previous })),
    'جمع کشور',
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
  const running = report.provisional
    ? ` (موقت: ${persianDigits(daysCovered)} روز از ${persianDigits(daysInMonth)} روز)`
    : '';
  const title = `${heading} — ${monthName(report)}${running}`;
  const footer = report.provisional
    ? `${totalLabel} تا امروز: ${persianDigits(total.registered)} در ${persianDigits(daysCovered)} روز؛ ` +
      `ماه قبل (کامل، ${persianDigits(daysInMonth)} روز): ${persianDigits(total.previous)}`
    : `${totalLabel}: ${persianDigits(total.registered)} (ماه قبل ${persianDigits(total.previous)})`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `xml:lang="fa" font-family="Vazirmatn, Tahoma, 'Noto Sans Arabic', sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(width - 12, 32, title, 'font-size="18" font-weight="bold"'),
    `<rect x="${width - 30}" y="50" width="16" height="12" fill="#1f6f8b"/>`,
    text(width - 38, 61, 'این ماه', 'font-size="13"'),
    `<rect x="${width - 130}" y="50" width="16" height="12" fill="#9ccbd9"/>`,
    text(width - 138, 61, 'ماه قبل', 'font-size="13"'),
    text(right, 84, 'تعداد دادخواست', 'font-size="11" fill="#555"'),
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
