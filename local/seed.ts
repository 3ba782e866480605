import { newCourt } from '../shared/domain/court';
import type { FeeSchedule } from '../shared/domain/fees';
import { newOffice } from '../shared/domain/office';
import type {
  CalendarRepository,
  CourtRepository,
  FeeScheduleRepository,
  OfficeRepository,
  ReportRepository,
} from '../shared/ports';
import { contentHash } from '../shared/use-cases/fees';
import { demoFeeSchedules } from './demo-fee-schedules';
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
  for (const office of DEMO_OFFICES) {
    await offices.insert(newOffice({ ...office, paymentTerminalId: demoTerminalOf(office.officeCode) }, now, true));
  }
  if (courts) for (const court of DEMO_COURTS) await courts.insert(newCourt(court, now, true));
  // The report's own figure: South Khorasan's network was to reach 22 offices by the end of Shahrivar 1398.
  await targets.setTarget(DEMO_TARGET.provinceCode, DEMO_TARGET.target);
  return DEMO_OFFICES.length;
}

/** The judiciary's terminal in the local runtime and its tests: the simulator takes any terminal. */
export const DEMO_JUDICIARY_TERMINAL = '11110001';

/**
 * A demo office's payment terminal: 9 and its code (real terminals are the PSP's to assign). One
 * per office, as codes are, and never the judiciary's (above): each office claims its terminal when
 * inserted, and a shared one would be refused (adapters/dynamo-office-repository.ts).
 */
export function demoTerminalOf(officeCode: string): string {
  return `9${officeCode}`;
}

/**
 * Run on every start, since demo data must be there whatever the data folder holds: the demo fee
 * schedules (1403 and the current and next Solar Hijri years, plus the previous year so that the
 * demo petitions of the last two months quote across Nowruz) that are missing are added, and
 * demo offices stored before payments get a demo terminal. Nothing else that exists is changed:
 * a version already stored (demo or loaded by an administrator) is left as it is.
 */
export async function seedDemoFees(
  schedules: FeeScheduleRepository,
  offices: OfficeRepository,
  now: Date,
): Promise<{ schedules: string[]; terminals: number }> {
  const added = await seedDemoSchedules(schedules, now);
  let terminals = 0;
  for (const office of await offices.list()) {
    if (!office.demo || office.paymentTerminalId) continue;
    await offices.replace(
      { ...office, paymentTerminalId: demoTerminalOf(office.officeCode), version: office.version + 1 },
      office,
    );
    terminals++;
  }
  return { schedules: added, terminals };
}

/** The demo fee schedules that are missing (tests' tables get them too); answers the versions added. */
export async function seedDemoSchedules(schedules: FeeScheduleRepository, now: Date): Promise<string[]> {
  const added: string[] = [];
  for (const schedule of demoSchedulesAround(now)) {
    if (await schedules.get(schedule.versionId)) continue;
    const stored = { schedule, contentHash: contentHash(schedule), loadedAt: now.toISOString() };
    if (await schedules.put(stored)) added.push(schedule.versionId);
  }
  return added;
}

/** The demo schedules for `now` and for two months before it, each version once. */
export function demoSchedulesAround(now: Date): FeeSchedule[] {
  const before = new Date(now.getTime() - 62 * 86_400_000);
  const all = [...demoFeeSchedules(before), ...demoFeeSchedules(now)];
  return all.filter((schedule, i) => all.findIndex((s) => s.versionId === schedule.versionId) === i);
}

/**
 * Loads the demo lunar holidays (marked demo) of the current and the next Solar Hijri year when
 * that year has none, on every start: a year loaded through the API, official or not, is kept.
 */
export async function seedDemoCalendars(calendars: CalendarRepository, now: Date): Promise<number[]> {
  const demo = demoLunarCalendars(now);
  const loaded = await calendars.lunarLoads(demo.map((calendar) => calendar.year));
  const missing = demo.filter((calendar) => !loaded.has(calendar.year));
  for (const calendar of missing) {
    await calendars.putLunarCalendar({ ...calendar, loadedAt: now.toISOString(), version: 1 });
  }
  return missing.map((calendar) => calendar.year);
}
