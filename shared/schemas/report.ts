import * as z from 'zod';
import { fieldMessage } from '../i18n/messages';
import { isoDate, targetProgressSchema } from './common';

export const reportPathSchema = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, { message: fieldMessage('month') })
    .describe('YYYY-MM: Solar Hijri by default (1398-06 is Shahrivar 1398)'),
});

export const reportQuerySchema = z.strictObject({
  calendar: z.enum(['solar-hijri', 'gregorian']).default('solar-hijri'),
  format: z
    .enum(['json', 'csv', 'svg'])
    .default('json')
    .describe('csv: UTF-8 with BOM for Excel; svg: chart of the offices against the previous month'),
});

export const generateQuerySchema = z.strictObject({
  calendar: z.enum(['solar-hijri', 'gregorian']).default('solar-hijri'),
});

export const networkTargetSchema = z
  .strictObject({
    targetCount: z.number().int().min(1).max(100_000).describe('Active offices the network should reach'),
    targetDate: isoDate.describe('By when (YYYY-MM-DD)'),
  })
  .meta({ id: 'NetworkTarget' });

const figures = {
  registered: z.number().int(),
  byKind: z.record(z.string(), z.number().int()),
  previous: z.number().int(),
  change: z.number().int(),
  changePercent: z.number().nullable(),
  documentsStored: z.number().int(),
  returnedForDefects: z.number().int(),
  ratings: z.object({
    responses: z.number().int(),
    courtesy: z.number().nullable(),
    responsiveness: z.number().nullable(),
    overall: z.number().nullable(),
  }),
};

export const monthlyReportSchema = z
  .object({
    month: z.string(),
    calendar: z.enum(['solar-hijri', 'gregorian']),
    from: z.string().describe('UTC instant the month starts (inclusive), Tehran midnight'),
    to: z.string().describe('UTC instant the next month starts (exclusive)'),
    generatedAt: z.string(),
    provisional: z.boolean(),
    offices: z.array(
      z.object({
        officeCode: z.string(),
        name: z.string(),
        judicialDistrict: z.string(),
        rank: z.number().int(),
        statusAtMonthEnd: z.string(),
        ...figures,
      }),
    ),
    districts: z.array(z.object({ judicialDistrict: z.string(), offices: z.number().int(), ...figures })),
    province: z.object({ offices: z.number().int(), ...figures }),
    network: z.object({
      active: z.number().int(),
      planned: z.number().int(),
      suspended: z.number().int(),
      closed: z.number().int(),
      openedThisMonth: z.number().int(),
      deprivedAreaOffices: z.number().int(),
      deprivedAreaPetitions: z.number().int(),
      target: targetProgressSchema,
    }),
  })
  .meta({ id: 'MonthlyReport' });
