import type { ProblemCode } from '../http/problem';
import { FEE_LABELS, FEE_PROBLEM_TEXT } from './fee-messages';

export type Language = 'fa' | 'en';

type Template = (params: Record<string, string | number>) => string;

/** How people call the codes that messages mention: statuses, actions, kinds. */
export const LABELS: Record<string, Record<Language, string>> = {
  // petition statuses
  draft: { fa: 'پیش‌نویس', en: 'draft' },
  submitted: { fa: 'ارسال‌شده به دادگاه', en: 'submitted' },
  dispatched: { fa: 'ارجاع‌شده', en: 'dispatched' },
  registered: { fa: 'ثبت‌شده در دادگاه', en: 'registered' },
  returned: { fa: 'برگشتی برای رفع نقص', en: 'returned for defects' },
  'rejection-due': { fa: 'مهلت رفع نقص گذشته؛ در انتظار قرار رد', en: 'cure period lapsed; rejection due' },
  rejected: { fa: 'ردشده', en: 'rejected' },
  withdrawn: { fa: 'مستردشده', en: 'withdrawn' },
  // electronic notices (shared/domain/e-notices.ts)
  'defect-notice': { fa: 'اخطار رفع نقص', en: 'defect notice' },
  'rejection-order': { fa: 'قرار رد دادخواست', en: 'rejection order' },
  'cure-period-lapsed': { fa: 'نقص در مهلت قانونی رفع نشد', en: 'the cure period lapsed' },
  'court-order': { fa: 'به دستور دادگاه', en: 'by order of the court' },
  web: { fa: 'درگاه وب', en: 'web portal' },
  'mobile-app': { fa: 'برنامه همراه', en: 'mobile app' },
  // petition actions
  dispatch: { fa: 'ارجاع', en: 'dispatch' },
  register: { fa: 'ثبت', en: 'register' },
  return: { fa: 'بازگرداندن برای رفع نقص', en: 'return for defects' },
  reject: { fa: 'رد', en: 'reject' },
  reinstate: { fa: 'بازگرداندن به جریان', en: 'reinstate' },
  resubmit: { fa: 'ارسال دوباره', en: 'resubmit' },
  withdraw: { fa: 'استرداد', en: 'withdraw' },
  // office statuses
  planned: { fa: 'در دست راه‌اندازی', en: 'planned' },
  active: { fa: 'فعال', en: 'active' },
  suspended: { fa: 'تعلیق‌شده', en: 'suspended' },
  closed: { fa: 'بسته‌شده', en: 'closed' },
  // document statuses
  pending: { fa: 'در انتظار بررسی', en: 'pending verification' },
  verified: { fa: 'تأییدشده', en: 'verified' },
  // petition kinds
  'civil-petition': { fa: 'دادخواست حقوقی', en: 'civil petition' },
  'criminal-complaint': { fa: 'شکوائیه کیفری', en: 'criminal complaint' },
  request: { fa: 'درخواست', en: 'request' },
  appeal: { fa: 'دادخواست تجدیدنظر', en: 'appeal' },
  'written-statement': { fa: 'لایحه', en: 'written statement' },
  // fees and payments: payees, indigency steps
  ...FEE_LABELS,
};

/**
 * What a citizen following a petition should do next, by status. Plain words, no links (notices
 * with links are how phishing imitates the judiciary), the office's name and phone where the
 * citizen has to act.
 */
