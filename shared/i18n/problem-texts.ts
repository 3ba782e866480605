import type { ProblemCode } from '../http/problem';
import { enLabel, faLabel, rials } from './fee-labels';
import { type Language, label, labels, persianCount, type Template } from './messages';

/**
 * Problem titles and details, Persian first, one export per problem code. Parameters are codes
 * and counts, never personal data. An error carries its text (shared/domain/errors.ts), so a
 * function's bundle holds the texts of the errors its code can raise and no others (issue 16;
 * test/infra/bundle-routes.test.ts); shared/http/problem.ts puts them in the answer.
 */
export interface ProblemText<C extends ProblemCode = ProblemCode> {
  code: C;
  fa: { title: string; detail: Template };
  en: { title: string; detail: Template };
}

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

const FA_THINGS: Record<string, string> = {
  office: 'دفتر',
  court: 'دادگاه',
  calendar: 'تقویم',
  notice: 'ابلاغیه',
  petition: 'دادخواست',
  document: 'مدرک',
  report: 'گزارش',
  route: 'مسیر',
};

export const validation: ProblemText<'validation'> = {
  code: 'validation',
  fa: { title: 'ورودی نامعتبر است', detail: () => 'یک یا چند فیلد نامعتبر است؛ فهرست خطاها را ببینید.' },
  en: { title: 'Invalid input', detail: () => 'One or more fields are invalid; see the list of errors.' },
};
export const malformedJson: ProblemText<'malformed-json'> = {
  code: 'malformed-json',
  fa: { title: 'بدنه درخواست JSON معتبر نیست', detail: () => 'بدنه درخواست باید یک سند JSON معتبر باشد.' },
  en: { title: 'Malformed JSON body', detail: () => 'The request body must be a valid JSON document.' },
};
export const malformedForm: ProblemText<'malformed-form'> = {
  code: 'malformed-form',
  fa: { title: 'فرم نامعتبر است', detail: () => 'بدنه باید فرمی ساده باشد و هیچ فیلدی دو بار نیامده باشد.' },
  en: { title: 'Malformed form', detail: () => 'The body must be a plain form in which no field appears twice.' },
};
export const invalidEncoding: ProblemText<'invalid-encoding'> = {
  code: 'invalid-encoding',
  fa: { title: 'کدگذاری نامعتبر', detail: () => 'بدنه درخواست باید متن UTF-8 معتبر باشد.' },
  en: { title: 'Invalid encoding', detail: () => 'The request body must be valid UTF-8 text.' },
};
export const nestingTooDeep: ProblemText<'nesting-too-deep'> = {
  code: 'nesting-too-deep',
  fa: {
    title: 'ساختار بیش از حد تودرتو',
    detail: (p) => `آرایه‌ها و شیءهای بدنه حداکثر ${p.maxDepth} سطح تودرتو می‌پذیرند.`,
  },
  en: {
    title: 'Nested too deeply',
    detail: (p) => `Arrays and objects in the body may be nested at most ${p.maxDepth} levels deep.`,
  },
};
export const unauthorized: ProblemText<'unauthorized'> = {
  code: 'unauthorized',
  fa: { title: 'احراز هویت لازم است', detail: () => 'توکن معتبر ارسال نشده است.' },
  en: { title: 'Authentication required', detail: () => 'No valid bearer token was sent.' },
};
export const forbidden: ProblemText<'forbidden'> = {
  code: 'forbidden',
  fa: {
    title: 'دسترسی مجاز نیست',
    detail: (p) =>
      'نقش شما اجازه این کار را ندارد.' +
      (p.allowed === undefined
        ? ''
        : p.allowed
          ? ` کارهایی که شما اکنون می‌توانید انجام دهید: ${labels(p.allowed, 'fa')}.`
          : ' در این وضعیت کاری برای نقش شما باز نیست.'),
  },
  en: {
    title: 'Forbidden',
    detail: (p) =>
      'Your role may not do this.' +
      (p.allowed === undefined
        ? ''
        : p.allowed
          ? ` What you can do now: ${labels(p.allowed, 'en')}.`
          : ' Nothing is open to your role in this state.'),
  },
};
export const notFound: ProblemText<'not-found'> = {
  code: 'not-found',
  fa: {
    title: 'یافت نشد',
    detail: (p) => `${FA_THINGS[String(p.what)] ?? 'مورد'} خواسته‌شده وجود ندارد یا در دسترس شما نیست.`,
  },
  en: {
    title: 'Not found',
    detail: (p) => `The requested ${String(p.what ?? 'item')} does not exist or is not yours to see.`,
  },
};
export const officeExists: ProblemText<'office-exists'> = {
  code: 'office-exists',
  fa: { title: 'دفتر تکراری است', detail: (p) => `دفتری با کد ${p.officeCode} از قبل ثبت شده است.` },
  en: { title: 'Office already exists', detail: (p) => `An office with code ${p.officeCode} is already registered.` },
};
export const officeChanged: ProblemText<'office-changed'> = {
  code: 'office-changed',
  fa: {
    title: 'دفتر در این فاصله تغییر کرده است',
    detail: (p) => `دفتر دیگر در نسخه ${p.expected} نیست؛ دوباره بخوانید و تکرار کنید.`,
  },
  en: {
    title: 'Office changed meanwhile',
    detail: (p) => `The office is no longer at version ${p.expected}; read it again and retry.`,
  },
};
/**
 * An office's terminal that is already another's: another office's or the judiciary's. It never
 * says which, so an administrator cannot learn from it which office a terminal id belongs to.
 */
