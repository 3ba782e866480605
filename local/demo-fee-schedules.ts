import {
  type Bilingual,
  FEE_STAGES,
  type FeeSchedule,
  feeScheduleVersionId,
  type Provenance,
} from '../shared/domain/fees';
import { solarHijriDate } from '../shared/domain/solar-hijri';
import { solarHijriYearSpan } from '../shared/domain/solar-hijri-days';

/**
 * DEMO DATA for the local runtime: the 1403 figures gathered in issue 14, each with its source and
 * how far it is confirmed, none verified against the official text. The schedules of the current
 * and the next Solar Hijri year are the same figures carried forward and marked unverified, since
 * nobody has checked them for those years; they exist so that `npm start` can quote today and
 * after the next Nowruz. Everything here is `demo: true`; a real schedule for a year outranks it.
 */

const TABLE_16: Bilingual = {
  fa:
    'ماده ۵۰۳ قانون آیین دادرسی مدنی و ماده ۳ قانون وصول برخی از درآمدهای دولت (۱۳۷۳)، ' +
    'به‌روزشده با جدول ۱۶ قانون بودجه ۱۴۰۳ (به گزارش پایگاه‌های حقوقی، بدون تغییر از ۱۴۰۲)',
  en:
    'Art. 503 Code of Civil Procedure and Art. 3 Law on Collecting Certain Government Revenues (1373), ' +
    'updated by Table 16 of the 1403 budget law (reported by legal sites as unchanged from 1402)',
};
const CIRCULAR: Bilingual = {
  fa: 'بخشنامه ۱۰۰/۲۷۸۹/۹۰۰۰ قوه قضاییه (۱۳۹۶)، به نقل پایگاه‌های حقوقی',
  en: 'Judiciary circular 100/2789/9000 (1396), as quoted by legal sites',
};
const SINGLE_UNNAMED: Bilingual = { fa: 'یک منبع بی‌نام', en: 'a single unnamed source' };
const REPORTED_FLAT: Bilingual = {
  fa: 'ارقام مقطوع گزارش‌شده ۱۴۰۳ در پایگاه‌های حقوقی',
  en: '1403 flat figures as reported by legal sites',
};
const TARIFF_1403: Bilingual = {
  fa: 'تعرفه خدمات دفاتر خدمات الکترونیک قضایی ۱۴۰۳، منتشرشده در پایگاه‌های حقوقی',
  en: '1403 service tariff of the Judicial Electronic Services Offices, as published on legal sites',
};
const NO_FIGURE: Bilingual = {
  fa: 'رقمی گردآوری نشده است؛ در نسخه نمونه بدون هزینه فرض شده',
  en: 'no figure was gathered; taken as none in the demo',
};

const secondary = (source: Bilingual): Provenance => ({ source, status: 'secondary-source' });
const LATER_STAGES_KINDS = ['civil-petition', 'appeal'] as const;

