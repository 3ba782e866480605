import { PETITION_KINDS } from './petition';
import type { MonthlyReport, OfficeRow } from './report';

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

/**
 * The per-office table as CSV that Excel opens with Persian intact: UTF-8 with a byte-order mark,
 * CRLF line ends, RFC 4180 quoting, bilingual headers.
 */
export function reportCsv(report: MonthlyReport): string {
  const header = [
    'رتبه (rank)',
    'کد دفتر (office code)',
    'نام دفتر (name)',
    'حوزه قضایی (judicial district)',
    'شهرستان (county)',
    'بخش (bakhsh)',
    'محروم (deprived area)',
    'وضعیت (status)',
    `دادخواست‌های ثبت‌شده ${report.month} (registered)`,
    'ماه قبل (previous month)',
    'تغییر (change)',
    'درصد تغییر (change %)',
    ...PETITION_KINDS.map((k) => `${KIND_LABELS[k]} (${k})`),
    'مدارک ذخیره‌شده (documents stored)',
    'برگشت برای رفع نقص (returned for defects)',
    'تعداد نظرها (ratings)',
    'میانگین رضایت کلی (overall rating)',
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
  ];
  const lines = [header.map((h) => cell(h)), ...report.offices.map(row)].map((cells) => cells.join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

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
function monthName(report: MonthlyReport): string {
  const [year, month] = report.month.split('-').map(Number);
  const names = report.calendar === 'solar-hijri' ? SOLAR_MONTHS : GREGORIAN_MONTHS;
  return `${names[month! - 1]} ${persianDigits(year!)}`;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
const persianDigits = (value: number | string) => String(value).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

/**
 * A bar chart of each office's petitions this month against last month, right to left: office
 * names on the right, bars growing leftwards, Persian digits, readable without any web font.
 */
export function reportSvg(report: MonthlyReport): string {
  const width = 960;
  const labelWidth = 330;
  const rowHeight = 34;
  const top = 90;
  const height = top + Math.max(1, report.offices.length) * rowHeight + 40;
  const chartWidth = width - labelWidth - 80;
  const max = Math.max(1, ...report.offices.flatMap((o) => [o.registered, o.previous]));
  const scale = (n: number) => Math.round((n / max) * chartWidth);
  const right = width - labelWidth - 10;
  const bars = report.offices.map((office, i) => {
    const y = top + i * rowHeight;
    const current = scale(office.registered);
    const previous = scale(office.previous);
    return [
      `<text x="${width - 12}" y="${y + 20}" direction="rtl" text-anchor="start" font-size="14">${escapeXml(office.name)}</text>`,
      `<rect x="${right - current}" y="${y + 4}" width="${current}" height="13" ` +
        `fill="#1f6f8b"><title>${persianDigits(office.registered)}</title></rect>`,
      `<rect x="${right - previous}" y="${y + 18}" width="${previous}" height="9" ` +
        `fill="#9ccbd9"><title>${persianDigits(office.previous)}</title></rect>`,
      `<text x="${right - current - 6}" y="${y + 15}" direction="rtl" text-anchor="start" ` +
        `font-size="12">${persianDigits(office.registered)}</text>`,
    ].join('');
  });
  const title = `دادخواست‌های ثبت‌شده در دفاتر خدمات الکترونیک قضایی — ${monthName(report)}`;
  const { registered, previous } = report.province;
  const footer = `جمع استان: ${persianDigits(registered)} (ماه قبل ${persianDigits(previous)})`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `xml:lang="fa" font-family="Vazirmatn, Tahoma, 'Noto Sans Arabic', sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${width - 12}" y="32" direction="rtl" text-anchor="start" font-size="18" font-weight="bold">${escapeXml(title)}</text>`,
    `<rect x="${width - 30}" y="50" width="16" height="12" fill="#1f6f8b"/><text x="${width - 38}" y="61" ` +
      `direction="rtl" text-anchor="start" font-size="13">این ماه</text>`,
    `<rect x="${width - 130}" y="50" width="16" height="12" fill="#9ccbd9"/><text x="${width - 138}" y="61" ` +
      `direction="rtl" text-anchor="start" font-size="13">ماه قبل</text>`,
    ...bars,
    `<text x="${width - 12}" y="${height - 14}" direction="rtl" text-anchor="start" font-size="12" ` +
      `fill="#555">${escapeXml(footer)}</text>`,
    '</svg>',
  ].join('\n');
}
