import type { FeeErrorCode } from '../domain/fees';
import { formatRialsForPeople, isRialsString } from '../domain/money';
import type { Language } from './messages';

/**
 * Texts for fees and payments, Persian first, in the shapes of PROBLEM_TEXT and LABELS, which take
 * them in (messages.ts): kept here so that the fee texts live together. Their field messages are
 * in field-messages.ts with the others. FEE_ERROR_TEXT says what a FeeError of the quote means;
 * the use cases turn it into field problems.
 */

/** How people call the fee and payment codes that messages mention. */
export const FEE_LABELS: Record<string, Record<Language, string>> = {
  judiciary: { fa: 'هزینه دادرسی (قوه قضاییه)', en: 'the court fee (judiciary)' },
  office: { fa: 'تعرفه خدمات دفتر', en: "the office's tariff" },
  update: { fa: 'ویرایش', en: 'update' },
  claim: { fa: 'ثبت ادعای اعسار', en: 'claim indigency' },
  grant: { fa: 'پذیرش اعسار', en: 'grant indigency' },
  'claim-indigency': { fa: 'ثبت ادعای اعسار', en: 'indigency claimed' },
  'grant-indigency': { fa: 'پذیرش اعسار', en: 'indigency granted' },
  'reject-indigency': { fa: 'رد اعسار', en: 'indigency rejected' },
  claimed: { fa: 'ادعاشده', en: 'claimed' },
  granted: { fa: 'پذیرفته‌شده', en: 'granted' },
  none: { fa: 'ثبت‌نشده', en: 'none' },
};

const rials = (value: string | number | undefined, language: Language) => {
  const text = String(value ?? '0');
  const amount = isRialsString(text) ? formatRialsForPeople(BigInt(text), language) : text;
  return language === 'fa' ? `${amount} ریال` : `${amount} rials`;
};
const faLabel = (code: string | number | undefined) => FEE_LABELS[String(code)]?.fa ?? String(code ?? '');
const enLabel = (code: string | number | undefined) => FEE_LABELS[String(code)]?.en ?? String(code ?? '');

