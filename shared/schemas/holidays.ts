import * as z from 'zod/mini';
import { PROVINCE_CODES } from '../domain/provinces';
import { MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR, parseDay, WEEKDAYS, type Weekday } from '../domain/solar-hijri-days';
import * as fieldTexts from '../i18n/field-messages';
import { fieldMessage } from '../i18n/field-text';
import { persianText, provinceCodeSchema } from './common';
import { described, lazySchema } from './lazy';

export const solarDaySchema = /* @__PURE__ */ lazySchema(() =>
  described(
    z
      .string()
      .check(z.refine((value) => parseDay(value) !== undefined, { message: fieldMessage(fieldTexts.solarDate) })),
    'Solar Hijri date, YYYY-MM-DD',
  ),
);

export const holidayNameSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    fa: persianText(2, 120),
    en: z.string().check(z.trim(), z.minLength(2), z.maxLength(120)),
  }),
);

/** A year of lunar holidays as `national-admin` loads it from the official calendar. */
export const lunarHolidayCalendarSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      year: described(
        z.number().check(z.int(), z.gte(MIN_SUPPORTED_YEAR), z.lte(MAX_SUPPORTED_YEAR)),
        'Solar Hijri year',
      ),
      holidays: z.array(z.strictObject({ date: solarDaySchema, name: holidayNameSchema })).check(
        z.minLength(1),
        // About 17 lunar holidays fall in a solar year, a few twice, as the lunar year is 11 days shorter.
        z.maxLength(40),
      ),
      source: described(
        z.string().check(z.trim(), z.minLength(3), z.maxLength(300)),
        'Where the dates come from: the calendar and its publisher',
      ),
      demo: described(z._default(z.boolean(), false), 'Demo data, not the official calendar'),
      expectedVersion: described(
        z.optional(z.number().check(z.int(), z.positive())),
        "To replace a loaded year: its load's version (GET /v1/holidays/{year}); 409 unless it is still stored",
      ),
    })
    .check(
      z.superRefine((calendar, ctx) => {
        const seen = new Set<string>();
        calendar.holidays.forEach((holiday, index) => {
          const day = parseDay(holiday.date);
          if (day && day.year !== calendar.year) {
            ctx.addIssue({
              code: 'custom',
              path: ['holidays', index, 'date'],
              message: fieldMessage(fieldTexts.holidayYear),
            });
          }
          if (seen.has(holiday.date)) {
            ctx.addIssue({
              code: 'custom',
              path: ['holidays', index, 'date'],
              message: fieldMessage(fieldTexts.holidayDuplicate),
            });
          }
          seen.add(holiday.date);
        });
      }),
    )
    .register(z.globalRegistry, { id: 'LunarHolidayCalendar' }),
);

export type LunarHolidayCalendarInput = z.input<typeof lunarHolidayCalendarSchema>;
export type LunarHolidayLoad = z.output<typeof lunarHolidayCalendarSchema>;

/** A holiday a province's administrator adds for the province alone (a provincial occasion, a closure). */
export const provincialHolidaySchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      provinceCode: described(
        z.optional(provinceCodeSchema),
        "The administrator's own province (another province's is refused)",
      ),
      date: solarDaySchema,
      name: holidayNameSchema,
    })
    .register(z.globalRegistry, { id: 'ProvincialHoliday' }),
);

/** Closed weekdays besides Friday, which is always closed. */
export const workWeekSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      provinceCode: described(
        z.optional(provinceCodeSchema),
        "The administrator's own province (another province's is refused)",
      ),
      closedWeekdays: described(
        z.array(z.enum(WEEKDAYS.filter((day) => day !== 'friday') as [Weekday, ...Weekday[]])).check(
          z.maxLength(5),
          z.refine((days) => new Set(days).size === days.length, { message: fieldMessage(fieldTexts.workWeek) }),
        ),
        'Closed weekdays besides Friday, e.g. ["thursday"]; [] for Friday alone',
      ),
    })
    .register(z.globalRegistry, { id: 'WorkWeek' }),
);

export const calendarPathSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    year: described(
      z.coerce.number().check(z.int(), z.gte(MIN_SUPPORTED_YEAR), z.lte(MAX_SUPPORTED_YEAR)),
      'Solar Hijri year',
    ),
  }),
);

export const calendarQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    province: described(
      z.optional(provinceCodeSchema),
      'The province (required except for province-admin, who gets their own; national-admin may leave it out)',
    ),
  }),
);

const holidayEntry = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    date: described(z.string(), 'Solar Hijri YYYY-MM-DD'),
    kind: z.enum(['fixed', 'lunar', 'provincial']),
    name: z.strictObject({ fa: z.string(), en: z.string() }),
  }),
);

export const workCalendarSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      year: z.number().check(z.int()),
      provinceCode: described(z.nullable(z.enum(PROVINCE_CODES)), 'null: the national calendar alone'),
      closedWeekdays: described(z.array(z.enum(WEEKDAYS)), "Friday and the province's other closed weekdays"),
      lunar: described(
        z.nullable(
          z.strictObject({
            source: z.string(),
            demo: z.boolean(),
            loadedAt: z.string(),
            version: described(z.number().check(z.int()), "The load's version, which a replacement names"),
          }),
        ),
        "null: the year's lunar holidays are not loaded, and deadlines in it are provisional",
      ),
      holidays: z.array(holidayEntry),
    })
    .register(z.globalRegistry, {
      id: 'WorkCalendar',
      description: 'The days the offices of a province are closed in one Solar Hijri year',
    }),
);

export const lunarHolidaysLoadedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      year: z.number().check(z.int()),
      holidays: described(z.number().check(z.int()), 'How many days were loaded'),
      source: z.string(),
      demo: z.boolean(),
      loadedAt: z.string(),
      version: described(z.number().check(z.int()), "The load's version, which a replacement names"),
    })
    .register(z.globalRegistry, { id: 'LunarHolidaysLoaded' }),
);

export type ProvincialHolidayInput = z.output<typeof provincialHolidaySchema>;
export type WorkWeekInput = z.output<typeof workWeekSchema>;
