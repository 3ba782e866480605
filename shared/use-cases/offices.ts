import { NotFoundError } from '../domain/errors';
import { applyOfficeChanges, newOffice, type Office, type OfficeChanges, summariseNetwork } from '../domain/office';
import { targetProgress } from '../domain/report';
import type { Clock, OfficeFilter, OfficeRepository, ReportRepository } from '../ports';
import type { CreateOfficeInput } from '../schemas/office';

export async function registerOffice(
  offices: OfficeRepository,
  clock: Clock,
  input: CreateOfficeInput,
): Promise<Office> {
  const office = newOffice(input, clock.now());
  await offices.insert(office);
  return office;
}

export async function changeOffice(
  offices: OfficeRepository,
  clock: Clock,
  officeCode: string,
  changes: OfficeChanges,
): Promise<Office> {
  const current = await offices.get(officeCode);
  if (!current) throw new NotFoundError('office');
  const next = applyOfficeChanges(current, changes, clock.now());
  await offices.replace(next, current.version);
  return next;
}

export async function readOffice(offices: OfficeRepository, officeCode: string): Promise<Office> {
  const office = await offices.get(officeCode);
  if (!office) throw new NotFoundError('office');
  return office;
}

/**
 * The network view covers the whole province (or country): offices per status and progress
 * against the target an administrator set; the status filter narrows only the items.
 */
export async function listOffices(
  offices: OfficeRepository,
  targets: Pick<ReportRepository, 'target'>,
  filter: OfficeFilter,
) {
  const [all, target] = await Promise.all([
    offices.list(filter.province ? { province: filter.province } : {}),
    targets.target(),
  ]);
  const items = filter.status ? all.filter((office) => office.status === filter.status) : all;
  const network = summariseNetwork(all);
  return {
    items,
    network: { ...network, target: targetProgress(network.active, target) },
  };
}
