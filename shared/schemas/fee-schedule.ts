import * as z from 'zod/mini';
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
import * as fieldTexts from '../i18n/field-messages';
import { type FieldText, fieldMessage } from '../i18n/field-text';
import { described, lazySchema } from './lazy';

/**
 * A national fee schedule as the national admin loads it through the API. Everything the quote
 * relies on is refused here rather than discovered at a counter: brackets with gaps or overlaps,
 * two rules answering the same petition, amounts that are not whole rials, rates that are not
 * whole basis points, validity outside the schedule's year. Message keys: i18n/fee-messages.ts.
 */
export const FEE_SCHEDULE_LIMITS = { rules: 50, brackets: 20, categories: 50, tariffItems: 50, text: 500 } as const;

const bilingual = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    fa: z.string().check(z.minLength(1), z.maxLength(FEE_SCHEDULE_LIMITS.text)),
    en: z.string().check(z.minLength(1), z.maxLength(FEE_SCHEDULE_LIMITS.text)),
  }),
);

export const feeCodeSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.maxLength(60), z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: fieldMessage(fieldTexts.feeCode) })),
);

export const rialsSchema = /* @__PURE__ */ lazySchema(() =>
  described(
    z.string().check(z.regex(RIALS_PATTERN, { message: fieldMessage(fieldTexts.feeRials) })),
    'Whole rials as a decimal string: amounts exceed what a JSON number carries exactly',
  ),
);

const basisPoints = /* @__PURE__ */ lazySchema(() =>
  described(z.number().check(z.int(), z.gte(1), z.lte(10_000)), 'Rate in basis points: 350 is 3.5%'),
);

const solarDay = /* @__PURE__ */ lazySchema(() =>
  described(
    z.string().check(z.refine(isValidSolarHijriDay, { message: fieldMessage(fieldTexts.feeSolarDay) })),
    'Solar Hijri day, YYYY-MM-DD',
  ),
);

const provenance = /* @__PURE__ */ lazily(() => ({
  source: described(bilingual, 'Legal source or publication of the figure'),
  status: described(z.enum(VERIFICATION_STATUSES), 'How far the figure is confirmed'),
}));

const bracketSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    fromRials: rialsSchema,
    toRials: described(z.nullable(rialsSchema), 'Exclusive upper end; null for the last, open bracket'),
    basisPoints,
    ...provenance(),
  }),
);

const percentageSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      type: z.literal('percentage'),
      base: z.enum(['claim', 'judgment']),
      brackets: z.array(bracketSchema).check(z.minLength(1), z.maxLength(FEE_SCHEDULE_LIMITS.brackets)),
    })
    .check(
      z.superRefine((calc, ctx) => {
        const issue = (index: number, field: string, text: FieldText) =>
          ctx.addIssue({ code: 'custom', path: ['brackets', index, field], message: fieldMessage(text) });
        const { brackets } = calc;
        if (brackets[0]?.fromRials !== '0') issue(0, 'fromRials', fieldTexts.feeBracketsStart);
        brackets.forEach((bracket, i) => {
          const { fromRials, toRials } = bracket;
          if (
            toRials !== null &&
            isRialsString(fromRials) &&
            isRialsString(toRials) &&
            parseRials(toRials) <= parseRials(fromRials)
          ) {
            issue(i, 'toRials', fieldTexts.feeBracketEmpty);
          }
          const previous = brackets[i - 1];
          if (previous && previous.toRials !== fromRials) issue(i, 'fromRials', fieldTexts.feeBracketsContiguous);
        });
        if (brackets.at(-1)?.toRials !== null) issue(brackets.length - 1, 'toRials', fieldTexts.feeBracketsOpenEnded);
      }),
    ),
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
        categories: z.array(categorySchema).check(z.minLength(1), z.maxLength(FEE_SCHEDULE_LIMITS.categories)),
      })
      .check(
        z.superRefine((calc, ctx) =>
          duplicates(
            calc.categories.map((c) => c.code),
            ['categories'],
            ctx,
          ),
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
      kinds: z.array(z.enum(PETITION_KINDS)).check(z.minLength(1)),
      stages: z.array(z.enum(FEE_STAGES)).check(z.minLength(1)),
      claim: described(
        z.enum(CLAIM_NATURES),
        'Which claims the rule answers; `any` for complaints and kinds without a claim',
      ),
      calculation: calculationSchema,
      ...provenance(),
      note: z.optional(bilingual),
    })
    .check(
      z.superRefine((rule, ctx) => {
        // A percentage needs an amount to apply to; a category list is what a non-monetary claim has instead.
        const needs = { percentage: 'monetary', 'by-category': 'non-monetary' } as const;
        const needed = needs[rule.calculation.type as keyof typeof needs];
        if (needed && rule.claim !== needed) {
          ctx.addIssue({ code: 'custom', path: ['claim'], message: fieldMessage(fieldTexts.feeCalculationClaim) });
        }
      }),
    ),
);

const includesSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    claimants: z.number().check(z.int(), z.gte(0), z.lte(20)),
    defendants: z.number().check(z.int(), z.gte(0), z.lte(20)),
    attachmentPages: z.number().check(z.int(), z.gte(0), z.lte(1000)),
  }),
);

const chargeSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('base'),
      kinds: z.array(z.enum(PETITION_KINDS)).check(z.minLength(1)),
      includes: z.optional(includesSchema),
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
    note: z.optional(bilingual),
  }),
);

export const feeScheduleSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      versionId: described(
        z.string().check(z.maxLength(40)),
        '`<year>-r<revision>`, prefixed `demo-` for demo data; immutable once quoted',
      ),
      year: described(z.number().check(z.int(), z.gte(1300), z.lte(1499)), 'Solar Hijri year'),
      revision: described(z.number().check(z.int(), z.gte(1), z.lte(999)), 'A correction is the next revision'),
      validFrom: solarDay,
      validTo: solarDay,
      demo: z.boolean(),
      title: bilingual,
      derivedFrom: z.optional(z.string().check(z.maxLength(40))),
      note: z.optional(bilingual),
      courtFeeRules: z.array(courtFeeRuleSchema).check(z.minLength(1), z.maxLength(FEE_SCHEDULE_LIMITS.rules)),
      tariffItems: z.array(tariffItemSchema).check(z.minLength(1), z.maxLength(FEE_SCHEDULE_LIMITS.tariffItems)),
    })
    .check(
      z.superRefine((schedule, ctx) => {
        const issue = (path: (string | number)[], text: FieldText) =>
          ctx.addIssue({ code: 'custom', path, message: fieldMessage(text) });
        if (schedule.versionId !== feeScheduleVersionId(schedule)) issue(['versionId'], fieldTexts.feeVersionId);
        for (const field of ['validFrom', 'validTo'] as const) {
          if (!schedule[field].startsWith(`${schedule.year}-`)) issue([field], fieldTexts.feeYearMismatch);
        }
        if (schedule.validFrom > schedule.validTo) issue(['validTo'], fieldTexts.feeValidityOrder);
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
          if (clash) issue(['courtFeeRules', j], fieldTexts.feeRuleOverlap);
        });
        const charges = schedule.tariffItems.map((t) => t.charge);
        schedule.tariffItems.forEach((item, j) => {
          const { charge } = item;
          const earlier = charges.slice(0, j);
          if (
            charge.type === 'base' &&
            earlier.some((c) => c.type === 'base' && c.kinds.some((k) => charge.kinds.includes(k)))
          ) {
            issue(['tariffItems', j, 'charge', 'kinds'], fieldTexts.feeTariffKindOverlap);
          }
          if (charge.type !== 'base' && charge.type !== 'per-unit' && earlier.some((c) => c.type === charge.type)) {
            issue(['tariffItems', j, 'charge', 'type'], fieldTexts.feeDuplicateCharge);
          }
        });
        if (charges.some((c) => c.type === 'base' && c.includes)) {
          for (const type of ['extra-party', 'extra-page'] as const) {
            if (!charges.some((c) => c.type === type)) issue(['tariffItems'], fieldTexts.feeExtrasMissing);
          }
        }
      }),
    )
    .register(z.globalRegistry, {
      id: 'FeeSchedule',
      description: 'A national fee schedule version (court fees and office tariff)',
    }),
);

