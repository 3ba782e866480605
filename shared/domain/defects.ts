import type { LocalizedName } from './holidays';

/**
 * Coded defects a court office returns a petition for. Article 53 of the Code of Civil Procedure
 * (1379) lists the curable defects: (1) the fees of the petition and its attachments are unpaid;
 * (2) clauses 2 to 6 of Article 51 are not met. Article 54 gives ten days from service to cure them.
 *
 * Article 51's clauses, as read from the published text of the code:
 *   1. the claimant's name, surname, father's name, age, residence and if possible occupation;
 *   2. the defendant's name, surname, residence and occupation;
 *   3. the claim (خواسته) and its value, unless it cannot be valued or is not monetary;
 *   4. the obligations and grounds on which the claimant holds themselves entitled, stated clearly;
 *   5. what the claimant asks of the court;
 *   6. the evidence and means of proof relied on (documents, writings, witnesses with their names,
 *      particulars and addresses);
 *   7. the signature (or fingerprint) of the petitioner.
 * Clause 1 is not among Article 53's curable defects, so it has no code here; clause 2 is the
 * defendant's particulars only. The copies of documents that must be attached are Article 57's rule;
 * they are asked for under clause 6 because the documents relied on are the evidence of that clause.
 */
export const DEFECT_CODES = [
  'unpaid-fees',
  'defendant-particulars',
  'claim-and-value',
  'grounds-of-claim',
  'relief-sought',
  'evidence',
] as const;
export type DefectCode = (typeof DEFECT_CODES)[number];

export interface DefectDefinition {
  code: DefectCode;
  /** Where the law requires it: Article 53(1) for fees, otherwise a clause of Article 51. */
  basis: { article: number; clause: number; text: LocalizedName };
  label: LocalizedName;
  /** What the petitioner should do to cure it, in plain words. */
  whatToDo: LocalizedName;
}

export const DEFECTS: Readonly<Record<DefectCode, DefectDefinition>> = {
  'unpaid-fees': {
    code: 'unpaid-fees',
    basis: {
      article: 53,
      clause: 1,
      text: { fa: 'بند ۱ ماده ۵۳ قانون آیین دادرسی مدنی', en: 'Article 53(1), Code of Civil Procedure' },
    },
    label: { fa: 'هزینه دادرسی پرداخت نشده است', en: 'Court fees not paid' },
    whatToDo: {
      fa: 'هزینه دادرسی دادخواست و پیوست‌های آن را به‌طور کامل از طریق دفتر خدمات الکترونیک قضایی بپردازید.',
      en: 'Pay the full court fees for the petition and its attachments through a Judicial Electronic Services Office.',
    },
  },
  'defendant-particulars': {
    code: 'defendant-particulars',
    basis: {
      article: 51,
      clause: 2,
      text: { fa: 'بند ۲ ماده ۵۱ قانون آیین دادرسی مدنی', en: 'Article 51(2), Code of Civil Procedure' },
    },
    label: { fa: 'مشخصات خوانده کامل نیست', en: "The defendant's particulars are incomplete" },
    whatToDo: {
      fa:
        'نام، نام خانوادگی، اقامتگاه و شغل خوانده را بنویسید. ' +
        'نشانی باید با شهر یا روستا، خیابان و پلاک چنان کامل باشد که ابلاغ به آسانی ممکن شود. ' +
        'اگر خوانده شخص حقوقی است، نام و اقامتگاه آن را بنویسید.',
      en:
        "Give the defendant's first name, surname, residence and occupation. The address must be complete (city or " +
        'village, street, number) so that papers can be served easily. For a legal entity, give its name and address.',
    },
  },
  'claim-and-value': {
    code: 'claim-and-value',
    basis: {
      article: 51,
      clause: 3,
      text: { fa: 'بند ۳ ماده ۵۱ قانون آیین دادرسی مدنی', en: 'Article 51(3), Code of Civil Procedure' },
    },
    label: { fa: 'خواسته یا بهای آن تعیین نشده است', en: 'The claim or its value is not stated' },
    whatToDo: {
      fa:
        'خواسته را به‌روشنی تعیین کنید و بهای آن را به ریال بنویسید، ' +
        'مگر آن‌که تعیین بها ممکن نباشد یا خواسته مالی نباشد.',
      en:
        'State exactly what you claim and its value in rials, ' +
        'unless it cannot be valued or is not a claim for money or property.',
    },
  },
  'grounds-of-claim': {
    code: 'grounds-of-claim',
    basis: {
      article: 51,
      clause: 4,
      text: { fa: 'بند ۴ ماده ۵۱ قانون آیین دادرسی مدنی', en: 'Article 51(4), Code of Civil Procedure' },
    },
    label: { fa: 'جهات و دلایل استحقاق روشن نیست', en: 'The grounds of the claim are not clear' },
    whatToDo: {
      fa: 'تعهدات و جهاتی را که به موجب آن خود را مستحق خواسته می‌دانید، چنان روشن بنویسید که مقصود واضح باشد.',
      en: 'Set out the obligations and facts that entitle you to your claim, clearly enough that your case is plain.',
    },
  },
  'relief-sought': {
    code: 'relief-sought',
    basis: {
      article: 51,
      clause: 5,
      text: { fa: 'بند ۵ ماده ۵۱ قانون آیین دادرسی مدنی', en: 'Article 51(5), Code of Civil Procedure' },
    },
    label: { fa: 'درخواست شما از دادگاه نوشته نشده است', en: 'What you ask the court for is not stated' },
    whatToDo: {
      fa: 'در شرح دادخواست بنویسید که دقیقاً چه رأیی درباره خواسته از دادگاه می‌خواهید.',
      en: 'In the statement of the petition, write exactly what decision on your claim you ask the court to make.',
    },
  },
  evidence: {
    code: 'evidence',
    basis: {
      article: 51,
      clause: 6,
      text: { fa: 'بند ۶ ماده ۵۱ قانون آیین دادرسی مدنی', en: 'Article 51(6), Code of Civil Procedure' },
    },
    label: { fa: 'ادله و مدارک ذکر یا پیوست نشده است', en: 'Evidence is not listed or attached' },
    whatToDo: {
      fa:
        'ادله اثبات ادعا را به ترتیب و روشن بنویسید. ' +
        'اگر به گواهی گواهان استناد می‌کنید، نام، مشخصات و نشانی دقیق آنان را بنویسید. ' +
        'رونوشت یا تصویر خوانا و گواهی‌شده اسنادی را که به آن استناد کرده‌اید پیوست کنید.',
      en:
        'List your evidence clearly and in order. For witnesses, give their names, particulars and exact addresses. ' +
        'Attach legible, certified copies of the documents you rely on.',
    },
  },
};

export function isDefectCode(value: string): value is DefectCode {
  return (DEFECT_CODES as readonly string[]).includes(value);
}

/** The labels of a return's defects in one language, in the order of the law. */
export function defectLabels(codes: readonly DefectCode[], language: 'fa' | 'en'): string[] {
  return DEFECT_CODES.filter((code) => codes.includes(code)).map((code) => DEFECTS[code].label[language]);
}
