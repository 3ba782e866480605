import { formatRialsForPeople, isRialsString } from '../domain/money';
import type { Language } from './messages';

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
  rejected: { fa: 'ردشده', en: 'rejected' },
  reject: { fa: 'رد اعسار', en: 'reject indigency' },
  none: { fa: 'ثبت‌نشده', en: 'none' },
};

export const rials = (value: string | number | undefined, language: Language) => {
  const text = String(value ?? '0');
  const amount = isRialsString(text) ? formatRialsForPeople(BigInt(text), language) : text;
  return language === 'fa' ? `${amount} ریال` : `${amount} rials`;
};
export const faLabel = (code: string | number | undefined) => FEE_LABELS[String(code)]?.fa ?? String(code ?? '');
export const enLabel = (code: string | number | undefined) => FEE_LABELS[String(code)]?.en ?? String(code ?? '');