function duplicates(codes: readonly string[], path: (string | number)[], ctx: z.core.$RefinementCtx): void {
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i) {
      ctx.addIssue({ code: 'custom', path: [...path, i, 'code'], message: fieldMessage(fieldTexts.feeDuplicateCode) });
    }
  });
}

/** What a petition adds for its quote: the fields the petition form gains, plus the stage. */
export const feeQuoteInputSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      kind: z.enum(PETITION_KINDS),
      stage: z._default(z.enum(FEE_STAGES), 'first-instance'),
      claimAmountRials: z.optional(rialsSchema),
      judgmentAmountRials: described(
        z.optional(rialsSchema),
        'For appeals and objections: the judgment amount the fee is a percentage of',
      ),
      nonMonetaryCategory: described(
        z.optional(feeCodeSchema),
        'Category code of a non-monetary claim, from the schedule',
      ),
      claimants: z.number().check(z.int(), z.gte(0), z.lte(20)),
      defendants: z.number().check(z.int(), z.gte(0), z.lte(20)),
      attachmentPages: described(
        z.array(z.number().check(z.int(), z.gte(0), z.lte(500))).check(z.maxLength(50)),
        'Attachment pages of each document',
      ),
      paidElectronically: z._default(z.boolean(), true),
      services: z.optional(z.record(feeCodeSchema, z.number().check(z.int(), z.gte(0), z.lte(20)))),
    })
    .check(
      z.refine(
        (v) =>
          !(
            v.nonMonetaryCategory !== undefined &&
            (v.claimAmountRials !== undefined || v.judgmentAmountRials !== undefined)
          ),
        {
          message: fieldMessage(fieldTexts.feeAmbiguousClaim),
          path: ['nonMonetaryCategory'],
        },
      ),
    )
    .register(z.globalRegistry, { id: 'FeeQuoteInput' }),
);

const bilingualOut = /* @__PURE__ */ lazySchema(() => z.strictObject({ fa: z.string(), en: z.string() }));

export const feeQuoteSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      schedule: z.strictObject({
        versionId: z.string(),
        year: z.number().check(z.int()),
        revision: z.number().check(z.int()),
        demo: z.boolean(),
      }),
      quotedAt: z.string(),
      quotedOn: described(z.string(), 'Solar Hijri day the schedule was chosen by'),
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
    .register(z.globalRegistry, {
      id: 'FeeQuote',
      description: 'Court-fee and tariff lines (label, basis, payee, rials, source), pinned to their schedule version',
    }),
);

const payeeBalance = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    quotedRials: z.string(),
    paidRials: described(z.string(), 'Verified payments only'),
    dueRials: described(z.string(), 'Still to pay to this payee'),
    creditRials: described(z.string(), 'Paid beyond the quote: recorded, not refunded'),
    deferredRials: described(z.string(), 'The court fee an indigency claim defers until the court decides it'),
  }),
);
export const feeBalanceSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ judiciary: payeeBalance, office: payeeBalance, dueRials: z.string(), settled: z.boolean() })
    .register(z.globalRegistry, {
      id: 'FeeBalance',
      description: 'The quote against the verified payments, per payee',
    }),
);

// The domain types are written by hand, as elsewhere; this holds the schemas to them at compile time.
void ([feeScheduleSchema, feeQuoteInputSchema, feeQuoteSchema, feeBalanceSchema] satisfies [
  z.ZodMiniType<FeeSchedule>,
  z.ZodMiniType<QuoteInput>,
  z.ZodMiniType<FeeQuote>,
  z.ZodMiniType<FeeBalance>,
]);