const REFUSALS: Record<string, Record<Language, string>> = {
  'order-id-mismatch': { fa: 'شماره سفارش با پرداخت نمی‌خواند', en: 'the order id does not match the payment' },
  'terminal-mismatch': { fa: 'پایانه با پرداخت نمی‌خواند', en: 'the terminal does not match the payment' },
  'token-mismatch': { fa: 'توکن با پرداخت نمی‌خواند', en: 'the token does not match the payment' },
  'amount-mismatch': { fa: 'مبلغ با پرداخت نمی‌خواند', en: 'the amount does not match the payment' },
  'reference-missing': { fa: 'شماره مرجع ندارد', en: 'it has no reference number' },
  'reference-reused': {
    fa: 'شماره مرجع آن پیش‌تر برای پرداخت دیگری به کار رفته است',
    en: 'its reference number already paid for another payment',
  },
  'reference-unknown': {
    fa: 'درگاه چنین شماره مرجعی را تأیید نکرد',
    en: 'the gateway did not confirm such a reference number',
  },
  'reference-mismatch': {
    fa: 'پاسخ تأیید درگاه با شماره مرجع نمی‌خواند',
    en: "the gateway's verification does not match the reference",
  },
  'not-awaiting-verify': { fa: 'پرداخت در انتظار تأیید نیست', en: 'the payment is not awaiting verification' },
  replay: {
    fa: 'این پرداخت پیش‌تر با نتیجه دیگری بسته شده است (بازپخش)',
    en: 'the payment was already settled with another result (a replay)',
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

type ProblemTemplate = (params: Record<string, string | number>) => string;

/** Problem texts of the fee and payment codes (the keys are codes of shared/domain/errors.ts). */
export const FEE_PROBLEM_TEXT = {
  'no-fee-schedule': {
    fa: {
      title: 'جدول هزینه‌ای برای امروز نیست',
      detail: (p) =>
        `برای روز ${p.day} جدول هزینه‌ای بارگذاری نشده است؛ تا مدیر ملی آن را بارگذاری نکند برآورد ممکن نیست.`,
    },
    en: {
      title: 'No fee schedule for today',
      detail: (p) =>
        `No fee schedule is loaded for ${p.day}; nothing can be quoted until the national admin loads one.`,
    },
  },
  'schedule-version-used': FEE_ERROR_TEXT['schedule-version-used'],
  'schedule-changed': {
    fa: {
      title: 'جدول هزینه در این فاصله تغییر کرد',
      detail: () => 'همزمان کس دیگری این نسخه جدول را بارگذاری یا با آن برآورد کرد؛ دوباره بخوانید و تکرار کنید.',
    },
    en: {
      title: 'Fee schedule changed meanwhile',
      detail: () => 'Someone loaded or quoted with this schedule version at the same time; read it again and retry.',
    },
  },
  'fees-due': {
    fa: {
      title: 'هزینه‌ها پرداخت نشده است',
      detail: (p) =>
        `پیش از ارسال باید هزینه‌ها پرداخت شود: ${rials(p.dueRials, 'fa')} مانده است ` +
        `(هزینه دادرسی ${rials(p.judiciaryDueRials, 'fa')}، تعرفه دفتر ${rials(p.officeDueRials, 'fa')}). ` +
        'اگر خواهان توان پرداخت هزینه دادرسی را ندارد، ادعای اعسار را ثبت کنید.',
    },
    en: {
      title: 'Fees not paid',
      detail: (p) =>
        `The fees must be paid before submission: ${rials(p.dueRials, 'en')} is due ` +
        `(court fee ${rials(p.judiciaryDueRials, 'en')}, office tariff ${rials(p.officeDueRials, 'en')}). ` +
        'If the claimant cannot pay the court fee, record an indigency claim.',
    },
  },
  'fees-not-quoted': {
    fa: {
      title: 'برای این دادخواست برآورد هزینه نیست',
      detail: () => 'این دادخواست پیش از برآورد هزینه‌ها ثبت شده است؛ آن را ویرایش کنید تا برآورد شود.',
    },
    en: {
      title: 'No fee quote',
      detail: () => 'This petition was stored before fees were quoted; edit it to get a quote.',
    },
  },
  'nothing-due': {
    fa: { title: 'بدهی‌ای نیست', detail: (p) => `برای ${faLabel(p.payee)} چیزی برای پرداخت نمانده است.` },
    en: { title: 'Nothing due', detail: (p) => `Nothing is due for ${enLabel(p.payee)}.` },
  },
  'payment-in-progress': {
    fa: {
      title: 'پرداختی در جریان است',
      detail: () =>
        'پرداخت دیگری برای همین دریافت‌کننده هنوز باز است: آن را در درگاه کامل یا لغو کنید، یا تا پایان مهلت آن صبر کنید.',
    },
    en: {
      title: 'Payment in progress',
      detail: () =>
        'Another payment to the same payee is still open: complete or cancel it at the gateway, or wait until it lapses.',
    },
  },
  'no-payment-terminal': {
    fa: {
      title: 'پایانه پرداخت تعریف نشده است',
      detail: (p) => `برای ${faLabel(p.payee)} پایانه پرداختی ثبت نشده است؛ مدیر استان باید پایانه دفتر را ثبت کند.`,
    },
    en: {
      title: 'No payment terminal',
      detail: (p) => `No payment terminal is registered for ${enLabel(p.payee)}; the province admin must register it.`,
    },
  },
  'payment-refused': {
    fa: {
      title: 'بازگشت از درگاه پذیرفته نشد',
      detail: (p) => `این بازگشت از درگاه پذیرفته نشد و چیزی ثبت نشد: ${REFUSALS[String(p.reason)]?.fa ?? p.reason}.`,
    },
    en: {
      title: 'Payment callback refused',
      detail: (p) =>
        `This return from the gateway was refused and nothing was recorded: ${REFUSALS[String(p.reason)]?.en ?? p.reason}.`,
    },
  },
  'indigency-step': {
    fa: {
      title: 'این اقدام اعسار اکنون ممکن نیست',
      detail: (p) =>
        `«${faLabel(p.action)}» برای این دادخواست ممکن نیست (اعسار: ${faLabel(p.indigency)}). ادعای اعسار را دفتر ` +
        'روی پیش‌نویس یا دادخواست برگشتی ثبت می‌کند و دادگاه پس از ارسال درباره آن تصمیم می‌گیرد.',
    },
    en: {
      title: 'Indigency step not possible now',
      detail: (p) =>
        `"${enLabel(p.action)}" is not possible for this petition (indigency: ${enLabel(p.indigency)}). The office ` +
        'records a claim on a draft or a returned petition; the court decides it once submitted.',
    },
  },
  'payment-gateway-error': {
    fa: {
      title: 'درگاه پرداخت پاسخ درستی نداد',
      detail: () => 'درگاه پرداخت درخواست را نپذیرفت یا پاسخ نامفهومی داد؛ کمی بعد دوباره تلاش کنید.',
    },
    en: {
      title: 'Payment gateway error',
      detail: () => 'The payment gateway refused the request or gave an answer we cannot read; try again later.',
    },
  },
} satisfies Record<string, Record<Language, { title: string; detail: ProblemTemplate }>>;

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
