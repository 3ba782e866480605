import * as z from 'zod';
import { ATTENTION_REASONS } from '../domain/attention';
import { DEFECT_CODES } from '../domain/defects';
import { lazily } from '../domain/lazily';
import { OFFICE_STATUSES } from '../domain/office';
import { PETITION_STATUSES } from '../domain/petition';
import { REVIEW_REASONS } from '../domain/routing';
import { fieldMessage } from '../i18n/messages';
import { calendarSchema, deadlineSchema, isoDate, provinceCodeSchema, targetProgressSchema } from './common';
import { innerOf, lazySchema } from './lazy';

export const reportPathSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/, { message: fieldMessage('month') })
      .describe('YYYY-MM: Solar Hijri by default (1398-06 is Shahrivar 1398)'),
  }),
);

export const reportQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    province: provinceCodeSchema
      .optional()
      .describe("The province (national-admin: required; province-admin: one's own, the default)"),
    calendar: calendarSchema.default('solar-hijri'),
    format: z
      .enum(['json', 'csv', 'svg'])
      .default('json')
      .describe('csv: UTF-8 with BOM for Excel; svg: chart of the offices against the previous month'),
  }),
);

export const nationalReportQuerySchema = /* @__PURE__ */ lazySchema(() =>
  innerOf(reportQuerySchema).omit({ province: true }),
);

export const generateQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    province: provinceCodeSchema
      .optional()
      .describe("province-admin: one's own (the default); national-admin: a province, or none for the national report"),
    calendar: calendarSchema.default('solar-hijri'),
  }),
);

export const networkTargetSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      targetCount: z.number().int().min(1).max(100_000).describe('Active offices the network should reach'),
      targetDate: isoDate.describe('By when (YYYY-MM-DD)'),
    })
    .meta({ id: 'NetworkTarget' }),
);

const figures = /* @__PURE__ */ lazily(() => ({
  registered: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  previous: z.number().int(),
  change: z.number().int(),
  changePercent: z.number().nullable(),
  documentsStored: z.number().int(),
  returnedForDefects: z.number().int(),
  returnsByDefect: z
    .strictObject(
      Object.fromEntries(DEFECT_CODES.map((code) => [code, z.number().int()])) as Record<
        (typeof DEFECT_CODES)[number],
        z.ZodNumber
      >,
    )
    .optional()
    .describe('Returns by defect code (a return with two defects counts under both); absent in older reports'),
  curesLapsed: z.number().int().optional().describe('Returned petitions whose cure period lapsed'),
  rejections: z.number().int().optional().describe('Rejection orders of the courts'),
  rejectionsForLapsedCure: z.number().int().optional().describe('Of them, orders for a lapsed cure period'),
  ratings: z.strictObject({
    responses: z.number().int(),
    courtesy: z.number().nullable(),
    responsiveness: z.number().nullable(),
    overall: z.number().nullable(),
  }),
  collected: z
    .strictObject({ judiciaryRials: z.string(), officeRials: z.string(), totalRials: z.string() })
    .optional()
    .describe('Verified payments in the month per payee (court fee, office tariff), whole rials; absent before fees'),
}));

const attentionListSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      asOf: z.string().describe("When the list was read: today, even in a closed month's report"),
      petitions: z.array(
        z.strictObject({
          petitionId: z.string(),
          officeCode: z.string(),
          courtCode: z.string().nullable(),
          status: z.enum(PETITION_STATUSES),
          reasons: z.array(z.enum(ATTENTION_REASONS)).min(1),
          provisionalDeadline: innerOf(deadlineSchema)
            .extend({ period: z.enum(['cure', 'objection']) })
            .optional()
            .describe("The period computed without a year's lunar holidays: it may move once they are loaded"),
          reviewReason: z.enum(REVIEW_REASONS).optional().describe('Why it went to the fallback court'),
          updatedAt: z.string(),
        }),
      ),
      truncated: z.boolean().describe('More petitions need attention than the list holds (latest changes first)'),
    })
    .describe("The province's petitions with a provisional deadline or flagged for review (a manager: own office's)"),
);

export const monthlyReportSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      provinceCode: z.string(),
      provinceName: z.string(),
      month: z.string(),
      calendar: calendarSchema,
      from: z.string().describe('UTC instant the month starts (inclusive), Tehran midnight'),
      to: z.string().describe('UTC instant the next month starts (exclusive)'),
      generatedAt: z.string(),
      provisional: z.boolean(),
      coverage: z
        .strictObject({ daysCovered: z.number().int(), daysInMonth: z.number().int() })
        .describe('Days of the month the figures cover: all once the month has closed'),
      offices: z.array(
        z.strictObject({
          officeCode: z.string(),
          name: z.string(),
          judicialDistrict: z.string(),
          county: z.string(),
          bakhsh: z.string().optional(),
          deprivedArea: z.boolean(),
          rank: z.number().int().nullable().describe('Among offices active at the month end; null for the others'),
          statusAtMonthEnd: z.enum([...OFFICE_STATUSES, 'not-registered']),
          ...figures(),
        }),
      ),
      districts: z.array(z.strictObject({ judicialDistrict: z.string(), offices: z.number().int(), ...figures() })),
      province: z.strictObject({ offices: z.number().int(), ...figures() }),
      network: z.strictObject({
        active: z.number().int(),
        planned: z.number().int(),
        suspended: z.number().int(),
        closed: z.number().int(),
        openedThisMonth: z.number().int(),
        deprivedAreaOffices: z.number().int(),
        deprivedAreasServed: z.number().int(),
        deprivedAreaPetitions: z.number().int(),
        target: targetProgressSchema,
      }),
      attention: attentionListSchema.optional(),
    })
    .meta({ id: 'MonthlyReport', description: "One province's report" }),
);

const provinceFigures = /* @__PURE__ */ lazily(() => ({
  offices: z.number().int(),
  active: z.number().int(),
  planned: z.number().int(),
  registered: z.number().int(),
  previous: z.number().int(),
  change: z.number().int(),
  changePercent: z.number().nullable(),
  deprivedAreaOffices: z.number().int(),
  deprivedAreasServed: z.number().int(),
  deprivedAreaPetitions: z.number().int(),
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
      coverage: z.strictObject({ daysCovered: z.number().int(), daysInMonth: z.number().int() }),
      provinces: z.array(
        z.strictObject({
          provinceCode: z.string(),
          name: z.string(),
          rank: z.number().int().nullable().describe('Among provinces with an active office; ties share a rank'),
          target: targetProgressSchema,
          ...provinceFigures(),
        }),
      ),
      country: z.strictObject({ provinces: z.number().int(), ...provinceFigures() }),
    })
    .meta({ id: 'NationalReport', description: 'The provinces ranked, from the per-office counters' }),
);