export function nextStepText(
  status: string,
  language: Language,
  params: { office: string; phone: string; caseNumber: string },
): string {
  const phone = params.phone
    ? language === 'fa'
      ? ` (تلفن ${persianNumber(params.phone)})`
      : ` (phone ${params.phone})`
    : '';
  const texts: Record<string, Record<Language, string>> = {
    draft: {
      fa: 'دادخواست هنوز به دادگاه فرستاده نشده است.',
      en: 'The petition has not been sent to the court yet.',
    },
    submitted: {
      fa: 'دادخواست به دادگاه رسیده است و منتظر ارجاع است. اکنون کاری لازم نیست.',
      en: 'The petition has reached the court and awaits dispatch. Nothing is needed from you now.',
    },
    dispatched: {
      fa: 'دادخواست به شعبه ارجاع شده است و منتظر ثبت است. اکنون کاری لازم نیست.',
      en: 'The petition has been dispatched to a branch and awaits registration. Nothing is needed from you now.',
    },
    registered: {
      fa: `پرونده با شماره ${persianNumber(params.caseNumber)} در دادگاه ثبت شد. ابلاغ‌ها به حساب ثنای شما فرستاده می‌شود.`,
      en: `The case is registered at the court as ${params.caseNumber}. Notices will reach your SANA account.`,
    },
    returned: {
      fa:
        `دادگاه دادخواست را برای رفع نقص برگردانده است (یادداشت دادگاه را ببینید). برای رفع نقص با مدارک لازم ` +
        `به ${params.office}${phone} مراجعه کنید؛ مهلت رفع نقص محدود است.`,
      en:
        `The court returned the petition to correct defects (see the court's note). Bring the documents needed to ` +
        `${params.office}${phone} to correct them; the time to do so is limited.`,
    },
    'rejection-due': {
      fa: 'مهلت رفع نقص به پایان رسیده است و دفتر دادگاه قرار رد دادخواست را صادر می‌کند.',
      en: 'The time to correct the defects has ended; the court office will issue the order rejecting the petition.',
    },
    rejected: {
      fa: `دادگاه دادخواست را رد کرده است. برای آگاهی از راه اعتراض به ${params.office}${phone} مراجعه کنید.`,
      en: `The court rejected the petition. Ask ${params.office}${phone} how to object.`,
    },
    withdrawn: {
      fa: 'دادخواست مسترد شده است و دیگر پیگیری نمی‌شود.',
      en: 'The petition was withdrawn and is no longer pursued.',
    },
  };
  return texts[status]?.[language] ?? '';
}

/** A code as people say it, in `language`; an unknown code is shown as it is. */
export function label(code: string | number | undefined, language: Language): string {
  return LABELS[String(code)]?.[language] ?? String(code ?? '');
}

/** A comma-separated list of codes (as domain errors carry them) as a list people read. */
function labels(codes: string | number | undefined, language: Language): string {
  const list = String(codes ?? '')
    .split(',')
    .filter(Boolean)
    .map((code) => (language === 'fa' ? `«${label(code, 'fa')}»` : label(code, 'en')));
  return list.join(language === 'fa' ? '، ' : ', ');
}

