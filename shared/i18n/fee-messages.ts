import type { FeeErrorCode } from '../domain/fees';
import type { Language } from './messages';
import * as problemTexts from './problem-texts';

/**
 * Texts for fees and payments, Persian first, kept together; their labels are in fee-labels.ts,
 * their field messages in field-messages.ts and their problems in problem-texts.ts with the
 * others. FEE_ERROR_TEXT says what a FeeError of the quote means; the use cases turn it into
 * field problems.
 */

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
  // The same text as the problem a used version's upload answers (problem-texts.ts).
  'schedule-version-used': problemTexts.scheduleVersionUsed,
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

/** Fee inputs that no schema alone can refuse: a schedule body against its path, a claim without either figure. */
export const FEE_INPUT_TEXT = {
  'schedule-path-mismatch': {
    fa: (p: Record<string, string | number>) => `شناسه نسخه در بدنه باید همان نشانی (${p.versionId}) باشد.`,
    en: (p: Record<string, string | number>) => `The body's versionId must be the one in the path (${p.versionId}).`,
  },
  'claim-or-category-required': {
    fa: () => 'مبلغ خواسته (دعوای مالی) یا دسته دعوای غیرمالی را بنویسید؛ هزینه دادرسی از یکی از این دو حساب می‌شود.',
    en: () =>
      'Give the claim amount (a monetary claim) or the category of a non-monetary claim: the court fee is ' +
      'computed from one of them.',
  },
};

/** A payment callback the gateway protocol cannot read. */
export const CALLBACK_UNREADABLE_TEXT = {
  fa: 'این بازگشت از درگاه پرداخت کامل یا خوانا نیست.',
  en: 'This return from the payment gateway is incomplete or unreadable.',
};

/** The payer's page after the gateway: its title by outcome. */
export const PAYMENT_OUTCOME_TEXT = {
  verified: { fa: 'پرداخت تأیید شد', en: 'Payment confirmed' },
  failed: { fa: 'پرداخت انجام نشد', en: 'Payment not made' },
  reversed: { fa: 'پرداخت برگشت خورد', en: 'Payment given back' },
} as const;

/** What the payer does next, by outcome. */
export const PAYMENT_NEXT_STEP_TEXT = {
  verified: {
    fa: 'رسید این پرداخت نزد دفتر ثبت شد. این صفحه را می‌توانید ببندید و به دفتر برگردید.',
    en: 'The office has the receipt of this payment. You may close this page and return to the office.',
  },
  failed: {
    fa: 'پولی کسر نشده است، یا اگر کسر شده باشد درگاه آن را خودکار برمی‌گرداند. دوباره از دفتر بخواهید.',
    en: 'Nothing was taken, or the gateway gives back what was taken by itself. Ask the office to try again.',
  },
  reversed: {
    fa: 'مبلغ به کارت برگردانده شد. دوباره از دفتر بخواهید.',
    en: 'The amount was returned to the card. Ask the office to try again.',
  },
} as const;

/** The receipt's rows on the payer's page. */
export const PAYMENT_PAGE_TEXT: Record<
  Language,
  Record<'payee' | 'amount' | 'rials' | 'refNum' | 'traceNo', string>
> = {
  fa: { payee: 'دریافت‌کننده', amount: 'مبلغ', rials: 'ریال', refNum: 'شماره مرجع', traceNo: 'شماره پیگیری' },
  en: { payee: 'Payee', amount: 'Amount', rials: 'rials', refNum: 'Reference number', traceNo: 'Trace number' },
};
