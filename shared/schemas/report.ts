import * as z from 'zod/mini';
import { ATTENTION_REASONS } from '../domain/attention';
import { DEFECT_CODES } from '../domain/defects';
import { lazily } from '../domain/lazily';
import { OFFICE_STATUSES } from '../domain/office';
import { PETITION_STATUSES } from '../domain/petition';
import { REVIEW_REASONS } from '../domain/routing';
import * as fieldTexts from '../i18n/field-messages';
import { fieldMessage } from '../i18n/field-text';
import { calendarSchema, deadlineSchema, isoDate, provinceCodeSchema, targetProgressSchema } from './common';
import { described, innerOf, lazySchema } from './lazy';

export const reportPathSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    month: described(
      z.string().check(z.regex(/^\d{4}-\d{2}$/, { message: fieldMessage(fieldTexts.month) })),
      'YYYY-MM: Solar Hijri by default (1398-06 is Shahrivar 1398)',
    ),
  }),
);

export const reportQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    province: described(
      z.optional(provinceCodeSchema),
      "The province (national-admin: required; province-admin: one's own, the default)",
    ),
    calendar: z._default(calendarSchema, 'solar-hijri'),
    format: described(
      z._default(z.enum(['json', 'csv', 'svg']), 'json'),
      'csv: UTF-8 with BOM for Excel; svg: chart of the offices against the previous month',
    ),
  }),
);

export const nationalReportQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.omit(innerOf(reportQuerySchema), { province: true }),
);

export const generateQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    province: described(
      z.optional(provinceCodeSchema),
      "province-admin: one's own (the default); national-admin: a province, or none for the national report",
    ),
    calendar: z._default(calendarSchema, 'solar-hijri'),
  }),
);

export const networkTargetSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      targetCount: described(
        z.number().check(z.int(), z.gte(1), z.lte(100_000)),
        'Active offices the network should reach',
      ),
      targetDate: described(isoDate, 'By when (Gregorian YYYY-MM-DD)'),
    })
    .register(z.globalRegistry, { id: 'NetworkTarget' }),
);

const figures = /* @__PURE__ */ lazily(() => ({
  registered: z.number().check(z.int()),
  byKind: z.record(z.string(), z.number().check(z.int())),
  previous: z.number().check(z.int()),
  change: z.number().check(z.int()),
  changePercent: z.nullable(z.number()),
  documentsStored: z.number().check(z.int()),
  returnedForDefects: z.number().check(z.int()),
  returnsByDefect: described(
    z.optional(
      z.strictObject(
        Object.fromEntries(DEFECT_CODES.map((code) => [code, z.number().check(z.int())])) as Record<
          (typeof DEFECT_CODES)[number],
          z.ZodMiniNumber
        >,
      ),
    ),
    'Returns by defect code (a return with two defects counts under both); absent in older reports',
  ),
  curesLapsed: described(z.optional(z.number().check(z.int())), 'Returned petitions whose cure period lapsed'),
  rejections: described(z.optional(z.number().check(z.int())), 'Rejection orders of the courts'),
  rejectionsForLapsedCure: described(z.optional(z.number().check(z.int())), 'Of them, orders for a lapsed cure period'),
  ratings: z.strictObject({
    responses: z.number().check(z.int()),
    courtesy: z.nullable(z.number()),
    responsiveness: z.nullable(z.number()),
    overall: z.nullable(z.number()),
  }),
  collected: described(
    z.optional(z.strictObject({ judiciaryRials: z.string(), officeRials: z.string(), totalRials: z.string() })),
    'Verified payments in the month per payee (court fee, office tariff), whole rials; absent before fees',
  ),
}));

