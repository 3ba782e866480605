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
    fa: { title: 'دسترسی مجاز نیست', detail: () => 'نقش شما اجازه این کار را ندارد.' },
    en: { title: 'Forbidden', detail: () => 'Your role may not do this.' },
  },
  'not-found': {
    fa: { title: 'یافت نشد', detail: (p) => `${FA_THINGS[String(p.what)] ?? 'مورد'} خواسته‌شده وجود ندارد یا در دسترس شما نیست.` },
    en: { title: 'Not found', detail: (p) => `The requested ${String(p.what ?? 'item')} does not exist or is not yours to see.` },
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
    fa: { title: 'دفتر در این فاصله تغییر کرده است', detail: (p) => `دفتر دیگر در نسخه ${p.expected} نیست؛ دوباره بخوانید و تکرار کنید.` },
    en: { title: 'Office changed meanwhile', detail: (p) => `The office is no longer at version ${p.expected}; read it again and retry.` },
  },
  'office-status-step': {
    fa: { title: 'تغییر وضعیت مجاز نیست', detail: (p) => `دفتر از وضعیت ${p.from} نمی‌تواند به ${p.to} برود. مجاز: ${p.allowed}` },
    en: { title: 'Status change not allowed', detail: (p) => `An office cannot go from ${p.from} to ${p.to}. Allowed: ${p.allowed}` },
  },
  'payload-too-large': {
    fa: { title: 'حجم بیش از حد مجاز', detail: () => 'اندازه اعلام‌شده از حد مجاز بیشتر است.' },
    en: { title: 'Payload too large', detail: () => 'The declared size is over the limit.' },
  },
  'unsupported-media-type': {
    fa: { title: 'نوع محتوا پشتیبانی نمی‌شود', detail: () => 'بدنه باید application/json باشد.' },
    en: { title: 'Unsupported media type', detail: () => 'The body must be application/json.' },
  },
  'idempotency-key-mismatch': {
    fa: { title: 'کلید تکرارناپذیری با بدنه دیگری به کار رفته است', detail: () => 'این Idempotency-Key قبلاً با درخواست دیگری استفاده شده است.' },
    en: { title: 'Idempotency key reused', detail: () => 'This Idempotency-Key was already used with a different request.' },
  },
  throttled: {
    fa: { title: 'درخواست‌های بیش از حد', detail: () => 'لطفاً کمی بعد دوباره تلاش کنید.' },
    en: { title: 'Too many requests', detail: () => 'Please try again a little later.' },
  },
  internal: {
    fa: { title: 'خطای داخلی', detail: () => 'خطایی پیش‌بینی‌نشده رخ داد؛ با شناسه درخواست پیگیری کنید.' },
    en: { title: 'Internal error', detail: () => 'An unexpected error occurred; quote the request id when reporting it.' },
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
  'persian-text': { fa: 'فقط حروف فارسی، فاصله و ارقام مجاز است.', en: 'Only Persian letters, spaces and digits are allowed.' },
  'phone': { fa: 'شماره تلفن باید ۱۱ رقم و با ۰ آغاز شود.', en: 'Phone number must be 11 digits starting with 0.' },
  'iso-date': { fa: 'تاریخ باید به شکل YYYY-MM-DD و معتبر باشد.', en: 'Date must be a valid YYYY-MM-DD.' },
  'empty-patch': { fa: 'حداقل یک فیلد برای تغییر لازم است.', en: 'At least one field to change is required.' },
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
