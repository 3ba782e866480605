import { formatRialsForPeople } from '../domain/money';

/**
 * The words a fee quote's lines are explained with (shared/domain/fees.ts computes the figures):
 * the basis of each line, in Persian and English, as the quote keeps them.
 */
const BASE_WORDS = {
  claim: { fa: 'خواسته', en: 'the claim' },
  judgment: { fa: 'محکوم‌به', en: 'the judgment' },
};

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const faNumber = (value: number) => formatRialsForPeople(BigInt(value), 'fa');

export const QUOTE_TEXT = {
  flat: { fa: 'مبلغ مقطوع', en: 'flat amount' },
  flatForCategory: { fa: 'مبلغ مقطوع این دسته', en: 'flat amount for this category' },
  noCourtFee: { fa: 'هزینه دادرسی ندارد', en: 'no court fee' },
  rials: { fa: 'ریال', en: 'rials' },
  /** One rate on its slice: `۲٫۵٪ از ۲۰۰٬۰۰۰٬۰۰۰`. */
  slice: {
    fa: (percent: string, slice: string) => `${percent} از ${slice}`,
    en: (percent: string, slice: string) => `${percent} of ${slice}`,
  },
  zeroBase: {
    fa: (base: keyof typeof BASE_WORDS) => `${BASE_WORDS[base].fa} صفر ریال`,
    en: (base: keyof typeof BASE_WORDS) => `${BASE_WORDS[base].en} is 0 rials`,
  },
  /** The slices summed: each rate on its own part of the claim (or judgment), rounded up once. */
  marginal: {
    fa: (slices: string[], base: keyof typeof BASE_WORDS, rounded: boolean) =>
      `${slices.join(' + ')} ریال ${BASE_WORDS[base].fa} (هر نرخ بر بخش خود)` +
      (rounded ? '، گرد به بالا تا ریال کامل' : ''),
    en: (slices: string[], base: keyof typeof BASE_WORDS, rounded: boolean) =>
      `${slices.join(' + ')} rials of ${BASE_WORDS[base].en} (each rate on its own part)` +
      (rounded ? ', rounded up to the whole rial' : ''),
  },
  /** The office's base item: one petition of its kind, and what it includes. */
  base: {
    fa: (kind: string, includes?: string) => `یک ${kind}` + (includes ? `، شامل ${includes}` : ''),
    en: (kind: string, includes?: string) => `one ${kind}` + (includes ? `, including ${includes}` : ''),
  },
  includes: {
    fa: (claimants: number, defendants: number, pages: number) =>
      `${faNumber(claimants)} خواهان، ${faNumber(defendants)} خوانده و ${faNumber(pages)} برگ پیوست`,
    en: (claimants: number, defendants: number, pages: number) =>
      `${plural(claimants, 'claimant')}, ${plural(defendants, 'defendant')} and ${plural(pages, 'attachment page')}`,
  },
  extraParties: { fa: 'طرف اضافه', en: 'extra parties' },
  extraPages: { fa: 'برگ پیوست اضافه', en: 'extra attachment pages' },
  oncePerQuote: { fa: 'یک بار برای این برآورد', en: 'once per quote' },
};
