import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import type { LunarHolidayCalendar } from '../domain/holidays';
import { holidaysOfYear } from '../domain/legal-periods';
import type { ProvinceCode } from '../domain/provinces';
import type { Principal, ProvinceAdmin } from '../domain/roles';
import { WEEKDAYS } from '../domain/solar-hijri-days';
import * as fieldTexts from '../i18n/field-messages';
import { fieldText } from '../i18n/field-text';
import type { CalendarRepository, Clock } from '../ports';
import type { ProvincialHolidayInput, WorkWeekInput } from '../schemas/holidays';

/**
 * The calendars legal periods are counted on (shared/domain/legal-periods.ts): the national
 * administrator loads each Solar Hijri year's lunar holidays from the official calendar; a
 * province's administrator adds the province's own holidays and sets its closed weekdays.
 */
export async function loadLunarHolidays(calendars: CalendarRepository, clock: Clock, input: LunarHolidayCalendar) {
  const loadedAt = clock.now().toISOString();
  await calendars.putLunarCalendar({ ...input, loadedAt });
  return { year: input.year, holidays: input.holidays.length, source: input.source, demo: input.demo, loadedAt };
}

export async function addProvincialHoliday(
  calendars: CalendarRepository,
  admin: ProvinceAdmin,
  input: ProvincialHolidayInput,
) {
  if (input.provinceCode && input.provinceCode !== admin.provinceCode) throw new ForbiddenError();
  const holiday = { provinceCode: admin.provinceCode, date: input.date, name: input.name };
  await calendars.addProvincialHoliday(holiday);
  return holiday;
}

export async function setWorkWeek(calendars: CalendarRepository, admin: ProvinceAdmin, input: WorkWeekInput) {
  if (input.provinceCode && input.provinceCode !== admin.provinceCode) throw new ForbiddenError();
  await calendars.setClosedWeekdays(admin.provinceCode, input.closedWeekdays);
  return { provinceCode: admin.provinceCode, closedWeekdays: input.closedWeekdays };
}

/**
 * The days a province's offices are closed in a year, with whether the year's lunar holidays are
 * loaded. A province administrator reads their own province (another answers 404); the national
 * administrator may leave the province out for the national calendar alone; others name it.
 */
export async function readWorkCalendar(
  calendars: CalendarRepository,
  principal: Principal,
  year: number,
  province: ProvinceCode | undefined,
) {
  if (principal.kind === 'province' && province && province !== principal.provinceCode) {
    throw new NotFoundError('calendar');
  }
  const provinceCode = principal.kind === 'province' ? principal.provinceCode : province;
  if (!provinceCode && principal.kind !== 'national') {
    throw new ValidationError([
      { field: 'query.province', code: 'required', messages: fieldText(fieldTexts.provinceRequired) },
    ]);
  }
  const [lunar, calendar] = await Promise.all([
    calendars.lunarLoads([year]),
    provinceCode ? calendars.workCalendar(provinceCode, [year]) : undefined,
  ]);
  const loaded = lunar.get(year);
  const work = calendar ?? {
    provinceCode: '',
    closedWeekdays: [],
    lunarCalendars: loaded ? [loaded] : [],
    provincialHolidays: [],
  };
  return {
    year,
    provinceCode: provinceCode ?? null,
    closedWeekdays: WEEKDAYS.filter((day) => day === 'friday' || work.closedWeekdays.includes(day)),
    lunar: loaded ? { source: loaded.source, demo: loaded.demo, loadedAt: loaded.loadedAt } : null,
    holidays: holidaysOfYear(work, year),
  };
}