export const DEMO_FEE_SCHEDULE_1403: FeeSchedule = {
  versionId: feeScheduleVersionId({ year: 1403, revision: 1, demo: true }),
  year: 1403,
  revision: 1,
  validFrom: '1403-01-01',
  validTo: '1403-12-30',
  demo: true,
  title: { fa: 'جدول هزینه‌ها و تعرفه ۱۴۰۳ (نمونه)', en: 'Fees and tariff 1403 (demo)' },
  courtFeeRules: [
    {
      code: 'civil-first-instance-monetary',
      label: { fa: 'هزینه دادرسی بدوی (دعوای مالی)', en: 'Court fee, first instance (monetary claim)' },
      kinds: ['civil-petition'],
      stages: ['first-instance'],
      claim: 'monetary',
      calculation: {
        type: 'percentage',
        base: 'claim',
        brackets: [
          { fromRials: '0', toRials: '200000000', basisPoints: 250, source: SINGLE_UNNAMED, status: 'unverified' },
          { fromRials: '200000000', toRials: null, basisPoints: 350, ...secondary(CIRCULAR) },
        ],
      },
      ...secondary(TABLE_16),
    },
    {
      code: 'civil-first-instance-non-monetary',
      label: { fa: 'هزینه دادرسی بدوی (دعوای غیرمالی)', en: 'Court fee, first instance (non-monetary claim)' },
      kinds: ['civil-petition'],
      stages: ['first-instance'],
      claim: 'non-monetary',
      calculation: {
        type: 'by-category',
        // Only the range 400,000 to 1,800,000 rials was reported, not which claim pays what; the
        // two ends stand in as categories until the table itself is read.
        categories: [
          {
            code: 'reported-lowest',
            label: { fa: 'کمترین رقم گزارش‌شده (دسته نمونه)', en: 'lowest reported figure (demo category)' },
            amountRials: '400000',
            source: REPORTED_FLAT,
            status: 'unverified',
          },
          {
            code: 'reported-highest',
            label: { fa: 'بیشترین رقم گزارش‌شده (دسته نمونه)', en: 'highest reported figure (demo category)' },
            amountRials: '1800000',
            source: REPORTED_FLAT,
            status: 'unverified',
          },
        ],
      },
      ...secondary(REPORTED_FLAT),
    },
    {
      code: 'appeal-objection',
      label: { fa: 'هزینه دادرسی تجدیدنظر و واخواهی', en: 'Court fee, appeal and objection' },
      kinds: [...LATER_STAGES_KINDS],
      stages: ['appeal', 'objection'],
      claim: 'monetary',
      calculation: {
        type: 'percentage',
        base: 'judgment',
        brackets: [{ fromRials: '0', toRials: null, basisPoints: 450, ...secondary(TABLE_16) }],
      },
      ...secondary(TABLE_16),
    },
    {
      code: 'cassation-retrial-third-party',
      label: {
        fa: 'هزینه دادرسی فرجام، اعاده دادرسی و اعتراض ثالث',
        en: 'Court fee, cassation, retrial and third-party objection',
      },
      kinds: [...LATER_STAGES_KINDS],
      stages: ['cassation', 'retrial', 'third-party-objection'],
      claim: 'monetary',
      calculation: {
        type: 'percentage',
        base: 'judgment',
        brackets: [{ fromRials: '0', toRials: null, basisPoints: 550, ...secondary(TABLE_16) }],
      },
      ...secondary(TABLE_16),
      note: {
        fa: 'منابع نرخ را گفته‌اند نه پایه را؛ محکوم‌به به عنوان پایه فرض شده است.',
        en: 'The sources give the rate, not its base; the judgment amount is assumed.',
      },
    },
    {
      code: 'criminal-complaint',
      label: { fa: 'هزینه شکوائیه کیفری', en: 'Criminal complaint fee' },
      kinds: ['criminal-complaint'],
      stages: ['first-instance'],
      claim: 'any',
      calculation: { type: 'flat', amountRials: '100000' },
      ...secondary(REPORTED_FLAT),
    },
    {
      code: 'written-statement',
      label: { fa: 'لایحه', en: 'Written statement' },
      kinds: ['written-statement'],
      stages: [...FEE_STAGES],
      claim: 'any',
      calculation: { type: 'none' },
      source: {
        fa: 'لایحه در پرونده جاری ثبت می‌شود؛ هزینه دادرسی جداگانه‌ای گزارش نشده است',
        en: 'filed in a running case; no separate court fee reported',
      },
      status: 'unverified',
    },
    {
      code: 'request',
      label: { fa: 'هزینه دادرسی درخواست', en: 'Court fee, request' },
      kinds: ['request'],
      stages: ['first-instance'],
      claim: 'any',
      calculation: { type: 'none' },
      source: NO_FIGURE,
      status: 'unverified',
    },
  ],
  tariffItems: [
    {
      code: 'petition',
      label: { fa: 'ثبت دادخواست یا شکوائیه', en: 'Registering a petition or complaint' },
      amountRials: '770000',
      charge: {
        type: 'base',
        kinds: ['civil-petition', 'criminal-complaint', 'request', 'appeal'],
        includes: { claimants: 1, defendants: 1, attachmentPages: 2 },
      },
      ...secondary(TARIFF_1403),
    },
    {
      code: 'written-statement',
      label: { fa: 'ثبت لایحه', en: 'Filing a written statement' },
      amountRials: '630000',
      charge: { type: 'base', kinds: ['written-statement'] },
      ...secondary(TARIFF_1403),
    },
    {
      code: 'extra-party',
      label: { fa: 'هر طرف اضافه', en: 'Each extra party' },
      amountRials: '70000',
      charge: { type: 'extra-party' },
      ...secondary(TARIFF_1403),
    },
    {
      code: 'extra-page',
      label: { fa: 'هر برگ پیوست اضافه', en: 'Each extra attachment page' },
      amountRials: '70000',
      charge: { type: 'extra-page' },
      ...secondary(TARIFF_1403),
    },
    {
      code: 'electronic-payment',
      label: { fa: 'پرداخت الکترونیک', en: 'Electronic payment' },
      amountRials: '75000',
      charge: { type: 'electronic-payment' },
      ...secondary(TARIFF_1403),
    },
    {
      code: 'sana-registration',
      label: { fa: 'ثبت‌نام در سامانه ثنا', en: 'SANA registration' },
      amountRials: '335000',
      charge: { type: 'per-unit' },
      ...secondary(TARIFF_1403),
    },
    {
      code: 'formal-notice',
      label: { fa: 'ثبت اظهارنامه', en: 'Formal notice (ezharnameh)' },
      amountRials: '630000',
      charge: { type: 'per-unit' },
      ...secondary(TARIFF_1403),
    },
  ],
};

