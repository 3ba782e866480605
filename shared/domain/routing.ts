import type { Court, CourtKind } from './court';
import type { LocalizedName } from './holidays';
import { byCodePoint } from './order';
import type { PetitionKind } from './petition';

/**
 * Where a petition goes on submission: one rule table, kept as data, so that it changes with the
 * law in one place. A rule names the kind of court and where to look for it: the office's judicial
 * district, the office's province, or the court that holds the case the petition refers to.
 */

/**
 * The peace court's limit for monetary claims (نصاب دعاوی مالی دادگاه صلح).
 *
 * NOT VERIFIED. The Law on Dispute Resolution Councils (قانون شوراهای حل اختلاف), approved
 * 22 Shahrivar 1402, re-established peace courts; its Article 12(1) gives them "monetary claims up
 * to one billion (1,000,000,000) rials", and a note lets the head of the judiciary adjust that
 * figure every three years by the Central Bank's index. The figure here is read from secondary
 * legal sources (law-firm pages quoting Article 12, and the judiciary's 1403 announcement of
 * claims "up to 100 million tomans" going to peace courts, as reported by Mehr News), not from the
 * official gazette, and any adjustment since has not been checked. Confirm the current figure with
 * the judiciary before relying on it; changing it is changing this one setting.
 */
export const PEACE_COURT_LIMIT = {
  rials: 1_000_000_000n,
  source: {
    fa: 'بند ۱ ماده ۱۲ قانون شوراهای حل اختلاف مصوب ۱۴۰۲/۰۶/۲۲ (تأییدنشده؛ قابل تعدیل هر سه سال)',
    en: 'Article 12(1), Law on Dispute Resolution Councils, approved 22 Shahrivar 1402 (unverified; adjustable every three years)',
  } satisfies LocalizedName,
  verified: false,
} as const;

/** How a civil claim's value places it: a claim of 0 or none is not a monetary claim. */
export const CLAIM_BANDS = ['within-peace-limit', 'over-peace-limit', 'not-monetary'] as const;
export type ClaimBand = (typeof CLAIM_BANDS)[number];

export type CourtSearch = 'district' | 'province' | 'case';

export interface RoutingRule {
  id: string;
  petitionKind: PetitionKind;
  /** Only for these claim bands (civil petitions); absent: any. */
  claims?: readonly ClaimBand[];
  /** The kind of court; for `case`, whatever court holds the referenced case. */
  courtKind?: CourtKind;
  search: CourtSearch;
}

/**
 * The rule table (issue 13). A district without an active court of the kind the rule names sends
 * the petition to the court its province names as the fallback for that kind, flagged for review.
 */
export const ROUTING_RULES = [
  {
    id: 'civil-within-peace-limit',
    petitionKind: 'civil-petition',
    claims: ['within-peace-limit'],
    courtKind: 'peace',
    search: 'district',
  },
  {
    id: 'civil-over-limit-or-not-monetary',
    petitionKind: 'civil-petition',
    claims: ['over-peace-limit', 'not-monetary'],
    courtKind: 'general-civil',
    search: 'district',
  },
  { id: 'criminal-complaint', petitionKind: 'criminal-complaint', courtKind: 'prosecutor', search: 'district' },
  { id: 'appeal', petitionKind: 'appeal', courtKind: 'appeal', search: 'province' },
  { id: 'written-statement', petitionKind: 'written-statement', search: 'case' },
  { id: 'request', petitionKind: 'request', courtKind: 'general-civil', search: 'district' },
] as const satisfies readonly RoutingRule[];

export type RoutingRuleId = (typeof ROUTING_RULES)[number]['id'];

/**
 * The kinds of court a petition of this kind may be with: those its rules route it to (a civil
 * claim to a peace or a general civil court, by its value), or any for a rule that follows the
 * case. A reassignment that corrects a routing stays within them: a civil claim never goes to the
 * prosecutor's office.
 */
export function courtKindsFor(kind: PetitionKind): readonly CourtKind[] | 'any' {
  const rules: readonly RoutingRule[] = ROUTING_RULES.filter((rule) => rule.petitionKind === kind);
  if (rules.some((rule) => rule.courtKind === undefined)) return 'any';
  return [...new Set(rules.flatMap((rule) => (rule.courtKind ? [rule.courtKind] : [])))];
}

