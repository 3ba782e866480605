import { FEE_LABELS } from './fee-labels';

export type Language = 'fa' | 'en';

export type Template = (params: Record<string, string | number>) => string;

/**
 * How people call the codes that messages mention: statuses, actions, kinds. The fee and payment
 * codes are in FEE_LABELS (fee-labels.ts), which `label` reads after these: spread in here, they
 * were a read of another module's export at load, which esbuild keeps, and with it this table in
 * every bundle that imports this module for anything (verification's 2.6 KiB).
 */
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
  // the steps a refusal may name besides the actions: a rejection by its reason, a reassignment
  'reject:court-order': { fa: 'رد به دستور دادگاه', en: 'reject by court order' },
  'reject:cure-period-lapsed': { fa: 'رد برای گذشتن مهلت رفع نقص', en: 'reject for the lapsed cure period' },
  reassign: { fa: 'ارجاع به دادگاه دیگر', en: 'reassign to another court' },
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
  return (LABELS[String(code)] ?? FEE_LABELS[String(code)])?.[language] ?? String(code ?? '');
}

/** A comma-separated list of codes (as domain errors carry them) as a list people read. */
export function labels(codes: string | number | undefined, language: Language): string {
  const list = String(codes ?? '')
    .split(',')
    .filter(Boolean)
    .map((code) => (language === 'fa' ? `«${label(code, 'fa')}»` : label(code, 'en')));
  return list.join(language === 'fa' ? '، ' : ', ');
}

/** What a validation problem says, built from the facts (never from the library's own text). */
export interface FieldProblem {
  code: string;
  /** Missing altogether, as opposed to present with the wrong type. */
  missing?: boolean;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  /** False for a strict bound (`positive()` is "more than 0"); zod sets it on every range issue. */
  inclusive?: boolean;
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

const UNITS: Record<string, { fa: string; en: string; enOne: string }> = {
  string: { fa: 'نویسه', en: 'characters', enOne: 'character' },
  array: { fa: 'مورد', en: 'items', enOne: 'item' },
};

export const persianCount = (value: string | number | undefined) => persianNumber(Number(value ?? 0));

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
      const en = unit ? `${limit} ${Number(limit) === 1 ? unit.enOne : unit.en}` : String(limit);
      if (problem.exact) return { fa: `باید دقیقاً ${fa} باشد.`, en: `Must be exactly ${en}.` };
      if (problem.inclusive === false) {
        return small
          ? { fa: `باید بیشتر از ${fa} باشد.`, en: `Must be more than ${en}.` }
          : { fa: `باید کمتر از ${fa} باشد.`, en: `Must be less than ${en}.` };
      }
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