export const paymentTerminalTaken: ProblemText<'payment-terminal-taken'> = {
  code: 'payment-terminal-taken',
  fa: {
    title: 'پایانه پرداخت از آن دیگری است',
    detail: () =>
      'این پایانه پرداخت از آنِ دفتر دیگری یا قوه قضاییه است و تعرفه این دفتر نباید به حساب آنها واریز شود؛ پایانه خود دفتر را ثبت کنید.',
  },
  en: {
    title: 'Payment terminal belongs to another',
    detail: () =>
      "This payment terminal is another office's or the judiciary's, so the office's tariff would be paid to them; " +
      "register the office's own terminal.",
  },
};
export const officeStatusStep: ProblemText<'office-status-step'> = {
  code: 'office-status-step',
  fa: {
    title: 'تغییر وضعیت مجاز نیست',
    detail: (p) =>
      `دفتر «${label(p.from, 'fa')}» نمی‌تواند «${label(p.to, 'fa')}» شود.` +
      (p.allowed ? ` وضعیت‌های ممکن: ${labels(p.allowed, 'fa')}.` : ' وضعیت دفتر بسته‌شده دیگر تغییر نمی‌کند.'),
  },
  en: {
    title: 'Status change not allowed',
    detail: (p) =>
      `An office that is ${label(p.from, 'en')} cannot become ${label(p.to, 'en')}.` +
      (p.allowed ? ` It can become: ${labels(p.allowed, 'en')}.` : ' A closed office stays closed.'),
  },
};
export const officeStatusBackdated: ProblemText<'office-status-backdated'> = {
  code: 'office-status-backdated',
  fa: {
    title: 'تاریخ تغییر وضعیت پیش از آخرین تغییر است',
    detail: (p) =>
      `تاریخ ${p.since} پیش از آخرین تغییر وضعیت ثبت‌شده دفتر (${p.latest}) است؛ ` +
      `تغییر وضعیت باید در همان روز یا پس از آن باشد.`,
  },
  en: {
    title: 'Status change dated before the latest one',
    detail: (p) =>
      `${p.since} is before the office's latest recorded status change (${p.latest}); ` +
      'a status change takes effect on or after it.',
  },
};
export const courtExists: ProblemText<'court-exists'> = {
  code: 'court-exists',
  fa: { title: 'دادگاه تکراری است', detail: (p) => `دادگاهی با کد ${p.courtCode} از قبل ثبت شده است.` },
  en: { title: 'Court already exists', detail: (p) => `A court with code ${p.courtCode} is already registered.` },
};
export const courtChanged: ProblemText<'court-changed'> = {
  code: 'court-changed',
  fa: {
    title: 'دادگاه در این فاصله تغییر کرده است',
    detail: (p) => `دادگاه دیگر در نسخه ${p.expected} نیست؛ دوباره بخوانید و تکرار کنید.`,
  },
  en: {
    title: 'Court changed meanwhile',
    detail: (p) => `The court is no longer at version ${p.expected}; read it again and retry.`,
  },
};
export const courtClosed: ProblemText<'court-closed'> = {
  code: 'court-closed',
  fa: {
    title: 'دادگاه بسته شده است',
    detail: () => 'وضعیت دادگاه بسته‌شده دیگر تغییر نمی‌کند؛ دادگاه تازه را با کد دیگری ثبت کنید.',
  },
  en: {
    title: 'Court closed',
    detail: () => 'A closed court stays closed; register the new court under another code.',
  },
};
export const noCourtForPetition: ProblemText<'no-court-for-petition'> = {
  code: 'no-court-for-petition',
  fa: {
    title: 'دادگاهی برای این دادخواست ثبت نشده است',
    detail: () =>
      'در حوزه قضایی دفتر دادگاهی از نوع لازم نیست و استان دادگاه جایگزینی برای آن تعیین نکرده است؛ ' +
      'مدیر استان باید دادگاه را ثبت یا جایگزین را تعیین کند.',
  },
  en: {
    title: 'No court for this petition',
    detail: () =>
      "The office's judicial district has no court of the kind needed and the province names no fallback for it; " +
      "the province's administrator must register the court or name a fallback.",
  },
};
export const courtNotActive: ProblemText<'court-not-active'> = {
  code: 'court-not-active',
  fa: { title: 'دادگاه فعال نیست', detail: (p) => `دادگاه ${p.courtCode} فعال نیست و دادخواستی نمی‌پذیرد.` },
  en: { title: 'Court not active', detail: (p) => `Court ${p.courtCode} is not active and takes no petitions.` },
};
export const courtOfAnotherKind: ProblemText<'court-of-another-kind'> = {
  code: 'court-of-another-kind',
  fa: {
    title: 'دادگاه از نوع دیگری است',
    detail: (p) => `این دادخواست به دادگاه ${p.courtCode} نمی‌رود: نوع آن دادگاه با نوع دادخواست جور نیست.`,
  },
  en: {
    title: 'Court of another kind',
    detail: (p) => `This petition does not go to court ${p.courtCode}: that court is of a kind it is never routed to.`,
  },
};
export const objectionPeriodOver: ProblemText<'objection-period-over'> = {
  code: 'objection-period-over',
  fa: {
    title: 'مهلت اعتراض گذشته است',
    detail: (p) => `آخرین روز مهلت اعتراض به قرار رد ${p.lastDay} بود؛ دادخواست دیگر به جریان بازنمی‌گردد.`,
  },
  en: {
    title: 'Objection period over',
    detail: (p) =>
      `The last day to object to the rejection order was ${p.lastDay}; the petition can no longer be reinstated.`,
  },
};
export const curePeriodOver: ProblemText<'cure-period-over'> = {
  code: 'cure-period-over',
  fa: {
    title: 'مهلت رفع نقص گذشته است',
    detail: (p) =>
      `آخرین روز مهلت رفع نقص ${p.lastDay} بود و به پایان رسیده است؛ ` +
      'دادخواست دیگر قابل ارسال مجدد نیست و دفتر دادگاه قرار رد آن را صادر می‌کند.',
  },
  en: {
    title: 'Cure period over',
    detail: (p) =>
      `The last day to cure the defects was ${p.lastDay} and it has ended; ` +
      'the petition can no longer be resubmitted, and the court office issues the rejection order.',
  },
};
export const holidayExists: ProblemText<'holiday-exists'> = {
  code: 'holiday-exists',
  fa: { title: 'این روز قبلاً تعطیل است', detail: (p) => `روز ${p.date} از قبل در تعطیلات استان ثبت شده است.` },
  en: { title: 'Holiday already listed', detail: (p) => `${p.date} is already one of the province's holidays.` },
};
/** A lunar load that does not name the load it replaces (or names one no longer stored). */
export const lunarHolidaysLoaded: ProblemText<'lunar-holidays-loaded'> = {
  code: 'lunar-holidays-loaded',
  fa: {
    title: 'تعطیلات قمری این سال در نسخه دیگری است',
    detail: (p) =>
      Number(p.version) > 0
        ? `تعطیلات قمری سال ${p.year} با نسخه ${p.version} بارگذاری شده است؛ ` +
          `برای جایگزینی آن، تقویم را با expectedVersion برابر ${p.version} بفرستید.`
        : `تعطیلات قمری سال ${p.year} هنوز بارگذاری نشده است؛ آن را بدون expectedVersion بفرستید.`,
  },
  en: {
    title: "The year's lunar holidays are at another version",
    detail: (p) =>
      Number(p.version) > 0
        ? `The lunar holidays of ${p.year} are loaded at version ${p.version}; ` +
          `to replace that load, send the calendar with expectedVersion ${p.version}.`
        : `The lunar holidays of ${p.year} are not loaded yet; send them without expectedVersion.`,
  },
};
export const calendarWithoutOpenDay: ProblemText<'calendar-without-open-day'> = {
  code: 'calendar-without-open-day',
  fa: {
    title: 'استان یک سال بی روز کاری می‌ماند',
    detail: (p) =>
      `با این تغییر دفاتر استان از ${p.from} دست‌کم ${persianCount(p.days)} روز پیاپی تعطیل می‌مانند ` +
      'و مهلتی که در این روزها تمام شود هرگز پایان نمی‌یابد؛ تغییر ثبت نشد.',
  },
  en: {
    title: 'The province would have no open day for a year',
    detail: (p) =>
      `With this change the province's offices would be closed for at least ${p.days} days in a row from ${p.from}, ` +
      'and a period ending in them could never end; nothing was changed.',
  },
};
export const noOpenDay: ProblemText<'no-open-day'> = {
  code: 'no-open-day',
  fa: {
    title: 'روز کاری برای پایان مهلت نیست',
    detail: (p) =>
      `تقویم استان ${p.provinceCode} از ${p.from} تا یک سال هیچ روز کاری ندارد و آخرین روز مهلت تعیین نمی‌شود؛ ` +
      'مدیر استان باید روزهای تعطیل هفته یا تعطیلات استان را اصلاح کند.',
  },
  en: {
    title: 'No open day to end the period',
    detail: (p) =>
      `The calendar of province ${p.provinceCode} has no open day for a year from ${p.from}, so the period has no last day; ` +
      "the province's administrator must correct its closed weekdays or holidays.",
  },
};
export const petitionChanged: ProblemText<'petition-changed'> = {
  code: 'petition-changed',
  fa: {
    title: 'دادخواست در این فاصله تغییر کرده است',
    detail: (p) => `دادخواست دیگر در نسخه ${p.expected} نیست؛ دوباره بخوانید و تکرار کنید.`,
  },
  en: {
    title: 'Petition changed meanwhile',
    detail: (p) => `The petition is no longer at version ${p.expected}; read it again and retry.`,
  },
};
export const claimantServed: ProblemText<'claimant-served'> = {
  code: 'claimant-served',
  fa: {
    title: 'خواهان دادخواست برگشتی تغییر نمی‌کند',
    detail: () =>
      'اخطار رفع نقص به خواهان این دادخواست ابلاغ شده است: رفع نقص نمی‌تواند خواهان را حذف یا جایگزین کند ' +
      'یا جای او را در فهرست اصحاب دعوا تغییر دهد. خواهان دیگر دادخواست جداگانه می‌دهد؛ ' +
      'سایر اصحاب دعوا را می‌توان اصلاح کرد یا پس از خواهان افزود.',
  },
  en: {
    title: "A returned petition's claimant stays",
    detail: () =>
      "The defect notice was served on this petition's claimant: a cure cannot remove or replace a claimant, " +
      'nor move one in the list of parties. Another claimant files a petition of their own; ' +
      'the other parties may be corrected, or added after the claimant.',
  },
};
export const transitionNotAllowed: ProblemText<'transition-not-allowed'> = {
  code: 'transition-not-allowed',
  fa: {
    title: 'این اقدام در وضعیت فعلی مجاز نیست',
    detail: (p) =>
      `«${label(p.action, 'fa')}» برای دادخواست «${label(p.from, 'fa')}» ممکن نیست.` +
      (p.allowed
        ? ` کارهایی که اکنون می‌توانید انجام دهید: ${labels(p.allowed, 'fa')}.`
        : ' در این وضعیت کاری برای شما باز نیست.'),
  },
  en: {
    title: 'Step not allowed now',
    detail: (p) =>
      `A petition that is ${label(p.from, 'en')} cannot be given "${label(p.action, 'en')}".` +
      (p.allowed ? ` What you can do now: ${labels(p.allowed, 'en')}.` : ' Nothing is open to you in this state.'),
  },
};
export const documentsNotVerified: ProblemText<'documents-not-verified'> = {
  code: 'documents-not-verified',
  fa: {
    title: 'مدارک هنوز تأیید نشده‌اند',
    detail: (p) =>
      `پیش از ارسال، همه مدارک باید تأیید شوند: ${persianCount(p.pending)} مدرک هنوز در انتظار بررسی و ` +
      `${persianCount(p.rejected)} مدرک ردشده است. مدرک ردشده را حذف کنید و نسخه درست را بارگذاری کنید.`,
  },
  en: {
    title: 'Documents not verified',
    detail: (p) =>
      `Every document must be verified before submission: ${p.pending ?? 0} still pending verification and ` +
      `${p.rejected ?? 0} rejected. Remove a rejected document and upload a correct copy.`,
  },
};
export const alreadyRated: ProblemText<'already-rated'> = {
  code: 'already-rated',
  fa: { title: 'قبلاً نظر ثبت شده است', detail: () => 'برای هر دادخواست فقط یک بار می‌توان نظر داد.' },
  en: { title: 'Already rated', detail: () => 'Each petition can be rated once.' },
};
export const idempotencyInProgress: ProblemText<'idempotency-in-progress'> = {
  code: 'idempotency-in-progress',
  fa: {
    title: 'درخواست مشابه در حال انجام است',
    detail: () => 'درخواستی با همین Idempotency-Key در حال انجام است؛ کمی بعد تکرار کنید.',
  },
  en: {
    title: 'Same request in progress',
    detail: () => 'A request with this Idempotency-Key is still running; retry shortly.',
  },
};
export const officeNotActive: ProblemText<'office-not-active'> = {
  code: 'office-not-active',
  fa: { title: 'دفتر فعال نیست', detail: () => 'فقط دفتر فعال می‌تواند دادخواست ثبت کند.' },
  en: { title: 'Office not active', detail: () => 'Only an active office can register petitions.' },
};
export const invalidCursor: ProblemText<'invalid-cursor'> = {
  code: 'invalid-cursor',
  fa: { title: 'نشانگر صفحه نامعتبر است', detail: () => 'مقدار cursor را همان‌گونه که پاسخ قبلی داده است بفرستید.' },
  en: { title: 'Invalid cursor', detail: () => 'Send the cursor exactly as the previous page gave it.' },
};
export const payloadTooLarge: ProblemText<'payload-too-large'> = {
  code: 'payload-too-large',
  fa: {
    title: 'بیش از حد مجاز',
    detail: (p) => `اندازه هر پرونده حداکثر ${p.maxBytes} بایت و تعداد مدارک هر دادخواست حداکثر ${p.maxFiles} است.`,
  },
  en: {
    title: 'Over the limit',
    detail: (p) =>
      `Each file may be at most ${p.maxBytes} bytes and a petition may have at most ${p.maxFiles} documents.`,
  },
};
export const documentNotVerified: ProblemText<'document-not-verified'> = {
  code: 'document-not-verified',
  fa: {
    title: 'مدرک آماده نیست',
    detail: (p) => `این مدرک «${label(p.status, 'fa')}» است و هنوز قابل دریافت نیست.`,
  },
  en: {
    title: 'Document not available',
    detail: (p) => `This document is ${label(p.status, 'en')} and cannot be downloaded yet.`,
  },
};
export const documentsClosed: ProblemText<'documents-closed'> = {
  code: 'documents-closed',
  fa: {
    title: 'افزودن مدرک ممکن نیست',
    detail: (p) => `مدارک دادخواست «${label(p.status, 'fa')}» را نمی‌توان تغییر داد؛ فقط پیش‌نویس یا دادخواست برگشتی.`,
  },
  en: {
    title: 'Documents closed',
    detail: (p) =>
      `The documents of a ${label(p.status, 'en')} petition cannot change; only those of drafts or returned petitions.`,
  },
};
export const badSignature: ProblemText<'bad-signature'> = {
  code: 'bad-signature',
  fa: { title: 'امضای درخواست معتبر نیست', detail: () => 'امضا یا زمان درخواست با کلید مشترک نمی‌خواند.' },
  en: { title: 'Bad signature', detail: () => 'The request signature or its timestamp does not verify.' },
};
export const unsupportedMediaType: ProblemText<'unsupported-media-type'> = {
  code: 'unsupported-media-type',
  fa: { title: 'نوع محتوا پشتیبانی نمی‌شود', detail: (p) => `بدنه باید ${p.expected ?? 'application/json'} باشد.` },
  en: { title: 'Unsupported media type', detail: (p) => `The body must be ${p.expected ?? 'application/json'}.` },
};
export const idempotencyKeyMismatch: ProblemText<'idempotency-key-mismatch'> = {
  code: 'idempotency-key-mismatch',
  fa: {
    title: 'کلید تکرارناپذیری با بدنه دیگری به کار رفته است',
    detail: () => 'این Idempotency-Key قبلاً با درخواست دیگری استفاده شده است.',
  },
  en: {
    title: 'Idempotency key reused',
    detail: () => 'This Idempotency-Key was already used with a different request.',
  },
};
export const throttled: ProblemText<'throttled'> = {
  code: 'throttled',
  fa: { title: 'درخواست‌های بیش از حد', detail: () => 'لطفاً کمی بعد دوباره تلاش کنید.' },
  en: { title: 'Too many requests', detail: () => 'Please try again a little later.' },
};
export const temporarilyUnavailable: ProblemText<'temporarily-unavailable'> = {
  code: 'temporarily-unavailable',
  fa: {
    title: 'سرویس موقتاً در دسترس نیست',
    detail: () => 'بار سامانه زیاد است؛ پس از زمان Retry-After دوباره تلاش کنید. هیچ تغییری نیمه‌کاره ثبت نشده است.',
  },
  en: {
    title: 'Temporarily unavailable',
    detail: () => 'The service is under load; retry after Retry-After seconds. Nothing was half written.',
  },
};
export const bodyTooLarge: ProblemText<'body-too-large'> = {
  code: 'body-too-large',
  fa: { title: 'بدنه درخواست بیش از حد بزرگ است', detail: (p) => `بدنه درخواست حداکثر ${p.maxBytes} بایت است.` },
  en: { title: 'Request body too large', detail: (p) => `A request body may be at most ${p.maxBytes} bytes.` },
};
export const internal: ProblemText<'internal'> = {
  code: 'internal',
  fa: { title: 'خطای داخلی', detail: () => 'خطایی پیش‌بینی‌نشده رخ داد؛ با شناسه درخواست پیگیری کنید.' },
  en: {
    title: 'Internal error',
    detail: () => 'An unexpected error occurred; quote the request id when reporting it.',
  },
};
export const noFeeSchedule: ProblemText<'no-fee-schedule'> = {
  code: 'no-fee-schedule',
  fa: {
    title: 'جدول هزینه‌ای برای امروز نیست',
    detail: (p) =>
      `برای روز ${p.day} جدول هزینه‌ای بارگذاری نشده است؛ تا مدیر ملی آن را بارگذاری نکند برآورد ممکن نیست.`,
  },
  en: {
    title: 'No fee schedule for today',
    detail: (p) => `No fee schedule is loaded for ${p.day}; nothing can be quoted until the national admin loads one.`,
  },
};
export const scheduleVersionUsed: ProblemText<'schedule-version-used'> = {
  code: 'schedule-version-used',
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
};
export const scheduleChanged: ProblemText<'schedule-changed'> = {
  code: 'schedule-changed',
  fa: {
    title: 'جدول هزینه در این فاصله تغییر کرد',
    detail: () => 'همزمان کس دیگری این نسخه جدول را بارگذاری یا با آن برآورد کرد؛ دوباره بخوانید و تکرار کنید.',
  },
  en: {
    title: 'Fee schedule changed meanwhile',
    detail: () => 'Someone loaded or quoted with this schedule version at the same time; read it again and retry.',
  },
};
export const feesDue: ProblemText<'fees-due'> = {
  code: 'fees-due',
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
};
export const feesNotQuoted: ProblemText<'fees-not-quoted'> = {
  code: 'fees-not-quoted',
  fa: {
    title: 'برای این دادخواست برآورد هزینه نیست',
    detail: () => 'این دادخواست پیش از برآورد هزینه‌ها ثبت شده است؛ آن را ویرایش کنید تا برآورد شود.',
  },
  en: {
    title: 'No fee quote',
    detail: () => 'This petition was stored before fees were quoted; edit it to get a quote.',
  },
};
export const nothingDue: ProblemText<'nothing-due'> = {
  code: 'nothing-due',
  fa: { title: 'بدهی‌ای نیست', detail: (p) => `برای ${faLabel(p.payee)} چیزی برای پرداخت نمانده است.` },
  en: { title: 'Nothing due', detail: (p) => `Nothing is due for ${enLabel(p.payee)}.` },
};
export const paymentInProgress: ProblemText<'payment-in-progress'> = {
  code: 'payment-in-progress',
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
};
export const noPaymentTerminal: ProblemText<'no-payment-terminal'> = {
  code: 'no-payment-terminal',
  fa: {
    title: 'پایانه پرداخت تعریف نشده است',
    detail: (p) => `برای ${faLabel(p.payee)} پایانه پرداختی ثبت نشده است؛ مدیر استان باید پایانه دفتر را ثبت کند.`,
  },
  en: {
    title: 'No payment terminal',
    detail: (p) => `No payment terminal is registered for ${enLabel(p.payee)}; the province admin must register it.`,
  },
};
export const paymentRefused: ProblemText<'payment-refused'> = {
  code: 'payment-refused',
  fa: {
    title: 'بازگشت از درگاه پذیرفته نشد',
    detail: (p) => `این بازگشت از درگاه پذیرفته نشد و چیزی ثبت نشد: ${REFUSALS[String(p.reason)]?.fa ?? p.reason}.`,
  },
  en: {
    title: 'Payment callback refused',
    detail: (p) =>
      `This return from the gateway was refused and nothing was recorded: ${REFUSALS[String(p.reason)]?.en ?? p.reason}.`,
  },
};
export const indigencyStep: ProblemText<'indigency-step'> = {
  code: 'indigency-step',
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
};
export const paymentGatewayError: ProblemText<'payment-gateway-error'> = {
  code: 'payment-gateway-error',
  fa: {
    title: 'درگاه پرداخت پاسخ درستی نداد',
    detail: () => 'درگاه پرداخت درخواست را نپذیرفت یا پاسخ نامفهومی داد؛ کمی بعد دوباره تلاش کنید.',
  },
  en: {
    title: 'Payment gateway error',
    detail: () => 'The payment gateway refused the request or gave an answer we cannot read; try again later.',
  },
};
