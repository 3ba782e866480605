import * as z from 'zod';
import {
  CLAIM_NATURES,
  FEE_STAGES,
  type FeeBalance,
  type FeeQuote,
  type FeeSchedule,
  feeScheduleVersionId,
  PAYEES,
  type QuoteInput,
  VERIFICATION_STATUSES,
} from '../domain/fees';
import { lazily } from '../domain/lazily';
import { isRialsString, parseRials, RIALS_PATTERN } from '../domain/money';
import { PETITION_KINDS } from '../domain/petition';
import { isValidSolarHijriDay } from '../domain/solar-hijri-days';
import { fieldMessage } from '../i18n/messages';
import { lazySchema } from './lazy';

/**
 * A national fee schedule as the national admin loads it through the API. Everything the quote
 * relies on is refused here rather than discovered at a counter: brackets with gaps or overlaps,
 * two rules answering the same petition, amounts that are not whole rials, rates that are not
 * whole basis points, validity outside the schedule's year. Message keys: i18n/fee-messages.ts.
 */
export const FEE_SCHEDULE_LIMITS = { rules: 50, brackets: 20, categories: 50, tariffItems: 50, text: 500 } as const;

const bilingual = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    fa: z.string().min(1).max(FEE_SCHEDULE_LIMITS.text),
    en: z.string().min(1).max(FEE_SCHEDULE_LIMITS.text),
  }),
);

export const feeCodeSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .max(60)
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: fieldMessage('fee-code') }),
);

export const rialsSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .regex(RIALS_PATTERN, { message: fieldMessage('fee-rials') })
    .describe('Whole rials as a decimal string: amounts exceed what a JSON number carries exactly'),
);

const basisPoints = /* @__PURE__ */ lazySchema(() =>
  z.number().int().min(1).max(10_000).describe('Rate in basis points: 350 is 3.5%'),
);

const solarDay = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .refine(isValidSolarHijriDay, { message: fieldMessage('fee-solar-day') })
    .describe('Solar Hijri day, YYYY-MM-DD'),
);

const provenance = /* @__PURE__ */ lazily(() => ({
  source: bilingual.describe('Legal source or publication of the figure'),
  status: z.enum(VERIFICATION_STATUSES).describe('How far the figure is confirmed'),
}));

const bracketSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    fromRials: rialsSchema,
    toRials: rialsSchema.nullable().describe('Exclusive upper end; null for the last, open bracket'),
    basisPoints,
    ...provenance(),
  }),
);

const percentageSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      type: z.literal('percentage'),
      base: z.enum(['claim', 'judgment']),
      brackets: z.array(bracketSchema).min(1).max(FEE_SCHEDULE_LIMITS.brackets),
    })
    .superRefine((calc, ctx) => {
      const issue = (index: number, field: string, key: string) =>
        ctx.addIssue({ code: 'custom', path: ['brackets', index, field], message: fieldMessage(key) });
      const { brackets } = calc;
      if (brackets[0]?.fromRials !== '0') issue(0, 'fromRials', 'fee-brackets-start');
      brackets.forEach((bracket, i) => {
        const { fromRials, toRials } = bracket;
        if (
          toRials !== null &&
          isRialsString(fromRials) &&
          isRialsString(toRials) &&
          parseRials(toRials) <= parseRials(fromRials)
        ) {
          issue(i, 'toRials', 'fee-bracket-empty');
        }
        const previous = brackets[i - 1];
        if (previous && previous.toRials !== fromRials) issue(i, 'fromRials', 'fee-brackets-contiguous');
      });
      if (brackets.at(-1)?.toRials !== null) issue(brackets.length - 1, 'toRials', 'fee-brackets-open-ended');
    }),
);

const categorySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    code: feeCodeSchema,
    label: bilingual,
    amountRials: rialsSchema,
    ...provenance(),
  }),
);

const calculationSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('type', [
    percentageSchema,
    z.strictObject({ type: z.literal('flat'), amountRials: rialsSchema }),
    z
      .strictObject({
        type: z.literal('by-category'),
        categories: z.array(categorySchema).min(1).max(FEE_SCHEDULE_LIMITS.categories),
      })
      .superRefine((calc, ctx) =>
        duplicates(
          calc.categories.map((c) => c.code),
          ['categories'],
          ctx,
        ),
      ),
    z.strictObject({ type: z.literal('none') }),
  ]),
);

const courtFeeRuleSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      code: feeCodeSchema,
      label: bilingual,
      kinds: z.array(z.enum(PETITION_KINDS)).min(1),
      stages: z.array(z.enum(FEE_STAGES)).min(1),
      claim: z
        .enum(CLAIM_NATURES)
        .describe('Which claims the rule answers; `any` for complaints and kinds without a claim'),
      calculation: calculationSchema,
      ...provenance(),
      note: bilingual.optional(),
    })
    .superRefine((rule, ctx) => {
      // A percentage needs an amount to apply to; a category list is what a non-monetary claim has instead.
      const needs = { percentage: 'monetary', 'by-category': 'non-monetary' } as const;
      const needed = needs[rule.calculation.type as keyof typeof needs];
      if (needed && rule.claim !== needed) {
        ctx.addIssue({ code: 'custom', path: ['claim'], message: fieldMessage('fee-calculation-claim') });
      }
    }),
);

const includesSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    claimants: z.number().int().min(0).max(20),
    defendants: z.number().int().min(0).max(20),
    attachmentPages: z.number().int().min(0).max(1000),
  }),
);

const chargeSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('base'),
      kinds: z.array(z.enum(PETITION_KINDS)).min(1),
      includes: includesSchema.optional(),
    }),
    z.strictObject({ type: z.literal('extra-party') }),
    z.strictObject({ type: z.literal('extra-page') }),
    z.strictObject({ type: z.literal('electronic-payment') }),
    z.strictObject({ type: z.literal('per-unit') }),
  ]),
);

const tariffItemSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    code: feeCodeSchema,
    label: bilingual,
    amountRials: rialsSchema,
    charge: chargeSchema,
    ...provenance(),
    note: bilingual.optional(),
  }),
);

export const feeScheduleSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      versionId: z
        .string()
        .max(40)
        .describe('`<year>-r<revision>`, prefixed `demo-` for demo data; immutable once quoted'),
      year: z.number().int().min(1300).max(1499).describe('Solar Hijri year'),
      revision: z.number().int().min(1).max(999).describe('A correction is the next revision'),
      validFrom: solarDay,
      validTo: solarDay,
      demo: z.boolean(),
      title: bilingual,
      derivedFrom: z.string().max(40).optional(),
      note: bilingual.optional(),
      courtFeeRules: z.array(courtFeeRuleSchema).min(1).max(FEE_SCHEDULE_LIMITS.rules),
      tariffItems: z.array(tariffItemSchema).min(1).max(FEE_SCHEDULE_LIMITS.tariffItems),
    })
    .superRefine((schedule, ctx) => {
      const issue = (path: (string | number)[], key: string) =>
        ctx.addIssue({ code: 'custom', path, message: fieldMessage(key) });
      if (schedule.versionId !== feeScheduleVersionId(schedule)) issue(['versionId'], 'fee-version-id');
      for (const field of ['validFrom', 'validTo'] as const) {
        if (!schedule[field].startsWith(`${schedule.year}-`)) issue([field], 'fee-year-mismatch');
      }
      if (schedule.validFrom > schedule.validTo) issue(['validTo'], 'fee-validity-order');
      duplicates(
        schedule.courtFeeRules.map((r) => r.code),
        ['courtFeeRules'],
        ctx,
      );
      duplicates(
        schedule.tariffItems.map((t) => t.code),
        ['tariffItems'],
        ctx,
      );
      // Two rules that could both answer one petition would make its fee depend on their order.
      schedule.courtFeeRules.forEach((rule, j) => {
        const clash = schedule.courtFeeRules
          .slice(0, j)
          .some(
            (earlier) =>
              earlier.kinds.some((k) => rule.kinds.includes(k)) &&
              earlier.stages.some((s) => rule.stages.includes(s)) &&
              (earlier.claim === 'any' || rule.claim === 'any' || earlier.claim === rule.claim),
          );
        if (clash) issue(['courtFeeRules', j], 'fee-rule-overlap');
      });
      const charges = schedule.tariffItems.map((t) => t.charge);
      schedule.tariffItems.forEach((item, j) => {
        const { charge } = item;
        const earlier = charges.slice(0, j);
        if (
          charge.type === 'base' &&
          earlier.some((c) => c.type === 'base' && c.kinds.some((k) => charge.kinds.includes(k)))
        ) {
          issue(['tariffItems', j, 'charge', 'kinds'], 'fee-tariff-kind-overlap');
        }
        if (charge.type !== 'base' && charge.type !== 'per-unit' && earlier.some((c) => c.type === charge.type)) {
          issue(['tariffItems', j, 'charge', 'type'], 'fee-duplicate-charge');
        }
      });
      if (charges.some((c) => c.type === 'base' && c.includes)) {
        for (const type of ['extra-party', 'extra-page'] as const) {
          if (!charges.some((c) => c.type === type)) issue(['tariffItems'], 'fee-extras-missing');
        }
      }
    })
    .meta({ id: 'FeeSchedule', description: 'A national fee schedule version (court fees and office tariff)' }),
);