/** Problem titles and details, Persian first. Parameters are codes and counts, never personal data. */
export const PROBLEM_TEXT: Record<ProblemCode, Record<Language, { title: string; detail: Template }>> = {
  validation: {
    fa: { title: 'ورودی نامعتبر است', detail: () => 'یک یا چند فیلد نامعتبر است؛ فهرست خطاها را ببینید.' },
    en: { title: 'Invalid input', detail: () => 'One or more fields are invalid; see the list of errors.' },
  },
  'malformed-json': {
    fa: { title: 'بدنه درخواست JSON معتبر نیست', detail: () => 'بدنه درخواست باید یک سند JSON معتبر باشد.' },
    en: { title: 'Malformed JSON body', detail: () => 'The request body must be a valid JSON document.' },
  },
  'malformed-form': {
    fa: { title: 'فرم نامعتبر است', detail: () => 'بدنه باید فرمی ساده باشد و هیچ فیلدی دو بار نیامده باشد.' },
    en: { title: 'Malformed form', detail: () => 'The body must be a plain form in which no field appears twice.' },
  },
  'invalid-encoding': {
    fa: { title: 'کدگذاری نامعتبر', detail: () => 'بدنه درخواست باید متن UTF-8 معتبر باشد.' },
    en: { title: 'Invalid encoding', detail: () => 'The request body must be valid UTF-8 text.' },
  },
  'nesting-too-deep': {
    fa: {
      title: 'ساختار بیش از حد تودرتو',
      detail: (p) => `آرایه‌ها و شیءهای بدنه حداکثر ${p.maxDepth} سطح تودرتو می‌پذیرند.`,
    },
    en: {
      title: 'Nested too deeply',
      detail: (p) => `Arrays and objects in the body may be nested at most ${p.maxDepth} levels deep.`,
    },
  },
  unauthorized: {
    fa: { title: 'احراز هویت لازم است', detail: () => 'توکن معتبر ارسال نشده است.' },
    en: { title: 'Authentication required', detail: () => 'No valid bearer token was sent.' },
  },
  forbidden: {
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
  },
  'not-found': {
    fa: {
      title: 'یافت نشد',
      detail: (p) => `${FA_THINGS[String(p.what)] ?? 'مورد'} خواسته‌شده وجود ندارد یا در دسترس شما نیست.`,
    },
    en: {
      title: 'Not found',
      detail: (p) => `The requested ${String(p.what ?? 'item')} does not exist or is not yours to see.`,
    },
  },
  conflict: {
    fa: { title: 'تعارض', detail: () => 'درخواست با وضعیت فعلی داده‌ها سازگار نیست.' },
    en: { title: 'Conflict', detail: () => 'The request conflicts with the current state.' },
  },
  'office-exists': {
    fa: { title: 'دفتر تکراری است', detail: (p) => `دفتری با کد ${p.officeCode} از قبل ثبت شده است.` },
    en: { title: 'Office already exists', detail: (p) => `An office with code ${p.officeCode} is already registered.` },
  },
  'office-changed': {
    fa: {
      title: 'دفتر در این فاصله تغییر کرده است',
      detail: (p) => `دفتر دیگر در نسخه ${p.expected} نیست؛ دوباره بخوانید و تکرار کنید.`,
    },
    en: {
      title: 'Office changed meanwhile',
      detail: (p) => `The office is no longer at version ${p.expected}; read it again and retry.`,
    },
  },
  'office-status-step': {
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
  },
  'court-exists': {
    fa: { title: 'دادگاه تکراری است', detail: (p) => `دادگاهی با کد ${p.courtCode} از قبل ثبت شده است.` },
    en: { title: 'Court already exists', detail: (p) => `A court with code ${p.courtCode} is already registered.` },
  },
  'court-changed': {
    fa: {
      title: 'دادگاه در این فاصله تغییر کرده است',
      detail: (p) => `دادگاه دیگر در نسخه ${p.expected} نیست؛ دوباره بخوانید و تکرار کنید.`,
    },
    en: {
      title: 'Court changed meanwhile',
      detail: (p) => `The court is no longer at version ${p.expected}; read it again and retry.`,
    },
  },
  'court-closed': {
    fa: {
      title: 'دادگاه بسته شده است',
      detail: () => 'وضعیت دادگاه بسته‌شده دیگر تغییر نمی‌کند؛ دادگاه تازه را با کد دیگری ثبت کنید.',
    },
    en: {
      title: 'Court closed',
      detail: () => 'A closed court stays closed; register the new court under another code.',
    },
  },
  'no-court-for-petition': {
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
  },
  'court-not-active': {
    fa: { title: 'دادگاه فعال نیست', detail: (p) => `دادگاه ${p.courtCode} فعال نیست و دادخواستی نمی‌پذیرد.` },
    en: { title: 'Court not active', detail: (p) => `Court ${p.courtCode} is not active and takes no petitions.` },
  },
  'objection-period-over': {
    fa: {
      title: 'مهلت اعتراض گذشته است',
      detail: (p) => `آخرین روز مهلت اعتراض به قرار رد ${p.lastDay} بود؛ دادخواست دیگر به جریان بازنمی‌گردد.`,
    },
    en: {
      title: 'Objection period over',
      detail: (p) =>
        `The last day to object to the rejection order was ${p.lastDay}; the petition can no longer be reinstated.`,
    },
  },
  'cure-period-over': {
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
  },
  'holiday-exists': {
    fa: { title: 'این روز قبلاً تعطیل است', detail: (p) => `روز ${p.date} از قبل در تعطیلات استان ثبت شده است.` },
    en: { title: 'Holiday already listed', detail: (p) => `${p.date} is already one of the province's holidays.` },
  },
  'petition-changed': {
    fa: {
      title: 'دادخواست در این فاصله تغییر کرده است',
      detail: (p) => `دادخواست دیگر در نسخه ${p.expected} نیست؛ دوباره بخوانید و تکرار کنید.`,
    },
    en: {
      title: 'Petition changed meanwhile',
      detail: (p) => `The petition is no longer at version ${p.expected}; read it again and retry.`,
    },
  },
  'transition-not-allowed': {
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
  },
  'documents-not-verified': {
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
  },
  'already-rated': {
    fa: { title: 'قبلاً نظر ثبت شده است', detail: () => 'برای هر دادخواست فقط یک بار می‌توان نظر داد.' },
    en: { title: 'Already rated', detail: () => 'Each petition can be rated once.' },
  },
  'idempotency-in-progress': {
    fa: {
      title: 'درخواست مشابه در حال انجام است',
      detail: () => 'درخواستی با همین Idempotency-Key در حال انجام است؛ کمی بعد تکرار کنید.',
    },
    en: {
      title: 'Same request in progress',
      detail: () => 'A request with this Idempotency-Key is still running; retry shortly.',
    },
  },
  'office-not-active': {
    fa: { title: 'دفتر فعال نیست', detail: () => 'فقط دفتر فعال می‌تواند دادخواست ثبت کند.' },
    en: { title: 'Office not active', detail: () => 'Only an active office can register petitions.' },
  },
  'invalid-cursor': {
    fa: { title: 'نشانگر صفحه نامعتبر است', detail: () => 'مقدار cursor را همان‌گونه که پاسخ قبلی داده است بفرستید.' },
    en: { title: 'Invalid cursor', detail: () => 'Send the cursor exactly as the previous page gave it.' },
  },
  'payload-too-large': {
    fa: {
      title: 'بیش از حد مجاز',
      detail: (p) => `اندازه هر پرونده حداکثر ${p.maxBytes} بایت و تعداد مدارک هر دادخواست حداکثر ${p.maxFiles} است.`,
    },
    en: {
      title: 'Over the limit',
      detail: (p) =>
        `Each file may be at most ${p.maxBytes} bytes and a petition may have at most ${p.maxFiles} documents.`,
    },
  },
  'document-not-verified': {
    fa: {
      title: 'مدرک آماده نیست',
      detail: (p) => `این مدرک «${label(p.status, 'fa')}» است و هنوز قابل دریافت نیست.`,
    },
    en: {
      title: 'Document not available',
      detail: (p) => `This document is ${label(p.status, 'en')} and cannot be downloaded yet.`,
    },
  },
  'documents-closed': {
    fa: {
      title: 'افزودن مدرک ممکن نیست',
      detail: (p) => `مدارک دادخواست «${label(p.status, 'fa')}» را نمی‌توان تغییر داد؛ فقط پیش‌نویس یا دادخواست برگشتی.`,
    },
    en: {
      title: 'Documents closed',
      detail: (p) =>
        `The documents of a ${label(p.status, 'en')} petition cannot change; only those of drafts or returned petitions.`,
    },
  },
  'bad-signature': {
    fa: { title: 'امضای درخواست معتبر نیست', detail: () => 'امضا یا زمان درخواست با کلید مشترک نمی‌خواند.' },
    en: { title: 'Bad signature', detail: () => 'The request signature or its timestamp does not verify.' },
  },
  'unsupported-media-type': {
    fa: { title: 'نوع محتوا پشتیبانی نمی‌شود', detail: (p) => `بدنه باید ${p.expected ?? 'application/json'} باشد.` },
    en: { title: 'Unsupported media type', detail: (p) => `The body must be ${p.expected ?? 'application/json'}.` },
  },
  'idempotency-key-mismatch': {
    fa: {
      title: 'کلید تکرارناپذیری با بدنه دیگری به کار رفته است',
      detail: () => 'این Idempotency-Key قبلاً با درخواست دیگری استفاده شده است.',
    },
    en: {
      title: 'Idempotency key reused',
      detail: () => 'This Idempotency-Key was already used with a different request.',
    },
  },
  throttled: {
    fa: { title: 'درخواست‌های بیش از حد', detail: () => 'لطفاً کمی بعد دوباره تلاش کنید.' },
    en: { title: 'Too many requests', detail: () => 'Please try again a little later.' },
  },
  'temporarily-unavailable': {
    fa: {
      title: 'سرویس موقتاً در دسترس نیست',
      detail: () => 'بار سامانه زیاد است؛ پس از زمان Retry-After دوباره تلاش کنید. هیچ تغییری نیمه‌کاره ثبت نشده است.',
    },
    en: {
      title: 'Temporarily unavailable',
      detail: () => 'The service is under load; retry after Retry-After seconds. Nothing was half written.',
    },
  },
  'body-too-large': {
    fa: { title: 'بدنه درخواست بیش از حد بزرگ است', detail: (p) => `بدنه درخواست حداکثر ${p.maxBytes} بایت است.` },
    en: { title: 'Request body too large', detail: (p) => `A request body may be at most ${p.maxBytes} bytes.` },
  },
  ...FEE_PROBLEM_TEXT,
  internal: {
    fa: { title: 'خطای داخلی', detail: () => 'خطایی پیش‌بینی‌نشده رخ داد؛ با شناسه درخواست پیگیری کنید.' },
    en: {
      title: 'Internal error',
      detail: () => 'An unexpected error occurred; quote the request id when reporting it.',
    },
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

/** What a validation problem says, built from the facts (never from the library's own text). */
export interface FieldProblem {
  code: string;
  /** Missing altogether, as opposed to present with the wrong type. */
  missing?: boolean;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  exact?: boolean;
  format?: string;
  values?: readonly unknown[];
}

const TYPE_NAMES: Record<string, Record<Language, string>> = {
  string: { fa: 'متن', en: 'a string' },
  number: { fa: 'عدد', en: 'a number' },
  int: { fa: 'عدد صحیح', en: 'a whole number' },
  boolean: { fa: 'true یا false', en: 'true or false' },
  object: { fa: 'شیء JSON', en: 'a JSON object' },
  array: { fa: 'فهرست', en: 'a list' },
};

const UNITS: Record<string, Record<Language, string>> = {
  string: { fa: 'نویسه', en: 'characters' },
  array: { fa: 'مورد', en: 'items' },
};

const persianCount = (value: string | number | undefined) => persianNumber(Number(value ?? 0));

const persianNumber = (value: number | bigint | string | undefined) =>
  String(value ?? '').replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)] ?? d);

