import { newCourt } from '../shared/domain/court';
import { newOffice } from '../shared/domain/office';
import type { CalendarRepository, CourtRepository, OfficeRepository, ReportRepository } from '../shared/ports';
import { demoLunarCalendars } from './demo-holidays';
import { DEMO_COURTS, DEMO_OFFICES, DEMO_TARGET } from './demo-offices';

/**
 * Seeds the demo offices, their districts' courts and South Khorasan's target when the registry is
 * empty; a registry with any office is left alone.
 */
export async function seedDemoData(
  offices: OfficeRepository,
  targets: Pick<ReportRepository, 'setTarget'>,
  now: Date,
  courts?: Pick<CourtRepository, 'insert'>,
): Promise<number> {
  if ((await offices.list()).length > 0) return 0;
  for (const office of DEMO_OFFICES) await offices.insert(newOffice(office, now, true));
  if (courts) for (const court of DEMO_COURTS) await courts.insert(newCourt(court, now, true));
  // The report's own figure: South Khorasan's network was to reach 22 offices by the end of Shahrivar 1398.
  await targets.setTarget(DEMO_TARGET.provinceCode, DEMO_TARGET.target);
  return DEMO_OFFICES.length;
}

/**
 * Loads the demo lunar holidays (marked demo) of the current and the next Solar Hijri year when
 * that year has none, on every start: a year loaded through the API, official or not, is kept.
 */
export async function seedDemoCalendars(calendars: CalendarRepository, now: Date): Promise<number[]> {
  const demo = demoLunarCalendars(now);
  const loaded = await calendars.lunarLoads(demo.map((calendar) => calendar.year));
  const missing = demo.filter((calendar) => !loaded.has(calendar.year));
  for (const calendar of missing) await calendars.putLunarCalendar({ ...calendar, loadedAt: now.toISOString() });
  return missing.map((calendar) => calendar.year);
}
