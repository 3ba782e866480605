import * as z from 'zod';
import { PROVINCE_CODES } from '../domain/provinces';
import { MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR, parseDay, WEEKDAYS, type Weekday } from '../domain/solar-hijri-days';
import { FIELD_MESSAGES, fieldMessage, type Language } from '../i18n/messages';
import { persianText, provinceCodeSchema } from './common';
import { lazySchema } from './lazy';

/** The messages of the keys these schemas use, as FIELD_MESSAGES holds them. */
type HolidayMessageKey = 'solar-date' | 'holiday-year' | 'holiday-duplicate' | 'work-week';

export const HOLIDAY_FIELD_MESSAGES = Object.fromEntries(
  (['solar-date', 'holiday-year', 'holiday-duplicate', 'work-week'] as const).map((key) => [key, FIELD_MESSAGES[key]]),
) as Record<HolidayMessageKey, Record<Language, string>>;

export const solarDaySchema = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .refine((value) => parseDay(value) !== undefined, { message: fieldMessage('solar-date') })
    .describe('Solar Hijri date, YYYY-MM-DD'),
);

export const holidayNameSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    fa: persianText(2, 120),
    en: z.string().trim().min(2).max(120),
  }),
);

/** A year of lunar holidays as `national-admin` loads it from the official calendar. */
export const lunarHolidayCalendarSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      year: z.number().int().min(MIN_SUPPORTED_YEAR).max(MAX_SUPPORTED_YEAR).describe('Solar Hijri year'),
      holidays: z
        .array(z.strictObject({ date: solarDaySchema, name: holidayNameSchema }))
        .min(1)
        // About 17 lunar holidays fall in a solar year, a few twice, as the lunar year is 11 days shorter.
        .max(40),
      source: z.string().trim().min(3).max(300).describe('Where the dates come from: the calendar and its publisher'),
      demo: z.boolean().default(false).describe('Demo data, not the official calendar'),
    })
    .superRefine((calendar, ctx) => {
      const seen = new Set<string>();
      calendar.holidays.forEach((holiday, index) => {
        const day = parseDay(holiday.date);
        if (day && day.year !== calendar.year) {
          ctx.addIssue({ code: 'custom', path: ['holidays', index, 'date'], message: fieldMessage('holiday-year') });
        }
        if (seen.has(holiday.date)) {
          ctx.addIssue({
            code: 'custom',
            path: ['holidays', index, 'date'],
            message: fieldMessage('holiday-duplicate'),
          });
        }
        seen.add(holiday.date);
      });
    })
    .meta({ id: 'LunarHolidayCalendar' }),
);

export type LunarHolidayCalendarInput = z.input<typeof lunarHolidayCalendarSchema>;

/** A holiday a province's administrator adds for the province alone (a provincial occasion, a closure). */
export const provincialHolidaySchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      provinceCode: provinceCodeSchema
        .optional()
        .describe("The administrator's own province (another province's is refused)"),
      date: solarDaySchema,
      name: holidayNameSchema,
    })
    .meta({ id: 'ProvincialHoliday' }),
);

/** Closed weekdays besides Friday, which is always closed. */
export const workWeekSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      provinceCode: provinceCodeSchema
        .optional()
        .describe("The administrator's own province (another province's is refused)"),
      closedWeekdays: z
        .array(z.enum(WEEKDAYS.filter((day) => day !== 'friday') as [Weekday, ...Weekday[]]))
        .max(5)
        .refine((days) => new Set(days).size === days.length, { message: fieldMessage('work-week') })
        .describe('Closed weekdays besides Friday, e.g. ["thursday"]; [] for Friday alone'),
    })
    .meta({ id: 'WorkWeek' }),
);

export const calendarPathSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    year: z.coerce.number().int().min(MIN_SUPPORTED_YEAR).max(MAX_SUPPORTED_YEAR).describe('Solar Hijri year'),
  }),
);

export const calendarQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    province: provinceCodeSchema
      .optional()
      .describe(
        'The province (required except for province-admin, who gets their own; national-admin may leave it out)',
      ),
  }),
);

const holidayEntry = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    date: z.string().describe('Solar Hijri YYYY-MM-DD'),
    kind: z.enum(['fixed', 'lunar', 'provincial']),
    name: z.strictObject({ fa: z.string(), en: z.string() }),
  }),
);

export const workCalendarSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      year: z.number().int(),
      provinceCode: z.enum(PROVINCE_CODES).nullable().describe('null: the national calendar alone'),
      closedWeekdays: z.array(z.enum(WEEKDAYS)).describe("Friday and the province's other closed weekdays"),
      lunar: z
        .strictObject({ source: z.string(), demo: z.boolean(), loadedAt: z.string() })
        .nullable()
        .describe("null: the year's lunar holidays are not loaded, and deadlines in it are provisional"),
      holidays: z.array(holidayEntry),
    })
    .meta({ id: 'WorkCalendar', description: 'The days the offices of a province are closed in one Solar Hijri year' }),
);

export const lunarHolidaysLoadedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      year: z.number().int(),
      holidays: z.number().int().describe('How many days were loaded'),
      source: z.string(),
      demo: z.boolean(),
      loadedAt: z.string(),
    })
    .meta({ id: 'LunarHolidaysLoaded' }),
);

export type ProvincialHolidayInput = z.output<typeof provincialHolidaySchema>;
export type WorkWeekInput = z.output<typeof workWeekSchema>;