const CARRIED: Bilingual = {
  fa: ' (رقم ۱۴۰۳، برای نمونه به این سال آورده شده)',
  en: ' (the 1403 figure, carried forward for the demo)',
};

function carried<T extends Provenance>(item: T): T {
  return {
    ...item,
    source: { fa: item.source.fa + CARRIED.fa, en: item.source.en + CARRIED.en },
    status: 'unverified',
  };
}

/** The 1403 figures as a demo schedule for another year, every figure marked unverified for it. */
export function carryForward(base: FeeSchedule, year: number): FeeSchedule {
  const { first, last } = solarHijriYearSpan(year);
  return {
    ...base,
    versionId: feeScheduleVersionId({ year, revision: 1, demo: true }),
    year,
    revision: 1,
    validFrom: first,
    validTo: last,
    demo: true,
    title: {
      fa: `جدول هزینه‌ها و تعرفه ${year} (نمونه، ارقام ۱۴۰۳)`,
      en: `Fees and tariff ${year} (demo, 1403 figures)`,
    },
    derivedFrom: base.versionId,
    courtFeeRules: base.courtFeeRules.map((rule) => {
      const calc = rule.calculation;
      const calculation =
        calc.type === 'percentage'
          ? { ...calc, brackets: calc.brackets.map(carried) }
          : calc.type === 'by-category'
            ? { ...calc, categories: calc.categories.map(carried) }
            : calc;
      return { ...carried(rule), calculation };
    }),
    tariffItems: base.tariffItems.map(carried),
  };
}

/**
 * The demo schedules for the instant `now`: 1403 as gathered, and the current and next Solar
 * Hijri years carried forward from it. Computed from `now`, not written down, so that the local
 * runtime can still quote after the next Nowruz and in any later year.
 */
export function demoFeeSchedules(now: Date): FeeSchedule[] {
  const current = solarHijriDate(now).year;
  const years = [...new Set([current, current + 1])].filter((year) => year !== DEMO_FEE_SCHEDULE_1403.year);
  return [DEMO_FEE_SCHEDULE_1403, ...years.map((year) => carryForward(DEMO_FEE_SCHEDULE_1403, year))];
}
