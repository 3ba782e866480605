import { QUOTE_TEXT } from '../i18n/quote-texts';
import {
  BASIS_POINTS_PER_WHOLE,
  divide,
  FEE_ROUNDING,
  formatRials,
  formatRialsForPeople,
  isRialsString,
  parseRials,
  percentText,
  sumRials,
} from './money';
import type { IndigencyClaim, Party, Petition, PetitionKind } from './petition';
import { solarHijriDay } from './solar-hijri-days';

/**
 * Court fees (to the judiciary) and the office tariff (to the office), computed from a national
 * schedule that is data, never code: the budget law and the judiciary revise the figures every
 * year, and most of them are known only from secondary sources. So every rule carries its legal
 * source and how far it is verified, and every quote line carries them on to the clerk.
 */

export interface Bilingual {
  fa: string;
  en: string;
}

/** How far a figure is confirmed: by the official text, by a source quoting it, or not at all. */
export const VERIFICATION_STATUSES = ['verified', 'secondary-source', 'unverified'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** Where a case is. Appeal and objection share a rate, as do cassation, retrial and third-party objection. */
export const FEE_STAGES = [
  'first-instance',
  'appeal',
  'objection',
  'cassation',
  'retrial',
  'third-party-objection',
] as const;
export type FeeStage = (typeof FEE_STAGES)[number];

export const CLAIM_NATURES = ['monetary', 'non-monetary', 'any'] as const;
export type ClaimNature = (typeof CLAIM_NATURES)[number];

export const PAYEES = ['judiciary', 'office'] as const;
export type Payee = (typeof PAYEES)[number];

export const STAGE_LABELS: Record<FeeStage, Bilingual> = {
  'first-instance': { fa: 'بدوی', en: 'first instance' },
  appeal: { fa: 'تجدیدنظر', en: 'appeal' },
  objection: { fa: 'واخواهی', en: 'objection (vakhahi)' },
  cassation: { fa: 'فرجام‌خواهی', en: 'cassation' },
  retrial: { fa: 'اعاده دادرسی', en: 'retrial' },
  'third-party-objection': { fa: 'اعتراض ثالث', en: 'third-party objection' },
};

export const KIND_LABELS: Record<PetitionKind, Bilingual> = {
  'civil-petition': { fa: 'دادخواست حقوقی', en: 'civil petition' },
  'criminal-complaint': { fa: 'شکوائیه کیفری', en: 'criminal complaint' },
  request: { fa: 'درخواست', en: 'request' },
  appeal: { fa: 'دادخواست تجدیدنظر', en: 'appeal petition' },
  'written-statement': { fa: 'لایحه', en: 'written statement' },
};

export const PAYEE_LABELS: Record<Payee, Bilingual> = {
  judiciary: { fa: 'قوه قضاییه (هزینه دادرسی)', en: 'Judiciary (court fee)' },
  office: { fa: 'دفتر خدمات الکترونیک قضایی (تعرفه خدمات)', en: 'Office (service tariff)' },
};

export interface Provenance {
  /** The legal text or the publication the figure comes from. */
  source: Bilingual;
  status: VerificationStatus;
}

/** A slice of the base amount: from `fromRials` (inclusive) up to `toRials` (exclusive; null: no end). */
export interface FeeBracket extends Provenance {
  fromRials: string;
  toRials: string | null;
  basisPoints: number;
}

export interface FeeCategory extends Provenance {
  code: string;
  label: Bilingual;
  amountRials: string;
}

/**
 * Percentage brackets are marginal: each rate applies to the part of the base inside its bracket
 * ("3.5% on the part of the claim above 200,000,000 rials"), as income tax brackets do. The base is
 * the claim at first instance, the judgment amount at later stages.
 */
export type CourtFeeCalculation =
  | { type: 'percentage'; base: 'claim' | 'judgment'; brackets: FeeBracket[] }
  | { type: 'flat'; amountRials: string }
  | { type: 'by-category'; categories: FeeCategory[] }
  | { type: 'none' };

export interface CourtFeeRule extends Provenance {
  code: string;
  label: Bilingual;
  kinds: PetitionKind[];
  stages: FeeStage[];
  claim: ClaimNature;
  calculation: CourtFeeCalculation;
  note?: Bilingual;
}

/** What the base price of a document already pays for; parties and pages beyond it cost extra. */
export interface TariffIncludes {
  claimants: number;
  defendants: number;
  attachmentPages: number;
}

export type TariffCharge =
  | { type: 'base'; kinds: PetitionKind[]; includes?: TariffIncludes }
  | { type: 'extra-party' }
  | { type: 'extra-page' }
  | { type: 'electronic-payment' }
  /** A service asked for by count (SANA registrations, formal notices). */
  | { type: 'per-unit' };

export interface TariffItem extends Provenance {
  code: string;
  label: Bilingual;
  amountRials: string;
  charge: TariffCharge;
  note?: Bilingual;
}

/**
 * One version of the national schedule. `versionId` names exactly this content: once a quote has
 * used it, it never changes (see `assertScheduleWritable`); a correction is a new revision, with a
 * new id, and quotes made before keep pointing at the old one.
 */
export interface FeeSchedule {
  versionId: string;
  year: number;
  revision: number;
  /** Solar Hijri days, inclusive, inside `year`. */
  validFrom: string;
  validTo: string;
  demo: boolean;
  title: Bilingual;
  /** The version this one was built from, for carried-forward (demo) schedules. */
  derivedFrom?: string;
  note?: Bilingual;
  courtFeeRules: CourtFeeRule[];
  tariffItems: TariffItem[];
}

export function feeScheduleVersionId(schedule: Pick<FeeSchedule, 'year' | 'revision' | 'demo'>): string {
  return `${schedule.demo ? 'demo-' : ''}${schedule.year}-r${schedule.revision}`;
}

export const FEE_SCHEDULE_VERSION_PATTERN = /^(demo-)?(1[34]\d{2})-r([1-9]\d{0,2})$/;

/** The Solar Hijri year a version id names, or undefined when it is not a version id. */
export function yearOfVersion(versionId: string): number | undefined {
  const match = FEE_SCHEDULE_VERSION_PATTERN.exec(versionId);
  return match ? Number(match[2]) : undefined;
}

export const FEE_ERROR_CODES = [
  'no-schedule-for-date',
  'ambiguous-schedule',
  'schedule-not-valid-on-date',
  'schedule-version-used',
  'no-court-fee-rule',
  'no-tariff-item',
  'claim-amount-required',
  'judgment-amount-required',
  'ambiguous-claim',
  'unknown-category',
  'unknown-service',
  'invalid-quote-input',
] as const;
export type FeeErrorCode = (typeof FEE_ERROR_CODES)[number];

/**
 * Kept apart from DomainError until routes exist (its codes are a closed union in errors.ts):
 * `schedule-version-used`, `no-schedule-for-date` and `ambiguous-schedule` are conflicts with the
 * stored data (409); the others are about the petition's fields (400). Texts: i18n/fee-messages.ts.
 */
export class FeeError extends Error {
  constructor(
    readonly code: FeeErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'FeeError';
  }
}

// --- Choosing and guarding schedules ---------------------------------------------------------

export function isScheduleValidOn(schedule: Pick<FeeSchedule, 'validFrom' | 'validTo'>, day: string): boolean {
  return schedule.validFrom <= day && day <= schedule.validTo;
}

/**
 * The schedule for an instant (Tehran's Solar Hijri day). A real schedule beats a demo one, so
 * loading the official figures overrides the demo without deleting it; among the rest the highest
 * revision wins, so a correction valid from mid-year takes over from that day.
 */
export function selectSchedule(schedules: readonly FeeSchedule[], at: Date): FeeSchedule {
  const day = solarHijriDay(at);
  const candidates = schedules.filter((s) => isScheduleValidOn(s, day));
  if (candidates.length === 0) throw new FeeError('no-schedule-for-date', { day });
  const rank = (s: FeeSchedule) => (s.demo ? 0 : 1_000_000) + s.revision;
  const sorted = [...candidates].sort((a, b) => rank(b) - rank(a));
  const [best, next] = sorted;
  if (next && rank(next) === rank(best!)) throw new FeeError('ambiguous-schedule', { day, versionId: best!.versionId });
  return best!;
}

/** Key-order-independent JSON, so two loads of the same schedule compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type ScheduleWrite = 'create' | 'unchanged' | 'replace';

/**
 * The pure half of "a schedule that has been used to quote can no longer change": given what is
 * stored under the proposed version id and whether any quote points at it, says what to write.
 * Reloading identical content is harmless (`unchanged`), so the admin's retries are safe; editing
 * a version nobody quoted with is allowed; editing a used one is refused: publish a new revision.
 * Storage must apply the answer with a condition on what it read, or two admins could race.
 */
export function assertScheduleWritable(
  proposed: FeeSchedule,
  existing: FeeSchedule | undefined,
  existingUsed: boolean,
): ScheduleWrite {
  if (!existing) return 'create';
  if (canonicalJson(existing) === canonicalJson(proposed)) return 'unchanged';
  if (existingUsed) {
    throw new FeeError('schedule-version-used', { versionId: existing.versionId, nextRevision: existing.revision + 1 });
  }
  return 'replace';
}

// --- Quoting ---------------------------------------------------------------------------------

export interface QuoteInput {
  kind: PetitionKind;
  stage: FeeStage;
  /** Whole rials as a decimal string, for a monetary claim. */
  claimAmountRials?: string;
  /** Whole rials of the judgment appealed or objected to. */
  judgmentAmountRials?: string;
  /** Code of a non-monetary claim category in the schedule. */
  nonMonetaryCategory?: string;
  claimants: number;
  defendants: number;
  /** Attachment pages of each document. */
  attachmentPages: number[];
  paidElectronically: boolean;
  /** Counts of per-unit services by tariff code, such as `{ 'sana-registration': 2 }`. */
  services?: Record<string, number>;
}

export interface FeeLine extends Provenance {
  code: string;
  label: Bilingual;
  /** How the amount was reached, for the person paying it. */
  basis: Bilingual;
  payee: Payee;
  amountRials: string;
}

export interface FeeTotals {
  judiciary: string;
  office: string;
  total: string;
}

export interface FeeQuote {
  /** The exact schedule version: a later correction never changes this quote. */
  schedule: { versionId: string; year: number; revision: number; demo: boolean };
  quotedAt: string;
  /** Solar Hijri day of `quotedAt` in Tehran, the day the schedule was chosen by. */
  quotedOn: string;
  lines: FeeLine[];
  totals: FeeTotals;
}

/** Claimants and defendants of a petition, for the quote's party counts. */
export function partyCounts(parties: readonly Pick<Party, 'role'>[]): { claimants: number; defendants: number } {
  return {
    claimants: parties.filter((p) => p.role === 'claimant').length,
    defendants: parties.filter((p) => p.role === 'defendant').length,
  };
}

/** The stage a petition's court fee is for when the form does not say: an appeal is at the appeal stage. */
export function defaultStage(kind: PetitionKind): FeeStage {
  return kind === 'appeal' ? 'appeal' : 'first-instance';
}

/** Pages a document counts for when it was declared before pages were asked for. */
export const PAGES_WHEN_UNDECLARED = 1;

/**
 * What a petition's quote is made of: its kind and stage, its claim (an amount, a judgment or a
 * category), its parties and the attachment pages of every declared document. Payment is always
 * electronic (the gateway), so the tariff's electronic-payment item always applies.
 */
export function quoteInputOf(
  petition: Pick<
    Petition,
    'kind' | 'stage' | 'claimAmountRials' | 'judgmentAmountRials' | 'nonMonetaryCategory' | 'parties' | 'documents'
  >,
): QuoteInput {
  return {
    kind: petition.kind,
    stage: petition.stage ?? defaultStage(petition.kind),
    ...(petition.claimAmountRials !== undefined ? { claimAmountRials: petition.claimAmountRials } : {}),
    ...(petition.judgmentAmountRials !== undefined ? { judgmentAmountRials: petition.judgmentAmountRials } : {}),
    ...(petition.nonMonetaryCategory !== undefined ? { nonMonetaryCategory: petition.nonMonetaryCategory } : {}),
    ...partyCounts(petition.parties),
    attachmentPages: petition.documents.map((d) => d.pages ?? PAGES_WHEN_UNDECLARED),
    paidElectronically: true,
  };
}

/** The court-fee and tariff lines for a petition, from a schedule valid on the day of `at`. */
export function quoteFees(input: QuoteInput, schedule: FeeSchedule, at: Date): FeeQuote {
  assertQuoteInput(input);
  const quotedOn = solarHijriDay(at);
  if (!isScheduleValidOn(schedule, quotedOn)) {
    throw new FeeError('schedule-not-valid-on-date', { versionId: schedule.versionId, day: quotedOn });
  }
  const lines = [courtFeeLine(input, schedule), ...tariffLines(input, schedule)];
  const total = (payee: Payee) =>
    sumRials(lines.filter((l) => l.payee === payee).map((l) => parseRials(l.amountRials)));
  const judiciary = total('judiciary');
  const office = total('office');
  return {
    schedule: { versionId: schedule.versionId, year: schedule.year, revision: schedule.revision, demo: schedule.demo },
    quotedAt: at.toISOString(),
    quotedOn,
    lines,
    totals: { judiciary: formatRials(judiciary), office: formatRials(office), total: formatRials(judiciary + office) },
  };
}

function assertQuoteInput(input: QuoteInput): void {
  const count = (value: number) => Number.isSafeInteger(value) && value >= 0;
  const bad = (field: string) => new FeeError('invalid-quote-input', { field });
  if (!count(input.claimants)) throw bad('claimants');
  if (!count(input.defendants)) throw bad('defendants');
  if (!input.attachmentPages.every(count)) throw bad('attachmentPages');
  for (const field of ['claimAmountRials', 'judgmentAmountRials'] as const) {
    if (input[field] !== undefined && !isRialsString(input[field])) throw bad(field);
  }
  for (const [code, units] of Object.entries(input.services ?? {})) if (!count(units)) throw bad(`services.${code}`);
  const monetary = input.claimAmountRials !== undefined || input.judgmentAmountRials !== undefined;
  if (monetary && input.nonMonetaryCategory !== undefined) throw new FeeError('ambiguous-claim');
}

function claimNatureOf(input: QuoteInput): Exclude<ClaimNature, 'any'> | undefined {
  if (input.nonMonetaryCategory !== undefined) return 'non-monetary';
  if (input.claimAmountRials !== undefined || input.judgmentAmountRials !== undefined) return 'monetary';
  return undefined;
}

const STATUS_STRENGTH: Record<VerificationStatus, number> = { verified: 2, 'secondary-source': 1, unverified: 0 };

/** A line is only as verified as the weakest figure it used, with all their sources. */
function combine(parts: readonly Provenance[]): Provenance {
  const status = parts.reduce<VerificationStatus>(
    (weakest, p) => (STATUS_STRENGTH[p.status] < STATUS_STRENGTH[weakest] ? p.status : weakest),
    'verified',
  );
  const unique = (texts: string[]) => [...new Set(texts)];
  return {
    status,
    source: {
      fa: unique(parts.map((p) => p.source.fa)).join('؛ '),
      en: unique(parts.map((p) => p.source.en)).join('; '),
    },
  };
}

function courtFeeLine(input: QuoteInput, schedule: FeeSchedule): FeeLine {
  const nature = claimNatureOf(input);
  const rule = schedule.courtFeeRules.find(
    (r) => r.kinds.includes(input.kind) && r.stages.includes(input.stage) && (r.claim === 'any' || r.claim === nature),
  );
  if (!rule) {
    throw new FeeError('no-court-fee-rule', { kind: input.kind, stage: input.stage, claim: nature ?? 'unstated' });
  }
  const line = (amount: bigint, basis: Bilingual, provenance: Provenance, label = rule.label): FeeLine => ({
    code: rule.code,
    label,
    basis,
    payee: 'judiciary',
    amountRials: formatRials(amount),
    // Only the provenance: a rule passed as its own provenance must not bring its other fields.
    source: provenance.source,
    status: provenance.status,
  });
  const calc = rule.calculation;
  switch (calc.type) {
    case 'percentage': {
      const field = calc.base === 'claim' ? 'claimAmountRials' : 'judgmentAmountRials';
      const text = input[field];
      if (text === undefined) {
        throw new FeeError(calc.base === 'claim' ? 'claim-amount-required' : 'judgment-amount-required');
      }
      const { amount, used, basis } = marginalFee(parseRials(text), calc.brackets, calc.base);
      return line(amount, basis, combine([rule, ...used]));
    }
    case 'flat':
      return line(parseRials(calc.amountRials), QUOTE_TEXT.flat, rule);
    case 'by-category': {
      const category = calc.categories.find((c) => c.code === input.nonMonetaryCategory);
      if (!category) throw new FeeError('unknown-category', { category: input.nonMonetaryCategory ?? '-' });
      const label = { fa: `${rule.label.fa}: ${category.label.fa}`, en: `${rule.label.en}: ${category.label.en}` };
      return line(parseRials(category.amountRials), QUOTE_TEXT.flatForCategory, combine([rule, category]), label);
    }
    case 'none':
      return line(0n, QUOTE_TEXT.noCourtFee, rule);
  }
}

/** Each rate on its slice, summed exactly in ten-thousandths of a rial, then rounded once. */
function marginalFee(base: bigint, brackets: readonly FeeBracket[], baseKind: 'claim' | 'judgment') {
  let numerator = 0n;
  const used: FeeBracket[] = [];
  const fa: string[] = [];
  const en: string[] = [];
  for (const bracket of brackets) {
    const from = parseRials(bracket.fromRials);
    if (base <= from) break;
    const to = bracket.toRials === null ? null : parseRials(bracket.toRials);
    const slice = (to === null || base < to ? base : to) - from;
    numerator += slice * BigInt(bracket.basisPoints);
    used.push(bracket);
    fa.push(QUOTE_TEXT.slice.fa(percentText(bracket.basisPoints, 'fa'), formatRialsForPeople(slice, 'fa')));
    en.push(QUOTE_TEXT.slice.en(percentText(bracket.basisPoints, 'en'), formatRialsForPeople(slice, 'en')));
  }
  const amount = divide(numerator, BASIS_POINTS_PER_WHOLE, FEE_ROUNDING);
  const rounded = amount * BASIS_POINTS_PER_WHOLE !== numerator;
  const basis =
    used.length === 0
      ? { fa: QUOTE_TEXT.zeroBase.fa(baseKind), en: QUOTE_TEXT.zeroBase.en(baseKind) }
      : { fa: QUOTE_TEXT.marginal.fa(fa, baseKind, rounded), en: QUOTE_TEXT.marginal.en(en, baseKind, rounded) };
  return { amount, used, basis };
}

function tariffLines(input: QuoteInput, schedule: FeeSchedule): FeeLine[] {
  const items = schedule.tariffItems;
  const byCharge = (type: TariffCharge['type']) => items.find((i) => i.charge.type === type);
  const base = items.find((i) => i.charge.type === 'base' && i.charge.kinds.includes(input.kind));
  if (!base || base.charge.type !== 'base') throw new FeeError('no-tariff-item', { item: input.kind });
  const line = (item: TariffItem, units: bigint, basis: Bilingual): FeeLine => ({
    code: item.code,
    label: item.label,
    basis,
    payee: 'office',
    amountRials: formatRials(parseRials(item.amountRials) * units),
    source: item.source,
    status: item.status,
  });
  const perUnit = (item: TariffItem, units: number, what: Bilingual = { fa: '', en: '' }): Bilingual => {
    const price = parseRials(item.amountRials);
    return {
      fa: [
        formatRialsForPeople(BigInt(units), 'fa'),
        what.fa,
        '×',
        formatRialsForPeople(price, 'fa'),
        QUOTE_TEXT.rials.fa,
      ]
        .filter(Boolean)
        .join(' '),
      en: [String(units), what.en, '×', formatRialsForPeople(price, 'en'), QUOTE_TEXT.rials.en]
        .filter(Boolean)
        .join(' '),
    };
  };
  const kind = KIND_LABELS[input.kind];
  const includes = base.charge.includes;
  const lines = [
    line(base, 1n, {
      fa: QUOTE_TEXT.base.fa(kind.fa, includes ? includesText(includes, 'fa') : undefined),
      en: QUOTE_TEXT.base.en(kind.en, includes ? includesText(includes, 'en') : undefined),
    }),
  ];
  if (includes) {
    const extraParties =
      Math.max(0, input.claimants - includes.claimants) + Math.max(0, input.defendants - includes.defendants);
    const pages = input.attachmentPages.reduce((sum, n) => sum + n, 0);
    const extraPages = Math.max(0, pages - includes.attachmentPages);
    for (const [type, units, what] of [
      ['extra-party', extraParties, QUOTE_TEXT.extraParties],
      ['extra-page', extraPages, QUOTE_TEXT.extraPages],
    ] as const) {
      if (units === 0) continue;
      const item = byCharge(type);
      if (!item) throw new FeeError('no-tariff-item', { item: type });
      lines.push(line(item, BigInt(units), perUnit(item, units, what)));
    }
  }
  if (input.paidElectronically) {
    const item = byCharge('electronic-payment');
    if (!item) throw new FeeError('no-tariff-item', { item: 'electronic-payment' });
    lines.push(line(item, 1n, QUOTE_TEXT.oncePerQuote));
  }
  for (const [code, units] of Object.entries(input.services ?? {})) {
    if (units === 0) continue;
    const item = items.find((i) => i.code === code && i.charge.type === 'per-unit');
    if (!item) throw new FeeError('unknown-service', { service: code });
    lines.push(line(item, BigInt(units), perUnit(item, units)));
  }
  return lines;
}

function includesText(includes: TariffIncludes, language: 'fa' | 'en'): string {
  return QUOTE_TEXT.includes[language](includes.claimants, includes.defendants, includes.attachmentPages);
}

// --- Quote against what was paid -------------------------------------------------------------

export interface PayeeBalance {
  quotedRials: string;
  paidRials: string;
  /** Still to pay to this payee. */
  dueRials: string;
  /** Paid beyond the quote; recorded, not refunded (refunds are out of scope). */
  creditRials: string;
  /** Not asked for now: the court fee of a petition with an indigency claim claimed or granted. */
  deferredRials: string;
}

export interface FeeBalance {
  judiciary: PayeeBalance;
  office: PayeeBalance;
  /** What the petition still owes: the sum of each payee's due. */
  dueRials: string;
  settled: boolean;
}

/** An indigency claim defers the court fee while it is claimed or granted; a rejected one makes it due. */
export function defersCourtFee(indigency: Pick<IndigencyClaim, 'status'> | undefined): boolean {
  return indigency?.status === 'claimed' || indigency?.status === 'granted';
}

/**
 * Compares a (new) quote with the verified payments so far. Each payee is balanced on its own: a
 * credit with the office cannot pay a court fee, since the two go to different accounts, so one
 * payee's credit never reduces the other's due. With `deferJudiciary` (an indigency claim), what
 * the judiciary is still owed is deferred rather than due: the court decides the claim.
 */
export function compareWithPaid(
  quote: Pick<FeeQuote, 'totals'>,
  paid: Record<Payee, string>,
  options: { deferJudiciary?: boolean } = {},
): FeeBalance {
  const balance = (payee: Payee): PayeeBalance => {
    const quoted = parseRials(quote.totals[payee]);
    const paidAmount = parseRials(paid[payee]);
    const owed = quoted > paidAmount ? quoted - paidAmount : 0n;
    const deferred = payee === 'judiciary' && options.deferJudiciary === true;
    return {
      quotedRials: formatRials(quoted),
      paidRials: formatRials(paidAmount),
      dueRials: formatRials(deferred ? 0n : owed),
      creditRials: formatRials(paidAmount > quoted ? paidAmount - quoted : 0n),
      deferredRials: formatRials(deferred ? owed : 0n),
    };
  };
  const judiciary = balance('judiciary');
  const office = balance('office');
  const due = parseRials(judiciary.dueRials) + parseRials(office.dueRials);
  return { judiciary, office, dueRials: formatRials(due), settled: due === 0n };
}