const attentionListSchema = /* @__PURE__ */ lazySchema(() =>
  described(
    z.strictObject({
      asOf: described(z.string(), "When the list was read: today, even in a closed month's report"),
      petitions: z.array(
        z.strictObject({
          petitionId: z.string(),
          officeCode: z.string(),
          courtCode: z.nullable(z.string()),
          status: z.enum(PETITION_STATUSES),
          reasons: z.array(z.enum(ATTENTION_REASONS)).check(z.minLength(1)),
          provisionalDeadline: described(
            z.optional(z.extend(innerOf(deadlineSchema), { period: z.enum(['cure', 'objection']) })),
            "The period computed without a year's lunar holidays: it may move once they are loaded",
          ),
          reviewReason: described(z.optional(z.enum(REVIEW_REASONS)), 'Why it went to the fallback court'),
          updatedAt: z.string(),
        }),
      ),
      truncated: described(z.boolean(), 'More petitions need attention than the list holds (latest changes first)'),
    }),
    "The province's petitions with a provisional deadline or flagged for review (a manager: own office's)",
  ),
);

export const monthlyReportSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      provinceCode: z.string(),
      provinceName: z.string(),
      month: z.string(),
      calendar: calendarSchema,
      from: described(z.string(), 'UTC instant the month starts (inclusive), Tehran midnight'),
      to: described(z.string(), 'UTC instant the next month starts (exclusive)'),
      generatedAt: z.string(),
      provisional: z.boolean(),
      coverage: described(
        z.strictObject({ daysCovered: z.number().check(z.int()), daysInMonth: z.number().check(z.int()) }),
        'Days of the month the figures cover: all once the month has closed',
      ),
      offices: z.array(
        z.strictObject({
          officeCode: z.string(),
          name: z.string(),
          judicialDistrict: z.string(),
          county: z.string(),
          bakhsh: z.optional(z.string()),
          deprivedArea: z.boolean(),
          rank: described(
            z.nullable(z.number().check(z.int())),
            'Among offices active at the month end; null for the others',
          ),
          statusAtMonthEnd: z.enum([...OFFICE_STATUSES, 'not-registered']),
          ...figures(),
        }),
      ),
      districts: z.array(
        z.strictObject({ judicialDistrict: z.string(), offices: z.number().check(z.int()), ...figures() }),
      ),
      province: z.strictObject({ offices: z.number().check(z.int()), ...figures() }),
      network: z.strictObject({
        active: z.number().check(z.int()),
        planned: z.number().check(z.int()),
        suspended: z.number().check(z.int()),
        closed: z.number().check(z.int()),
        openedThisMonth: z.number().check(z.int()),
        deprivedAreaOffices: z.number().check(z.int()),
        deprivedAreasServed: z.number().check(z.int()),
        deprivedAreaPetitions: z.number().check(z.int()),
        target: targetProgressSchema,
      }),
      attention: z.optional(attentionListSchema),
    })
    .register(z.globalRegistry, { id: 'MonthlyReport', description: "One province's report" }),
);

const provinceFigures = /* @__PURE__ */ lazily(() => ({
  offices: z.number().check(z.int()),
  active: z.number().check(z.int()),
  planned: z.number().check(z.int()),
  registered: z.number().check(z.int()),
  previous: z.number().check(z.int()),
  change: z.number().check(z.int()),
  changePercent: z.nullable(z.number()),
  deprivedAreaOffices: z.number().check(z.int()),
  deprivedAreasServed: z.number().check(z.int()),
  deprivedAreaPetitions: z.number().check(z.int()),
}));

export const nationalReportSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      scope: z.literal('national'),
      month: z.string(),
      calendar: calendarSchema,
      from: z.string(),
      to: z.string(),
      generatedAt: z.string(),
      provisional: z.boolean(),
      coverage: z.strictObject({ daysCovered: z.number().check(z.int()), daysInMonth: z.number().check(z.int()) }),
      provinces: z.array(
        z.strictObject({
          provinceCode: z.string(),
          name: z.string(),
          rank: described(
            z.nullable(z.number().check(z.int())),
            'Among provinces with an active office; ties share a rank',
          ),
          target: targetProgressSchema,
          ...provinceFigures(),
        }),
      ),
      country: z.strictObject({ provinces: z.number().check(z.int()), ...provinceFigures() }),
    })
    .register(z.globalRegistry, {
      id: 'NationalReport',
      description: 'The provinces ranked, from the per-office counters',
    }),
);
