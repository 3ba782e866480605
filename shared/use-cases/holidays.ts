import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import type { LunarHolidayCalendar } from '../domain/holidays';
import {
  closedForAYearFrom,
  holidaysOfYear,
  MAX_CLOSED_RUN,
  type WorkCalendar,
  yearsBetween,
} from '../domain/legal-periods';
import type { ProvinceCode } from '../domain/provinces';
import type { Principal, ProvinceAdmin } from '../domain/roles';
import { addDays, parseDay, type SolarHijriDay, tehranDayOf, WEEKDAYS, weekdayOf } from '../domain/solar-hijri-days';
import * as fieldTexts from '../i18n/field-messages';
import { fieldText } from '../i18n/field-text';
import * as problemTexts from '../i18n/problem-texts';
import type { CalendarRepository, Clock, StoredLunarCalendar } from '../ports';
import type { LunarHolidayLoad, ProvincialHolidayInput, WorkWeekInput } from '../schemas/holidays';
import { type LapseDeps, recountCuresClosedBy } from './lapses';

/**
 * The calendars legal periods are counted on (shared/domain/legal-periods.ts): the national
 * administrator loads each Solar Hijri year's lunar holidays from the official calendar; a
 * province's administrator adds the province's own holidays and sets its closed weekdays.
 *
 * A province's change is refused (409 calendar-without-open-day) when it would close the province's
 * offices for MAX_CLOSED_RUN days in a row: a period whose last day fell in that run could never end
 * (lastDayToAct's NoOpenDayError). A holiday can only make a run through its own day, so that run is
 * checked; a work week changes every week, so the runs that start within the coming year are. Two
 * changes made at the same moment are each checked without the other; lastDayToAct's 409 is the
 * backstop for that, and for a calendar stored before this check. The national lunar load is not
 * checked: it is the official calendar, and a province that closed all but a few days of its year
 * is the province's to correct, not a reason to refuse the calendar for every province.
 */
export async function loadLunarHolidays(calendars: CalendarRepository, clock: Clock, input: LunarHolidayLoad) {
  const { expectedVersion, ...calendar } = input;
  const stored = await calendars.lunarLoad(calendar.year);
  // The same calendar again (a retry after a lost answer) is the load already stored, as with fee
  // schedules; anything else replaces a loaded year only by naming its version, as a PATCH does.
  if (stored && sameLunarCalendar(stored, calendar)) return loadedView(stored);
  if ((stored?.version ?? 0) !== (expectedVersion ?? 0)) {
    throw new ConflictError(problemTexts.lunarHolidaysLoaded, { year: calendar.year, version: stored?.version ?? 0 });
  }
  const load = { ...calendar, loadedAt: clock.now().toISOString(), version: (stored?.version ?? 0) + 1 };
  await calendars.putLunarCalendar(load, stored?.version);
  return loadedView(load);
}

const loadedView = (load: StoredLunarCalendar) => ({
  year: load.year,
  holidays: load.holidays.length,
  source: load.source,
  demo: load.demo,
  loadedAt: load.loadedAt,
  version: load.version,
});

/** The same days with the same names from the same source, whatever order the days were sent in. */
function sameLunarCalendar(a: LunarHolidayCalendar, b: LunarHolidayCalendar): boolean {
  const days = (calendar: LunarHolidayCalendar) =>
    JSON.stringify(
      [...calendar.holidays]
        .sort((x, y) => x.date.localeCompare(y.date))
        .map((holiday) => [holiday.date, holiday.name.fa, holiday.name.en]),
    );
  return a.source === b.source && a.demo === b.demo && days(a) === days(b);
}

/** What a province's calendar change takes: the calendar, and what recounts the deadlines it closes. */
export type CalendarChangeDeps = LapseDeps & { calendars: CalendarRepository };

/**
 * How far ahead a closed weekday's days are looked at for stored last days: a cure period's last
 * day is 11 days after service, moved over the closed days after it, so a month holds every last
 * day of a period served by now unless a closure of more than 19 days moved it. A last day further
 * ahead is counted again by the lapse job, as any period is before it lapses.
 */
