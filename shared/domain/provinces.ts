import { normaliseText } from './normalise';

/**
 * Iran's 31 provinces (استان‌ها). They change only by law, so they are code, not data an API
 * edits. The codes are the two digits of ISO 3166-2:IR (IR-01 East Azerbaijan … IR-32 Alborz; 09
 * was the Khorasan province divided in 2004), as listed at https://en.wikipedia.org/wiki/ISO_3166-2:IR
 * (read 2026-11-28). Once stored they never change here, even if ISO renumbers: a code is an
 * identifier in every office, court, holiday, target and report key.
 */
export interface Province {
  code: string;
  fa: string;
  en: string;
}

export const PROVINCES = [
  { code: '01', fa: 'آذربایجان شرقی', en: 'East Azerbaijan' },
  { code: '02', fa: 'آذربایجان غربی', en: 'West Azerbaijan' },
  { code: '03', fa: 'اردبیل', en: 'Ardabil' },
  { code: '04', fa: 'اصفهان', en: 'Isfahan' },
  { code: '05', fa: 'ایلام', en: 'Ilam' },
  { code: '06', fa: 'بوشهر', en: 'Bushehr' },
  { code: '07', fa: 'تهران', en: 'Tehran' },
  { code: '08', fa: 'چهارمحال و بختیاری', en: 'Chaharmahal and Bakhtiari' },
  { code: '10', fa: 'خوزستان', en: 'Khuzestan' },
  { code: '11', fa: 'زنجان', en: 'Zanjan' },
  { code: '12', fa: 'سمنان', en: 'Semnan' },
  { code: '13', fa: 'سیستان و بلوچستان', en: 'Sistan and Baluchestan' },
  { code: '14', fa: 'فارس', en: 'Fars' },
  { code: '15', fa: 'کرمان', en: 'Kerman' },
  { code: '16', fa: 'کردستان', en: 'Kurdistan' },
  { code: '17', fa: 'کرمانشاه', en: 'Kermanshah' },
  { code: '18', fa: 'کهگیلویه و بویراحمد', en: 'Kohgiluyeh and Boyer-Ahmad' },
  { code: '19', fa: 'گیلان', en: 'Gilan' },
  { code: '20', fa: 'لرستان', en: 'Lorestan' },
  { code: '21', fa: 'مازندران', en: 'Mazandaran' },
  { code: '22', fa: 'مرکزی', en: 'Markazi' },
  { code: '23', fa: 'هرمزگان', en: 'Hormozgan' },
  { code: '24', fa: 'همدان', en: 'Hamadan' },
  { code: '25', fa: 'یزد', en: 'Yazd' },
  { code: '26', fa: 'قم', en: 'Qom' },
  { code: '27', fa: 'گلستان', en: 'Golestan' },
  { code: '28', fa: 'قزوین', en: 'Qazvin' },
  { code: '29', fa: 'خراسان جنوبی', en: 'South Khorasan' },
  { code: '30', fa: 'خراسان رضوی', en: 'Razavi Khorasan' },
  { code: '31', fa: 'خراسان شمالی', en: 'North Khorasan' },
  { code: '32', fa: 'البرز', en: 'Alborz' },
] as const satisfies readonly Province[];

export type ProvinceCode = (typeof PROVINCES)[number]['code'];

export const PROVINCE_CODES = PROVINCES.map((p) => p.code) as readonly ProvinceCode[];

export function isProvinceCode(value: string): value is ProvinceCode {
  return (PROVINCE_CODES as readonly string[]).includes(value);
}

export function provinceOf(code: string): Province | undefined {
  return PROVINCES.find((p) => p.code === code);
}

/**
 * The province an office stored before provinces had codes names in Persian (`خراسان جنوبی`):
 * matched after the same normalisation every input gets (Arabic ي/ك, spaces), with or without the
 * word استان.
 */
export function provinceByName(name: string): Province | undefined {
  const wanted = normaliseText(name)
    .replace(/^استان\s+/, '')
    .replace(/\s+/g, ' ');
  return PROVINCES.find((p) => p.fa === wanted);
}
