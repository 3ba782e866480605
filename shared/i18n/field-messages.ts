import type { FieldText } from './field-text';

/**
 * The messages of our own validation rules, in Persian and English, one export each: schemas and
 * use cases name the ones they give (`fieldMessage(fieldTexts.officeCode)`,
 * `fieldText(fieldTexts.documentTooBig, { maxBytes })`), so esbuild leaves the others out of a
 * function's bundle. zod's own problems (types, lengths, choices) are worded in messages.ts.
 */

export const officeCode: FieldText = {
  fa: 'کد دفتر باید ۴ تا ۱۰ رقم باشد.',
  en: 'Office code must be 4 to 10 digits.',
};
export const courtCode: FieldText = {
  fa: 'کد دادگاه باید ۲ تا ۲۰ نویسه از حروف بزرگ لاتین، ارقام و خط تیره باشد.',
  en: 'Court code must be 2 to 20 upper-case Latin letters, digits and hyphens.',
};
export const caseNumber: FieldText = {
  fa: 'شماره پرونده باید ۶ تا ۲۰ رقم باشد.',
  en: 'Case number must be 6 to 20 digits.',
};
export const caseReferenceRequired: FieldText = {
  fa: 'برای لایحه و تجدیدنظرخواهی، دادگاه و شماره پرونده لازم است.',
  en: 'A written statement or an appeal needs its case: the court and the case number.',
};
export const caseReferenceNotAllowed: FieldText = {
  fa: 'فقط لایحه و تجدیدنظرخواهی به پرونده ارجاع می‌دهند.',
  en: 'Only a written statement or an appeal refers to a case.',
};
export const fallbackCourt: FieldText = {
  fa: 'دادگاه جایگزین باید دادگاهی فعال از همین نوع در استان شما باشد.',
  en: 'A fallback must be an active court of this kind in your province.',
};
export const persianText: FieldText = {
  fa: 'فقط حروف فارسی، فاصله و ارقام مجاز است.',
  en: 'Only Persian letters, spaces and digits are allowed.',
};
export const phone: FieldText = {
  fa: 'شماره تلفن باید ۱۱ رقم و با ۰ آغاز شود.',
  en: 'Phone number must be 11 digits starting with 0.',
};
export const isoDate: FieldText = {
  fa: 'تاریخ باید میلادی، به شکل YYYY-MM-DD و معتبر باشد (مانند 2027-03-21).',
  en: 'Date must be a valid Gregorian YYYY-MM-DD (such as 2027-03-21).',
};
export const statusSinceAlone: FieldText = {
  fa: 'تاریخ وضعیت (statusSince) فقط همراه تغییر وضعیت (status) پذیرفته می‌شود.',
  en: 'A status date (statusSince) is taken only with a change of status (status).',
};
export const emptyPatch: FieldText = {
  fa: 'حداقل یک فیلد برای تغییر لازم است.',
  en: 'At least one field to change is required.',
};
export const nationalId: FieldText = {
  fa: 'کد ملی معتبر نیست (۱۰ رقم با رقم کنترل درست).',
  en: 'Not a valid national ID (10 digits with a correct check digit).',
};
export const legalId: FieldText = {
  fa: 'شناسه ملی شخص حقوقی معتبر نیست (۱۱ رقم).',
  en: 'Not a valid legal entity national ID (11 digits).',
};
export const mobile: FieldText = {
  fa: 'شماره همراه باید به شکل 09xxxxxxxxx باشد.',
  en: 'Mobile number must look like 09xxxxxxxxx.',
};
export const rials: FieldText = {
  fa: 'مبلغ خواسته باید عدد صحیح نامنفی (به ریال) و به صورت رشته باشد.',
  en: 'Claim amount must be a non-negative whole number of Rials, sent as a string.',
};
export const partyListedTwice: FieldText = {
  fa: 'این شناسه ملی پیش‌تر در میان طرفین آمده است.',
  en: 'This national ID is already among the parties.',
};
export const claimantRequired: FieldText = {
  fa: 'دست‌کم یک خواهان لازم است.',
  en: 'At least one claimant is required.',
};
export const trackingCode: FieldText = { fa: 'کد رهگیری معتبر نیست.', en: 'Not a valid tracking code.' };
export const idempotencyKey: FieldText = {
  fa: 'سرآیند Idempotency-Key لازم است (۸ تا ۱۲۸ نویسه از حروف لاتین، ارقام، - و _).',
  en: 'The Idempotency-Key header is required (8 to 128 of A-Z, a-z, 0-9, - and _).',
};
export const uuid: FieldText = { fa: 'شناسه معتبر نیست.', en: 'Not a valid id.' };
export const solarMonth: FieldText = {
  fa: 'ماه باید به شکل YYYY-MM (هجری شمسی) باشد.',
  en: 'Month must be a Solar Hijri YYYY-MM.',
};
export const fileName: FieldText = {
  fa: 'نام پرونده نباید / یا \\ یا نویسه کنترلی داشته باشد.',
  en: 'File name must not contain /, \\ or control characters.',
};
export const sha256: FieldText = {
  fa: 'SHA-256 باید ۶۴ رقم هگزادسیمال باشد.',
  en: 'SHA-256 must be 64 hexadecimal digits.',
};
export const month: FieldText = { fa: 'ماه باید به شکل YYYY-MM و معتبر باشد.', en: 'Month must be a valid YYYY-MM.' };
export const controlCharacters: FieldText = {
  fa: 'نویسه‌های کنترلی (جز جهش و خط جدید)، نویسه‌های وارونه‌کننده‌ی جهت متن و نویسه‌های نامعتبر پذیرفته نیست.',
  en: 'Control characters (other than tab and new line), text direction overrides and invalid characters are not accepted.',
};
export const officeCodeRequired: FieldText = {
  fa: 'برای این نقش، کد دفتر لازم است.',
  en: 'officeCode is required for this role.',
};
export const documentTooBig: FieldText = { fa: 'حداکثر {maxBytes} بایت', en: 'at most {maxBytes} bytes' };
export const tooManyDocuments: FieldText = {
  fa: 'حداکثر {maxFiles} مدرک برای هر دادخواست',
  en: 'at most {maxFiles} documents per petition',
};
export const monthNotStarted: FieldText = { fa: 'این ماه هنوز آغاز نشده است.', en: 'This month has not started yet.' };
export const invalidSolarHijriMonth: FieldText = {
  fa: 'ماه هجری شمسی معتبر نیست.',
  en: 'Not a valid Solar Hijri month.',
};
export const invalidGregorianMonth: FieldText = { fa: 'ماه میلادی معتبر نیست.', en: 'Not a valid Gregorian month.' };
export const noteRequired: FieldText = {
  fa: 'برای این اقدام توضیح لازم است.',
  en: 'A note is required for this action.',
};
export const notForThisAction: FieldText = {
  fa: 'این اقدام این فیلد را نمی‌پذیرد ({action}).',
  en: 'This action does not take this field ({action}).',
};
export const caseNumberRequired: FieldText = {
  fa: 'برای ثبت، شماره پرونده لازم است.',
  en: 'A case number is required to register.',
};
export const duplicateDefect: FieldText = { fa: 'هر نقص را یک بار بنویسید.', en: 'List each defect once.' };
export const defectsRequired: FieldText = {
  fa: 'برای بازگرداندن، دست‌کم یک نقص کددار لازم است.',
  en: 'A return needs at least one coded defect.',
};
export const provinceCode: FieldText = {
  fa: 'کد استان معتبر نیست (دو رقم، مانند ۲۹ برای خراسان جنوبی).',
  en: 'Not a valid province code (two digits, e.g. 29 for South Khorasan).',
};
export const provinceRequired: FieldText = {
  fa: 'کد استان لازم است (province).',
  en: 'The province is required (province).',
};
export const unknownField: FieldText = { fa: 'این فیلد شناخته‌شده نیست.', en: 'This field is not recognised.' };
export const solarDate: FieldText = {
  fa: 'تاریخ باید به شکل YYYY-MM-DD و روزی واقعی از تقویم هجری شمسی باشد.',
  en: 'Date must be a real Solar Hijri day, written YYYY-MM-DD.',
};
export const holidayYear: FieldText = {
  fa: 'تاریخ تعطیل باید در همان سالی باشد که تقویم برای آن است.',
  en: "A holiday must fall within the calendar's year.",
};
export const holidayDuplicate: FieldText = {
  fa: 'هر روز را یک بار بنویسید؛ مناسبت‌های هم‌زمان را در یک نام بیاورید.',
  en: 'List each day once; put occasions that fall on the same day under one name.',
};
export const workWeek: FieldText = {
  fa: 'روزهای تعطیل هفته (جز جمعه که همیشه تعطیل است) را هر کدام یک بار بنویسید؛ دست‌کم یک روز باید باز بماند.',
  en: 'List the closed weekdays other than Friday (always closed) once each; at least one day must stay open.',
};
export const feeRials: FieldText = {
  fa: 'مبلغ باید عدد صحیح نامنفی ریال و به صورت رشته باشد.',
  en: 'Amount must be a non-negative whole number of rials, sent as a string.',
};
export const feeCode: FieldText = {
  fa: 'کد باید از حروف کوچک لاتین، ارقام و خط تیره باشد.',
  en: 'Code must be lower-case letters, digits and hyphens.',
};
export const feeSolarDay: FieldText = {
  fa: 'تاریخ باید روزی معتبر در تقویم هجری شمسی به شکل YYYY-MM-DD باشد.',
  en: 'Date must be a valid Solar Hijri day, YYYY-MM-DD.',
};
export const feeBracketsStart: FieldText = {
  fa: 'نخستین پله باید از صفر ریال آغاز شود.',
  en: 'The first bracket must start at 0 rials.',
};
export const feeBracketEmpty: FieldText = {
  fa: 'پایان پله باید بیشتر از آغاز آن باشد.',
  en: 'A bracket must end above where it starts.',
};
export const feeBracketsContiguous: FieldText = {
  fa: 'هر پله باید دقیقاً از پایان پله قبلی آغاز شود (بی‌فاصله و بی‌هم‌پوشانی).',
  en: 'Each bracket must start exactly where the previous one ends (no gap, no overlap).',
};
export const feeBracketsOpenEnded: FieldText = {
  fa: 'فقط آخرین پله، و حتماً آن، بی‌سقف است (toRials برابر null).',
  en: 'The last bracket, and only it, must be open-ended (toRials null).',
};
export const feeCalculationClaim: FieldText = {
  fa: 'درصد فقط برای دعوای مالی و فهرست دسته‌ها فقط برای دعوای غیرمالی است.',
  en: 'A percentage is for monetary claims and a category list for non-monetary ones.',
};
export const feeVersionId: FieldText = {
  fa: 'شناسه نسخه باید <سال>-r<ویرایش> باشد و برای داده نمونه با demo- آغاز شود.',
  en: 'The version id must be <year>-r<revision>, prefixed demo- for demo data.',
};
export const feeYearMismatch: FieldText = {
  fa: 'تاریخ اعتبار باید در همان سال جدول باشد.',
  en: "Validity dates must fall in the schedule's year.",
};
export const feeValidityOrder: FieldText = {
  fa: 'پایان اعتبار نباید پیش از آغاز آن باشد.',
  en: 'Validity must not end before it starts.',
};
export const feeDuplicateCode: FieldText = { fa: 'این کد تکراری است.', en: 'This code is used twice.' };
export const feeRuleOverlap: FieldText = {
  fa: 'این قاعده با قاعده دیگری برای همان نوع، مرحله و خواسته هم‌پوشانی دارد.',
  en: 'This rule overlaps another for the same kind, stage and claim.',
};
export const feeTariffKindOverlap: FieldText = {
  fa: 'برای هر نوع سند فقط یک قلم پایه مجاز است.',
  en: 'Each kind of document may have only one base item.',
};
export const feeDuplicateCharge: FieldText = {
  fa: 'این نوع قلم تعرفه فقط یک بار مجاز است.',
  en: 'This kind of tariff item may appear only once.',
};
export const feeExtrasMissing: FieldText = {
  fa: 'وقتی قلم پایه شمار طرفین و برگ‌ها را در بر دارد، اقلام «طرف اضافه» و «برگ اضافه» لازم است.',
  en: 'A base item with included parties and pages needs extra-party and extra-page items.',
};
export const feeAmbiguousClaim: FieldText = {
  fa: 'خواسته یا مالی است (مبلغ) یا غیرمالی (دسته)، نه هر دو.',
  en: 'A claim is monetary (an amount) or non-monetary (a category), not both.',
};
export const paymentTerminal: FieldText = {
  fa: 'شماره پایانه پرداخت باید ۴ تا ۱۲ رقم باشد و با صفر آغاز نشود.',
  en: 'A payment terminal id is 4 to 12 digits, the first not 0.',
};
export const paymentCallback: FieldText = {
  fa: 'بازگشت از درگاه پرداخت بیش از حد فیلد دارد.',
  en: 'The return from the payment gateway has too many fields.',
};
