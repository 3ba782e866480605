import { newOffice } from '../shared/domain/office';
import type { OfficeRepository, ReportRepository } from '../shared/ports';
import { DEMO_OFFICES, DEMO_TARGET } from './demo-offices';

/** Seeds the demo offices and South Khorasan's target when the registry is empty; a registry with any office is left alone. */
export async function seedDemoData(
  offices: OfficeRepository,
  targets: Pick<ReportRepository, 'setTarget'>,
  now: Date,
): Promise<number> {
  if ((await offices.list()).length > 0) return 0;
  for (const office of DEMO_OFFICES) await offices.insert(newOffice(office, now, true));
  // The report's own figure: South Khorasan's network was to reach 22 offices by the end of Shahrivar 1398.
  await targets.setTarget(DEMO_TARGET.provinceCode, DEMO_TARGET.target);
  return DEMO_OFFICES.length;
}
