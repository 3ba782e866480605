import type { AttentionReason } from '../domain/attention';
import { DEFECT_CODES, DEFECTS } from '../domain/defects';
import { toPersianDigits } from '../domain/money';
import { PETITION_KINDS, type PetitionKind } from '../domain/petition';

/**
 * The report files' text (shared/domain/report-files.ts lays them out): CSV headers in Persian
 * with the English name in brackets, so a spreadsheet reads in either language, and the chart's
 * Persian labels. A header row never changes from month to month: spreadsheets read by it.
 */

const KIND_LABELS: Record<PetitionKind, string> = {
  'civil-petition': 'دادخواست حقوقی',
  'criminal-complaint': 'شکوائیه کیفری',
  request: 'درخواست',
  appeal: 'تجدیدنظر',
  'written-statement': 'لایحه',
};

/** The offices' table of a province's CSV, in the order of its columns (report-files.ts's rows follow it). */
export const OFFICE_TABLE_HEADER: readonly string[] = [
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

/** A yes-or-no cell (a deprived area). */
export const YES_NO = { yes: 'بله', no: 'خیر' };

/** The provinces' table of the national CSV. */
export const NATIONAL_TABLE_HEADER: readonly string[] = [
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

/** The lines above a CSV's table: what the file is and whether its month is still running. */
export const PREAMBLE_TEXT = {
  title: 'گزارش ماهانه دفاتر خدمات الکترونیک قضایی (monthly report)',
  national: 'کشور (national)',
  status: 'وضعیت (status)',
  final: 'نهایی (final)',
  provisional: (daysCovered: number, daysInMonth: number) =>
    `موقت: ${daysCovered} روز از ${daysInMonth} روز ماه (provisional: ${daysCovered} of ${daysInMonth} days)`,
  utcRange: 'بازه به وقت جهانی (UTC range)',
};

/** The attention list below a province's offices in its CSV. */
export const ATTENTION_TEXT = {
  heading: 'دادخواست‌های نیازمند بررسی استان (petitions needing attention)',
  header: [
    'شناسه دادخواست (petition id)',
    'کد دفتر (office code)',
    'کد دادگاه (court code)',
    'وضعیت (status)',
    'علت (reason)',
    'آخرین روز مهلت (last day)',
    'علت بازبینی (review reason)',
  ],
  reasons: {
    'provisional-deadline': 'مهلت موقت (provisional deadline)',
    'flagged-for-review': 'نیازمند بازبینی ارجاع (flagged for review)',
  } satisfies Record<AttentionReason, string>,
};

const MONTH_NAMES = {
  'solar-hijri': [
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
  ],
  gregorian: ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'],
} as const;

/** `شهریور ۱۳۹۸`: a month name reads unambiguously right to left, where `۱۳۹۸-۰۶` may flip. */
export function monthName(report: { month: string; calendar: keyof typeof MONTH_NAMES }): string {
  const [year, month] = report.month.split('-').map(Number);
  return `${MONTH_NAMES[report.calendar][month! - 1]} ${toPersianDigits(String(year))}`;
}

const n = (value: number) => toPersianDigits(String(value));

/** The bar chart's labels, Persian digits throughout. */
export const CHART_TEXT = {
  provinceHeading: (provinceName: string) => `${provinceName}: دادخواست‌های ثبت‌شده در دفاتر خدمات الکترونیک قضایی`,
  provinceTotal: 'جمع استان',
  nationalHeading: 'دادخواست‌های ثبت‌شده در دفاتر خدمات الکترونیک قضایی کشور',
  nationalTotal: 'جمع کشور',
  running: (daysCovered: number, daysInMonth: number) => ` (موقت: ${n(daysCovered)} روز از ${n(daysInMonth)} روز)`,
  runningFooter: (totalLabel: string, registered: number, previous: number, daysCovered: number, daysInMonth: number) =>
    `${totalLabel} تا امروز: ${n(registered)} در ${n(daysCovered)} روز؛ ` +
    `ماه قبل (کامل، ${n(daysInMonth)} روز): ${n(previous)}`,
  closedFooter: (totalLabel: string, registered: number, previous: number) =>
    `${totalLabel}: ${n(registered)} (ماه قبل ${n(previous)})`,
  thisMonth: 'این ماه',
  previousMonth: 'ماه قبل',
  axis: 'تعداد دادخواست',
};
