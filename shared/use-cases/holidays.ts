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
import { addDays, parseDay, type SolarHijriDay, tehranDayOf, WEEKDAYS } from '../domain/solar-hijri-days';
import * as fieldTexts from '../i18n/field-messages';
import { fieldText } from '../i18n/field-text';
import * as problemTexts from '../i18n/problem-texts';
import type { CalendarRepository, Clock, StoredLunarCalendar } from '../ports';
import type { LunarHolidayLoad, ProvincialHolidayInput, WorkWeekInput } from '../schemas/holidays';

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

export async function addProvincialHoliday(
  calendars: CalendarRepository,
  admin: ProvinceAdmin,
  input: ProvincialHolidayInput,
) {
  if (input.provinceCode && input.provinceCode !== admin.provinceCode) throw new ForbiddenError();
  const holiday = { provinceCode: admin.provinceCode, date: input.date, name: input.name };
  const day = parseDay(input.date);
  if (!day) throw new RangeError(`not a Solar Hijri day: ${input.date}`); // the schema checked it
  // Every run of MAX_CLOSED_RUN days through the new holiday begins at most MAX_CLOSED_RUN - 1 days before it.
  await assertOpenDays(calendars, admin.provinceCode, addDays(day, 1 - MAX_CLOSED_RUN), day, (calendar) => ({
    ...calendar,
    provincialHolidays: [...calendar.provincialHolidays, holiday],
  }));
  await calendars.addProvincialHoliday(holiday);
  return holiday;
}

export async function setWorkWeek(
  calendars: CalendarRepository,
  clock: Clock,
  admin: ProvinceAdmin,
  input: WorkWeekInput,
) {
  if (input.provinceCode && input.provinceCode !== admin.provinceCode) throw new ForbiddenError();
  const today = tehranDayOf(clock.now());
  await assertOpenDays(calendars, admin.provinceCode, today, addDays(today, MAX_CLOSED_RUN), (calendar) => ({
    ...calendar,
    closedWeekdays: input.closedWeekdays,
  }));
  await calendars.setClosedWeekdays(admin.provinceCode, input.closedWeekdays);
  return { provinceCode: admin.provinceCode, closedWeekdays: input.closedWeekdays };
}

/**
 * Refuses a change after which a run of MAX_CLOSED_RUN closed days would begin between `from` and
 * `through` in the province (one read of its calendar, the years such a run can reach).
 */
async function assertOpenDays(
  calendars: Pick<CalendarRepository, 'workCalendar'>,
  provinceCode: ProvinceCode,
  from: SolarHijriDay,
  through: SolarHijriDay,
  change: (calendar: WorkCalendar) => WorkCalendar,
): Promise<void> {
  const years = yearsBetween(from, addDays(through, MAX_CLOSED_RUN));
  const closedFrom = closedForAYearFrom(change(await calendars.workCalendar(provinceCode, years)), from, through);
  if (closedFrom) {
    throw new ConflictError(problemTexts.calendarWithoutOpenDay, { from: closedFrom, days: MAX_CLOSED_RUN });
  }
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