/** The kinds of petition that name a case (court and case number): routing or the court needs it. */
export const KINDS_WITH_CASE_REFERENCE: readonly PetitionKind[] = ['written-statement', 'appeal'];

export function claimBand(claimAmountRials: string | undefined): ClaimBand {
  if (claimAmountRials === undefined || BigInt(claimAmountRials) === 0n) return 'not-monetary';
  return BigInt(claimAmountRials) <= PEACE_COURT_LIMIT.rials ? 'within-peace-limit' : 'over-peace-limit';
}

export function routingRuleFor(petition: { kind: PetitionKind; claimAmountRials?: string }): RoutingRule {
  const band = claimBand(petition.claimAmountRials);
  const rule = (ROUTING_RULES as readonly RoutingRule[]).find(
    (candidate) =>
      candidate.petitionKind === petition.kind && (candidate.claims === undefined || candidate.claims.includes(band)),
  );
  if (!rule) throw new Error(`no routing rule for ${petition.kind} (${band})`);
  return rule;
}

/** Why a routed petition waits for the province's review. */
export const REVIEW_REASONS = [
  'no-court-of-kind-in-district',
  'no-court-of-kind-in-province',
  'case-court-not-active',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export interface RoutingDecision {
  court: Court;
  rule: RoutingRule;
  flaggedForReview: boolean;
  reviewReason?: ReviewReason;
}

/** What the registry holds for one rule: the courts where it looks, and the fallback for the kind. */
export interface RoutingCandidates {
  /** Active courts of the rule's kind in its district or province, or the case's court. */
  found: readonly Court[];
  /** The province's fallback court for the kind, when it names one and it is active. */
  fallback?: Court;
}

/**
 * The court a rule sends a petition to: the first active court found (by code, so the same
 * registry always gives the same court), else the province's fallback, flagged for review;
 * undefined when there is neither.
 */
export function decideCourt(rule: RoutingRule, candidates: RoutingCandidates): RoutingDecision | undefined {
  const found = [...candidates.found]
    .filter((court) => court.status === 'active')
    .sort((a, b) => byCodePoint(a.courtCode, b.courtCode))[0];
  if (found) return { court: found, rule, flaggedForReview: false };
  const fallback = candidates.fallback?.status === 'active' ? candidates.fallback : undefined;
  if (!fallback) return undefined;
  const reviewReason: ReviewReason =
    rule.search === 'case'
      ? 'case-court-not-active'
      : rule.search === 'district'
        ? 'no-court-of-kind-in-district'
        : 'no-court-of-kind-in-province';
  return { court: fallback, rule, flaggedForReview: true, reviewReason };
}

/** What routing reads from the registry: the office's province's courts and its fallbacks. */
export interface CourtRegistrySnapshot {
  /** The courts of the office's province, and the case's court when it sits in another one. */
  courts: readonly Court[];
  fallbacks: Partial<Record<CourtKind, string>>;
}

/**
 * Where a petition goes from an office, by the rule table: the courts the rule searches (the
 * office's district, its province, or the case's court), else the province's fallback for the
 * kind. Undefined when the registry has neither: the submission is refused, nothing is written.
 */
export function routePetition(
  petition: { kind: PetitionKind; claimAmountRials?: string; caseReference?: { courtCode: string } },
  office: { provinceCode: string; judicialDistrict: string },
  registry: CourtRegistrySnapshot,
): RoutingDecision | undefined {
  const rule = routingRuleFor(petition);
  const caseCourt =
    rule.search === 'case'
      ? registry.courts.find((court) => court.courtCode === petition.caseReference?.courtCode)
      : undefined;
  const kind = rule.courtKind ?? caseCourt?.kind;
  const found =
    rule.search === 'case'
      ? caseCourt
        ? [caseCourt]
        : []
      : registry.courts.filter(
          (court) =>
            court.kind === kind &&
            court.provinceCode === office.provinceCode &&
            (rule.search === 'province' || court.judicialDistrict === office.judicialDistrict),
        );
  const fallbackCode = kind ? registry.fallbacks[kind] : undefined;
  const fallback = registry.courts.find(
    (court) => court.courtCode === fallbackCode && court.provinceCode === office.provinceCode,
  );
  return decideCourt(rule, { found, ...(fallback ? { fallback } : {}) });
}
