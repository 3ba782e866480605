import type { FeeErrorCode } from '../domain/fees';
import type { Language } from './messages';

/**
 * Texts for fees, Persian first, in the shapes of FIELD_MESSAGES and PROBLEM_TEXT. Kept in their
 * own file until the fee routes are wired: then these entries join those two tables (parseInput
 * looks keys up in FIELD_MESSAGES only) and FeeError codes join the ErrorCode union.
 */
export const FEE_FIELD_MESSAGES: Record<string, Record<Language, string>> = {
  'fee-rials': {
    fa: 'مبلغ باید عدد صحیح نامنفی ریال و به صورت رشته باشد.',
    en: 'Amount must be a non-negative whole number of rials, sent as a string.',
  },
  'fee-code': {
    fa: 'کد باید از حروف کوچک لاتین، ارقام و خط تیره باشد.',
    en: 'Code must be lower-case letters, digits and hyphens.',
  },
  'fee-solar-day': {
    fa: 'تاریخ باید روزی معتبر در تقویم هجری شمسی به شکل YYYY-MM-DD باشد.',
    en: 'Date must be a valid Solar Hijri day, YYYY-MM-DD.',
  },
  'fee-brackets-start': { fa: 'نخستین پله باید از صفر ریال آغاز شود.', en: 'The first bracket must start at 0 rials.' },
  'fee-bracket-empty': { fa: 'پایان پله باید بیشتر از آغاز آن باشد.', en: 'A bracket must end above where it starts.' },
  'fee-brackets-contiguous': {
    fa: 'هر پله باید دقیقاً از پایان پله قبلی آغاز شود (بی‌فاصله و بی‌هم‌پوشانی).',
    en: 'Each bracket must start exactly where the previous one ends (no gap, no overlap).',
  },
  'fee-brackets-open-ended': {
    fa: 'فقط آخرین پله، و حتماً آن، بی‌سقف است (toRials برابر null).',
    en: 'The last bracket, and only it, must be open-ended (toRials null).',
  },
  'fee-calculation-claim': {
    fa: 'درصد فقط برای دعوای مالی و فهرست دسته‌ها فقط برای دعوای غیرمالی است.',
    en: 'A percentage is for monetary claims and a category list for non-monetary ones.',
  },
  'fee-version-id': {
    fa: 'شناسه نسخه باید <سال>-r<ویرایش> باشد و برای داده نمونه با demo- آغاز شود.',
    en: 'The version id must be <year>-r<revision>, prefixed demo- for demo data.',
  },
  'fee-year-mismatch': {
    fa: 'تاریخ اعتبار باید در همان سال جدول باشد.',
    en: "Validity dates must fall in the schedule's year.",
  },
  'fee-validity-order': {
    fa: 'پایان اعتبار نباید پیش از آغاز آن باشد.',
    en: 'Validity must not end before it starts.',
  },
  'fee-duplicate-code': { fa: 'این کد تکراری است.', en: 'This code is used twice.' },
  'fee-rule-overlap': {
    fa: 'این قاعده با قاعده دیگری برای همان نوع، مرحله و خواسته هم‌پوشانی دارد.',
    en: 'This rule overlaps another for the same kind, stage and claim.',
  },
  'fee-tariff-kind-overlap': {
    fa: 'برای هر نوع سند فقط یک قلم پایه مجاز است.',
    en: 'Each kind of document may have only one base item.',
  },
  'fee-duplicate-charge': {
    fa: 'این نوع قلم تعرفه فقط یک بار مجاز است.',
    en: 'This kind of tariff item may appear only once.',
  },
  'fee-extras-missing': {
    fa: 'وقتی قلم پایه شمار طرفین و برگ‌ها را در بر دارد، اقلام «طرف اضافه» و «برگ اضافه» لازم است.',
    en: 'A base item with included parties and pages needs extra-party and extra-page items.',
  },
  'fee-ambiguous-claim': {
    fa: 'خواسته یا مالی است (مبلغ) یا غیرمالی (دسته)، نه هر دو.',
    en: 'A claim is monetary (an amount) or non-monetary (a category), not both.',
  },
};

type Template = (params: Record<string, string | number>) => string;

