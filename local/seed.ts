import { newOffice } from '../shared/domain/office';
import type { OfficeRepository } from '../shared/ports';
import { DEMO_OFFICES } from './demo-offices';

/** Seeds the demo offices when the registry is empty; a registry with any office is left alone. */
export async function seedDemoData(offices: OfficeRepository, now: Date): Promise<number> {
  if ((await offices.list()).length > 0) return 0;
  for (const office of DEMO_OFFICES) await offices.insert(newOffice(office, now, true));
  return DEMO_OFFICES.length;
}