export const WORK_WEEK_RECOUNT_DAYS = 31;

/**
 * Stores the holiday, then counts again the cure periods of the province whose stored last day it
 * closes (recountCuresClosedBy): their later deadlines are stored and the parties told at once.
 */
export async function addProvincialHoliday(
  deps: CalendarChangeDeps,
  admin: ProvinceAdmin,
  input: ProvincialHolidayInput,
) {
  if (input.provinceCode && input.provinceCode !== admin.provinceCode) throw new ForbiddenError();
  const holiday = { provinceCode: admin.provinceCode, date: input.date, name: input.name };
  const day = parseDay(input.date);
  if (!day) throw new RangeError(`not a Solar Hijri day: ${input.date}`); // the schema checked it
  const withHoliday = (calendar: WorkCalendar) => ({
    ...calendar,
    provincialHolidays: [...calendar.provincialHolidays, holiday],
  });
  // Every run of MAX_CLOSED_RUN days through the new holiday begins at most MAX_CLOSED_RUN - 1 days before it.
  await assertOpenDays(deps.calendars, admin.provinceCode, addDays(day, 1 - MAX_CLOSED_RUN), day, withHoliday);
  await deps.calendars.addProvincialHoliday(holiday);
  const recount = await recountCuresClosedBy(deps, {
    provinceCode: admin.provinceCode,
    days: [day],
    apply: withHoliday,
  });
  return { holiday, recount };
}

/**
 * Stores the closed weekdays, then counts again the cure periods of the province whose stored last
 * day falls on a weekday newly closed, from today through WORK_WEEK_RECOUNT_DAYS ahead. A weekday
 * opened again moves no deadline: a recount never makes one earlier.
 */
export async function setWorkWeek(deps: CalendarChangeDeps, admin: ProvinceAdmin, input: WorkWeekInput) {
  if (input.provinceCode && input.provinceCode !== admin.provinceCode) throw new ForbiddenError();
  const today = tehranDayOf(deps.clock.now());
  const withWeek = (calendar: WorkCalendar) => ({ ...calendar, closedWeekdays: input.closedWeekdays });
  const before = await assertOpenDays(
    deps.calendars,
    admin.provinceCode,
    today,
    addDays(today, MAX_CLOSED_RUN),
    withWeek,
  );
  await deps.calendars.setClosedWeekdays(admin.provinceCode, input.closedWeekdays);
  const newlyClosed = new Set(input.closedWeekdays.filter((weekday) => !before.closedWeekdays.includes(weekday)));
  const days = Array.from({ length: WORK_WEEK_RECOUNT_DAYS + 1 }, (_, i) => addDays(today, i)).filter((day) =>
    newlyClosed.has(weekdayOf(day)),
  );
  const recount = await recountCuresClosedBy(deps, { provinceCode: admin.provinceCode, days, apply: withWeek });
  return { week: { provinceCode: admin.provinceCode, closedWeekdays: input.closedWeekdays }, recount };
}

/**
 * Refuses a change after which a run of MAX_CLOSED_RUN closed days would begin between `from` and
 * `through` in the province (one read of its calendar, the years such a run can reach). Returns
 * the calendar as read, without the change.
 */
async function assertOpenDays(
  calendars: Pick<CalendarRepository, 'workCalendar'>,
  provinceCode: ProvinceCode,
  from: SolarHijriDay,
  through: SolarHijriDay,
  change: (calendar: WorkCalendar) => WorkCalendar,
): Promise<WorkCalendar> {
  const years = yearsBetween(from, addDays(through, MAX_CLOSED_RUN));
  const calendar = await calendars.workCalendar(provinceCode, years);
  const closedFrom = closedForAYearFrom(change(calendar), from, through);
  if (closedFrom) {
    throw new ConflictError(problemTexts.calendarWithoutOpenDay, { from: closedFrom, days: MAX_CLOSED_RUN });
  }
  return calendar;
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
    lunar: loaded
      ? { source: loaded.source, demo: loaded.demo, loadedAt: loaded.loadedAt, version: loaded.version }
      : null,
    holidays: holidaysOfYear(work, year),
  };
}
