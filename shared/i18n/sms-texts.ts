import type { LegalPeriodKind } from '../domain/legal-periods';
import { toPersianDigits } from '../domain/money';
import { describeDay, parseDay } from '../domain/solar-hijri-days';
import type { Payee, PetitionEventOf, PetitionEventType } from '../events/petition-events';

/**
 * The SMS notices' Persian texts (shared/domain/sms.ts checks their length and links and plans
 * their sending). Each names the office and what happened; never a party's name, ID or number.
 */

/** `1404-07-12` → `۱۲ مهر ۱۴۰۴`: the way a deadline is read aloud, so it cannot be mistaken for a Gregorian date. */
export function formatSolarDay(solarDay: string): string {
  const day = parseDay(solarDay);
  if (!day) throw new RangeError(`not a Solar Hijri day: ${solarDay}`);
  return describeDay(day, 'fa');
}

/** `1250000` → `۱٬۲۵۰٬۰۰۰`, with the Persian thousands separator. */
export function formatRials(amount: string): string {
  return toPersianDigits(amount.replace(/\B(?=(\d{3})+(?!\d))/g, '\u066C'));
}

/** What an SMS calls an office that has no short name in the registry. */
export const officeFallbackLabel = (officeCode: string) => `دفتر ${officeCode}`;

export type SmsAudience = 'claimant' | 'defendant';

interface Values {
  office: string;
  /** The tracking code in Persian digits, or a phrase for a draft that has none yet. */
  code?: string;
  caseNumber?: string;
}

export type SmsTemplate<T extends PetitionEventType> = (event: PetitionEventOf<T>, values: Values) => string;

const PAYEE_LABELS: Record<Payee, string> = { 'court-fee': 'هزینه دادرسی', 'office-tariff': 'تعرفه دفتر' };

/** "the time to cure the defects of …", "the time to object to the rejection of …". */
const PERIOD_LABELS: Record<LegalPeriodKind, string> = {
  cure: 'مهلت رفع نقص',
  objection: 'مهلت اعتراض به قرار رد',
};

/** "the petition 1234…" or, for a draft (documents and fees come before submission), "your draft petition". */
const petition = (v: Values) => (v.code ? `دادخواست ${v.code}` : 'دادخواست در حال ثبت شما');
const caseOf = (v: Values) => `پرونده ${v.caseNumber ?? ''}`;
const lines = (v: Values, body: string) => `${v.office}\n${body}`;

/**
 * One template per event and audience. A template exists exactly where the notice table gives
 * that audience an SMS; a defendant's names the case, never the claimant.
 */
export const SMS_TEMPLATES: { [T in PetitionEventType]: { claimant?: SmsTemplate<T>; defendant?: SmsTemplate<T> } } = {
  submitted: {
    claimant: (e, v) =>
      lines(
        v,
        e.data.resubmission
          ? `${petition(v)} پس از رفع نقص دوباره فرستاده شد.`
          : `${petition(v)} ثبت و برای مرجع قضایی فرستاده شد.`,
      ),
  },
  routed: { claimant: (_, v) => lines(v, `مرجع رسیدگی به ${petition(v)} تعیین شد.`) },
  reassigned: {
    claimant: (_, v) => lines(v, `${petition(v)} به مرجع قضایی دیگری ارجاع شد.`),
    defendant: (_, v) => lines(v, `${caseOf(v)} با کد رهگیری ${v.code} به مرجع قضایی دیگری ارجاع شد.`),
  },
  dispatched: { claimant: (_, v) => lines(v, `${petition(v)} در مرجع قضایی به شعبه ارجاع شد.`) },
  registered: {
    claimant: (_, v) => lines(v, `${petition(v)} در مرجع قضایی ثبت شد. شماره پرونده: ${v.caseNumber}`),
    defendant: (_, v) => lines(v, `پرونده‌ای به طرفیت شما با شماره ${v.caseNumber} ثبت شد. کد رهگیری: ${v.code}`),
  },
  returned: {
    claimant: (e, v) =>
      lines(
        v,
        `اخطار رفع نقص ${petition(v)} (${toPersianDigits(String(e.data.defects.length))} مورد) ابلاغ الکترونیک شد.` +
          ` مهلت تا پایان ${formatSolarDay(e.data.cureDeadline.lastDay)}`,
      ),
  },
  'rejection-due': {
    claimant: (_, v) => lines(v, `مهلت رفع نقص ${petition(v)} گذشت و پرونده برای تصمیم به مرجع قضایی رفت.`),
  },
  rejected: {
    claimant: (e, v) =>
      lines(
        v,
        `قرار رد ${petition(v)} ابلاغ الکترونیک شد. مهلت اعتراض تا پایان ${formatSolarDay(e.data.objectionDeadline.lastDay)}`,
      ),
    defendant: (_, v) => lines(v, `قرار رد دادخواست در ${caseOf(v)} با کد رهگیری ${v.code} صادر شد.`),
  },
  reinstated: {
    claimant: (_, v) => lines(v, `${petition(v)} دوباره به جریان افتاد.`),
    defendant: (_, v) => lines(v, `${caseOf(v)} با کد رهگیری ${v.code} دوباره به جریان افتاد.`),
  },
  withdrawn: {
    claimant: (_, v) => lines(v, `${petition(v)} مسترد شد.`),
    defendant: (_, v) => lines(v, `دادخواست ${caseOf(v)} با کد رهگیری ${v.code} مسترد شد.`),
  },
  'document-rejected': {
    claimant: (_, v) => lines(v, `یکی از مدارک ${petition(v)} پذیرفته نشد. لطفاً به دفتر مراجعه کنید.`),
  },
  // Nobody is told (NOTICE_TABLE): the clerk removes a scan with the petitioner at the counter.
  'document-removed': {},
  'payment-verified': {
    claimant: (e, v) =>
      lines(
        v,
        `پرداخت ${formatRials(e.data.amountRials)} ریال بابت ${PAYEE_LABELS[e.data.payee]} ${petition(v)} تأیید شد.`,
      ),
  },
  'deadline-moved': {
    claimant: (e, v) =>
      lines(
        v,
        `به سبب تعطیلی، ${PERIOD_LABELS[e.data.period]} ${petition(v)} تا پایان ${formatSolarDay(e.data.deadline.lastDay)} است.`,
      ),
  },
};