function duplicates(codes: readonly string[], path: (string | number)[], ctx: z.RefinementCtx): void {
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'code'], message: fieldMessage('fee-duplicate-code') });
    }
  });
}

/** What a petition adds for its quote: the fields the petition form gains, plus the stage. */
export const feeQuoteInputSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      kind: z.enum(PETITION_KINDS),
      stage: z.enum(FEE_STAGES).default('first-instance'),
      claimAmountRials: rialsSchema.optional(),
      judgmentAmountRials: rialsSchema
        .optional()
        .describe('For appeals and objections: the judgment amount the fee is a percentage of'),
      nonMonetaryCategory: feeCodeSchema
        .optional()
        .describe('Category code of a non-monetary claim, from the schedule'),
      claimants: z.number().int().min(0).max(20),
      defendants: z.number().int().min(0).max(20),
      attachmentPages: z.array(z.number().int().min(0).max(500)).max(50).describe('Attachment pages of each document'),
      paidElectronically: z.boolean().default(true),
      services: z.record(feeCodeSchema, z.number().int().min(0).max(20)).optional(),
    })
    .refine(
      (v) =>
        !(
          v.nonMonetaryCategory !== undefined &&
          (v.claimAmountRials !== undefined || v.judgmentAmountRials !== undefined)
        ),
      {
        message: fieldMessage('fee-ambiguous-claim'),
        path: ['nonMonetaryCategory'],
      },
    )
    .meta({ id: 'FeeQuoteInput' }),
);

const bilingualOut = /* @__PURE__ */ lazySchema(() => z.strictObject({ fa: z.string(), en: z.string() }));

export const feeQuoteSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      schedule: z.strictObject({
        versionId: z.string(),
        year: z.number().int(),
        revision: z.number().int(),
        demo: z.boolean(),
      }),
      quotedAt: z.string(),
      quotedOn: z.string().describe('Solar Hijri day the schedule was chosen by'),
      lines: z.array(
        z.strictObject({
          code: z.string(),
          label: bilingualOut,
          basis: bilingualOut,
          payee: z.enum(PAYEES),
          amountRials: z.string(),
          source: bilingualOut,
          status: z.enum(VERIFICATION_STATUSES),
        }),
      ),
      totals: z.strictObject({ judiciary: z.string(), office: z.string(), total: z.string() }),
    })
    .meta({
      id: 'FeeQuote',
      description: 'Court-fee and tariff lines (label, basis, payee, rials, source), pinned to their schedule version',
    }),
);

const payeeBalance = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    quotedRials: z.string(),
    paidRials: z.string().describe('Verified payments only'),
    dueRials: z.string().describe('Still to pay to this payee'),
    creditRials: z.string().describe('Paid beyond the quote: recorded, not refunded'),
    deferredRials: z.string().describe('The court fee an indigency claim defers until the court decides it'),
  }),
);
export const feeBalanceSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ judiciary: payeeBalance, office: payeeBalance, dueRials: z.string(), settled: z.boolean() })
    .meta({ id: 'FeeBalance', description: 'The quote against the verified payments, per payee' }),
);

// The domain types are written by hand, as elsewhere; this holds the schemas to them at compile time.
void ([feeScheduleSchema, feeQuoteInputSchema, feeQuoteSchema, feeBalanceSchema] satisfies [
  z.ZodType<FeeSchedule>,
  z.ZodType<QuoteInput>,
  z.ZodType<FeeQuote>,
  z.ZodType<FeeBalance>,
]);
