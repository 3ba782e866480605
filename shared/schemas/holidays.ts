import * as z from 'zod';
import { MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR, parseDay } from '../domain/solar-hijri-days';
import { fieldMessage, type Language } from '../i18n/messages';
import { persianText } from './common';

/**
 * The messages of the keys below, for FIELD_MESSAGES in shared/i18n/messages.ts (not merged there
 * yet): until they are, the validator shows the bare key.
 */
type HolidayMessageKey = 'solar-date' | 'holiday-year' | 'holiday-duplicate';

export const HOLIDAY_FIELD_MESSAGES: Record<HolidayMessageKey, Record<Language, string>> = {
  'solar-date': {
    fa: 'تاریخ باید به شکل YYYY-MM-DD و روزی واقعی از تقویم هجری شمسی باشد.',
    en: 'Date must be a real Solar Hijri day, written YYYY-MM-DD.',
  },
  'holiday-year': {
    fa: 'تاریخ تعطیل باید در همان سالی باشد که تقویم برای آن است.',
    en: "A holiday must fall within the calendar's year.",
  },
  'holiday-duplicate': {
    fa: 'هر روز را یک بار بنویسید؛ مناسبت‌های هم‌زمان را در یک نام بیاورید.',
    en: 'List each day once; put occasions that fall on the same day under one name.',
  },
};

export const solarDaySchema = z
  .string()
  .refine((value) => parseDay(value) !== undefined, { message: fieldMessage('solar-date') })
  .describe('Solar Hijri date, YYYY-MM-DD');

export const holidayNameSchema = z.strictObject({
  fa: persianText(2, 120),
  en: z.string().trim().min(2).max(120),
});

/** A year of lunar holidays as `national-admin` loads it from the official calendar. */
export const lunarHolidayCalendarSchema = z
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
        ctx.addIssue({ code: 'custom', path: ['holidays', index, 'date'], message: fieldMessage('holiday-duplicate') });
      }
      seen.add(holiday.date);
    });
  })
  .meta({ id: 'LunarHolidayCalendar' });

export type LunarHolidayCalendarInput = z.input<typeof lunarHolidayCalendarSchema>;