export const FEE_ERROR_TEXT: Record<FeeErrorCode, Record<Language, { title: string; detail: Template }>> = {
  'no-schedule-for-date': {
    fa: {
      title: 'جدول هزینه‌ای برای این روز نیست',
      detail: (p) => `برای ${p.day} جدول هزینه‌ای بارگذاری نشده است؛ مدیر ملی باید آن را بارگذاری کند.`,
    },
    en: {
      title: 'No fee schedule for this day',
      detail: (p) => `No fee schedule is loaded for ${p.day}; the national admin must load one.`,
    },
  },
  'ambiguous-schedule': {
    fa: {
      title: 'چند جدول هم‌رتبه',
      detail: (p) => `برای ${p.day} بیش از یک جدول هم‌رتبه (${p.versionId}) معتبر است.`,
    },
    en: {
      title: 'Several equal schedules',
      detail: (p) => `More than one schedule of equal rank (${p.versionId}) is valid on ${p.day}.`,
    },
  },
  'schedule-not-valid-on-date': {
    fa: { title: 'جدول در این روز معتبر نیست', detail: (p) => `جدول ${p.versionId} در ${p.day} معتبر نیست.` },
    en: { title: 'Schedule not valid on this day', detail: (p) => `Schedule ${p.versionId} is not valid on ${p.day}.` },
  },
  'schedule-version-used': {
    fa: {
      title: 'این نسخه جدول به کار رفته است',
      detail: (p) =>
        `با نسخه ${p.versionId} برآورد صادر شده و تغییرپذیر نیست؛ اصلاح را به صورت ویرایش ${p.nextRevision} بارگذاری کنید.`,
    },
    en: {
      title: 'Schedule version in use',
      detail: (p) =>
        `Quotes were made with ${p.versionId}, so it cannot change; load the correction as revision ${p.nextRevision}.`,
    },
  },
  'no-court-fee-rule': {
    fa: {
      title: 'قاعده هزینه دادرسی یافت نشد',
      detail: (p) => `جدول برای نوع ${p.kind} در مرحله ${p.stage} با خواسته ${p.claim} قاعده‌ای ندارد.`,
    },
    en: {
      title: 'No court-fee rule',
      detail: (p) => `The schedule has no rule for a ${p.kind} at stage ${p.stage} with claim ${p.claim}.`,
    },
  },
  'no-tariff-item': {
    fa: { title: 'قلم تعرفه یافت نشد', detail: (p) => `جدول قلم تعرفه ${p.item} را ندارد.` },
    en: { title: 'No tariff item', detail: (p) => `The schedule has no tariff item for ${p.item}.` },
  },
  'claim-amount-required': {
    fa: {
      title: 'مبلغ خواسته لازم است',
      detail: () => 'هزینه دادرسی این دعوا درصدی از خواسته است؛ مبلغ خواسته را وارد کنید.',
    },
    en: {
      title: 'Claim amount required',
      detail: () => 'This court fee is a percentage of the claim; enter the claim amount.',
    },
  },
  'judgment-amount-required': {
    fa: {
      title: 'مبلغ محکوم‌به لازم است',
      detail: () => 'هزینه دادرسی این مرحله درصدی از محکوم‌به است؛ مبلغ آن را وارد کنید.',
    },
    en: {
      title: 'Judgment amount required',
      detail: () => 'This court fee is a percentage of the judgment; enter the judgment amount.',
    },
  },
  'ambiguous-claim': {
    fa: { title: 'خواسته دوگانه', detail: () => 'خواسته یا مالی است یا غیرمالی، نه هر دو.' },
    en: { title: 'Ambiguous claim', detail: () => 'A claim is either monetary or non-monetary, not both.' },
  },
  'unknown-category': {
    fa: { title: 'دسته خواسته نامعتبر', detail: (p) => `دسته ${p.category} در جدول هزینه نیست.` },
    en: { title: 'Unknown claim category', detail: (p) => `Category ${p.category} is not in the fee schedule.` },
  },
  'unknown-service': {
    fa: { title: 'خدمت نامعتبر', detail: (p) => `خدمت ${p.service} در تعرفه نیست.` },
    en: { title: 'Unknown service', detail: (p) => `Service ${p.service} is not in the tariff.` },
  },
  'invalid-quote-input': {
    fa: { title: 'ورودی برآورد نامعتبر', detail: (p) => `مقدار ${p.field} نامعتبر است.` },
    en: { title: 'Invalid quote input', detail: (p) => `The value of ${p.field} is invalid.` },
  },
};
