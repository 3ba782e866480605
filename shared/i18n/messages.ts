import type { ErrorCode } from '../domain/errors';

export type Language = 'fa' | 'en';

type Template = (params: Record<string, string | number>) => string;

/** Problem titles and details, Persian first. Parameters are codes and counts, never personal data. */
export const PROBLEM_TEXT: Record<ErrorCode, Record<Language, { title: string; detail: Template }>> = {
  validation: {
    fa: { title: 'ورودی نامعتبر است', detail: () => 'یک یا چند فیلد نامعتبر است؛ فهرست خطاها را ببینید.' },
    en: { title: 'Invalid input', detail: () => 'One or more fields are invalid; see the list of errors.' },
  },
  'malformed-json': {
    fa: { title: 'بدنه درخواست JSON معتبر نیست', detail: () => 'بدنه درخواست باید یک سند JSON معتبر باشد.' },
    en: { title: 'Malformed JSON body', detail: () => 'The request body must be a valid JSON document.' },
  },
  unauthorized: {
    fa: { title: 'احراز هویت لازم است', detail: () => 'توکن معتبر ارسال نشده است.' },
    en: { title: 'Authentication required', detail: () => 'No valid bearer token was sent.' },
  },
  forbidden: {
    fa: {
      title: 'دسترسی مجاز نیست',
      detail: (p) => `نقش شما اجازه این کار را ندارد.${p.allowed ? ` اقدام‌های مجاز شما: ${p.allowed}` : ''}`,
    },
    en: {
      title: 'Forbidden',
      detail: (p) => `Your role may not do this.${p.allowed ? ` Actions you may take: ${p.allowed}` : ''}`,
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
      detail: (p) => `دفتر از وضعیت ${p.from} نمی‌تواند به ${p.to} برود. مجاز: ${p.allowed}`,
    },
    en: {
      title: 'Status change not allowed',
      detail: (p) => `An office cannot go from ${p.from} to ${p.to}. Allowed: ${p.allowed}`,
    },
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
      detail: (p) => `اقدام ${p.action} از وضعیت ${p.from} ممکن نیست. اقدام‌های مجاز: ${p.allowed}`,
    },
    en: {
      title: 'Step not allowed now',
      detail: (p) => `${p.action} is not possible from ${p.from}. Allowed actions: ${p.allowed}`,
    },
  },
  'documents-not-verified': {
    fa: {
      title: 'مدارک هنوز تأیید نشده‌اند',
      detail: (p) => `پیش از ارسال، همه مدارک باید تأیید شوند. مدارک در انتظار یا ردشده: ${p.documents}`,
    },
    en: {
      title: 'Documents not verified',
      detail: (p) => `Every document must be verified before submission. Pending or rejected: ${p.documents}`,
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
    fa: { title: 'مدرک آماده نیست', detail: (p) => `این مدرک در وضعیت ${p.status} است و قابل دریافت نیست.` },
    en: { title: 'Document not available', detail: (p) => `This document is ${p.status} and cannot be downloaded.` },
  },
  'documents-closed': {
    fa: {
      title: 'افزودن مدرک ممکن نیست',
      detail: (p) => `در وضعیت ${p.status} نمی‌توان مدرک افزود؛ فقط پیش‌نویس یا برگشتی.`,
    },
    en: {
      title: 'Documents closed',
      detail: (p) => `Documents cannot be added in status ${p.status}; only to drafts or returned petitions.`,
    },
  },
  'unsupported-media-type': {
    fa: { title: 'نوع محتوا پشتیبانی نمی‌شود', detail: () => 'بدنه باید application/json باشد.' },
    en: { title: 'Unsupported media type', detail: () => 'The body must be application/json.' },
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
  petition: 'دادخواست',
  document: 'مدرک',
  report: 'گزارش',
  route: 'مسیر',
};

/**
 * Messages for our own validation rules. Schemas refer to them as `msg:<key>` so that the zod
 * schema stays language-neutral and the HTTP layer translates.
 */
export const FIELD_MESSAGES: Record<string, Record<Language, string>> = {
  'office-code': { fa: 'کد دفتر باید ۴ تا ۱۰ رقم باشد.', en: 'Office code must be 4 to 10 digits.' },
  'persian-text': {
    fa: 'فقط حروف فارسی، فاصله و ارقام مجاز است.',
    en: 'Only Persian letters, spaces and digits are allowed.',
  },
  phone: { fa: 'شماره تلفن باید ۱۱ رقم و با ۰ آغاز شود.', en: 'Phone number must be 11 digits starting with 0.' },
  'iso-date': { fa: 'تاریخ باید به شکل YYYY-MM-DD و معتبر باشد.', en: 'Date must be a valid YYYY-MM-DD.' },
  'empty-patch': { fa: 'حداقل یک فیلد برای تغییر لازم است.', en: 'At least one field to change is required.' },
  'national-id': {
    fa: 'کد ملی معتبر نیست (۱۰ رقم با رقم کنترل درست).',
    en: 'Not a valid national ID (10 digits with a correct check digit).',
  },
  'legal-id': {
    fa: 'شناسه ملی شخص حقوقی معتبر نیست (۱۱ رقم).',
    en: 'Not a valid legal entity national ID (11 digits).',
  },
  mobile: { fa: 'شماره همراه باید به شکل 09xxxxxxxxx باشد.', en: 'Mobile number must look like 09xxxxxxxxx.' },
  rials: {
    fa: 'مبلغ خواسته باید عدد صحیح نامنفی (به ریال) و به صورت رشته باشد.',
    en: 'Claim amount must be a non-negative whole number of Rials, sent as a string.',
  },
  'claimant-required': { fa: 'دست‌کم یک خواهان لازم است.', en: 'At least one claimant is required.' },
  'tracking-code': { fa: 'کد رهگیری معتبر نیست.', en: 'Not a valid tracking code.' },
  'idempotency-key': {
    fa: 'سرآیند Idempotency-Key لازم است (۸ تا ۱۲۸ نویسه از حروف لاتین، ارقام، - و _).',
    en: 'The Idempotency-Key header is required (8 to 128 of A-Z, a-z, 0-9, - and _).',
  },
  uuid: { fa: 'شناسه معتبر نیست.', en: 'Not a valid id.' },
  'solar-month': { fa: 'ماه باید به شکل YYYY-MM (هجری شمسی) باشد.', en: 'Month must be a Solar Hijri YYYY-MM.' },
  'file-name': {
    fa: 'نام پرونده نباید / یا \\ یا نویسه کنترلی داشته باشد.',
    en: 'File name must not contain /, \\ or control characters.',
  },
  sha256: { fa: 'SHA-256 باید ۶۴ رقم هگزادسیمال باشد.', en: 'SHA-256 must be 64 hexadecimal digits.' },
  month: { fa: 'ماه باید به شکل YYYY-MM و معتبر باشد.', en: 'Month must be a valid YYYY-MM.' },
  'unknown-field': { fa: 'این فیلد شناخته‌شده نیست.', en: 'This field is not recognised.' },
};

export const FIELD_MESSAGE_PREFIX = 'msg:';

export function fieldMessage(key: keyof typeof FIELD_MESSAGES | string): string {
  return FIELD_MESSAGE_PREFIX + key;
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