/**
 * The messages of the validation problems our schemas do not name themselves (types, lengths,
 * ranges, choices), in Persian and English. Every text a client sees is written here, so no
 * library wording, half English inside Persian, ever reaches a person.
 */
export function fieldProblemMessages(problem: FieldProblem): Record<Language, string> {
  switch (problem.code) {
    case 'invalid_type': {
      if (problem.missing) return { fa: 'این فیلد لازم است.', en: 'This field is required.' };
      const type = TYPE_NAMES[problem.expected ?? ''];
      return type
        ? { fa: `مقدار باید ${type.fa} باشد.`, en: `The value must be ${type.en}.` }
        : { fa: 'نوع مقدار نادرست است.', en: 'The value has the wrong type.' };
    }
    case 'too_small':
    case 'too_big': {
      const small = problem.code === 'too_small';
      const limit = small ? problem.minimum : problem.maximum;
      const unit = UNITS[problem.origin ?? ''];
      if (problem.origin === 'string' && small && Number(limit) === 1) {
        return { fa: 'این فیلد نباید خالی باشد.', en: 'This field must not be empty.' };
      }
      const fa = unit ? `${persianNumber(limit)} ${unit.fa}` : persianNumber(limit);
      const en = unit ? `${limit} ${unit.en}` : String(limit);
      if (problem.exact) return { fa: `باید دقیقاً ${fa} باشد.`, en: `Must be exactly ${en}.` };
      return small
        ? { fa: `دست‌کم ${fa} لازم است.`, en: `Must be at least ${en}.` }
        : { fa: `حداکثر ${fa} مجاز است.`, en: `Must be at most ${en}.` };
    }
    case 'invalid_value': {
      const choices = (problem.values ?? []).map(String).join('، ');
      const english = (problem.values ?? []).map(String).join(', ');
      return { fa: `یکی از این مقدارها را بفرستید: ${choices}`, en: `Send one of: ${english}` };
    }
    case 'invalid_union':
      return { fa: 'مقدار با هیچ‌یک از شکل‌های مجاز جور نیست.', en: 'The value matches none of the allowed shapes.' };
    case 'invalid_format':
      return { fa: 'قالب مقدار نادرست است.', en: 'The value is not in the expected format.' };
    case 'not_multiple_of':
      return { fa: 'مقدار مجاز نیست.', en: 'The value is not allowed.' };
    default:
      return { fa: 'مقدار نامعتبر است.', en: 'The value is not valid.' };
  }
}

/** Picks Persian or English from an Accept-Language header by quality; Persian when nothing fits. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'fa';
  let best: { lang: Language; q: number } | undefined;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const lang = tag.startsWith('fa') ? 'fa' : tag.startsWith('en') ? 'en' : undefined;
    if (lang && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'fa';
}

/** The last day of a legal period, as the petitioner and the office read it (legal-periods.ts). */
export const LAST_DAY_TEXT: Record<
  Language,
  { lastDay: (weekday: string, day: string) => string; provisional: string }
> = {
  fa: {
    lastDay: (weekday, day) => `آخرین روز مهلت: ${weekday} ${day}، تا پایان همان روز به وقت تهران.`,
    provisional: 'این تاریخ موقت است، زیرا تعطیلات قمری سال هنوز ثبت نشده است.',
  },
  en: {
    lastDay: (weekday, day) => `Last day to act: ${weekday} ${day}, until the end of that day, Tehran time.`,
    provisional: "This date is provisional: the year's lunar holidays are not loaded yet.",
  },
};
