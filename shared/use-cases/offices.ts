import { ForbiddenError, NotFoundError } from '../domain/errors';
import { applyOfficeChanges, newOffice, type Office, type OfficeChanges, summariseNetwork } from '../domain/office';
import { targetProgress } from '../domain/report';
import type { Principal, ProvinceAdmin } from '../domain/roles';
import type { Clock, OfficeFilter, OfficeRepository, ReportRepository } from '../ports';
import type { CreateOfficeInput } from '../schemas/office';

/**
 * The registry. Offices belong to a province and only that province's administrator manages them:
 * another province's office answers exactly like an unknown one (404), so codes cannot be probed.
 */
export async function registerOffice(
  offices: OfficeRepository,
  clock: Clock,
  admin: ProvinceAdmin,
  input: CreateOfficeInput,
): Promise<Office> {
  if (input.provinceCode && input.provinceCode !== admin.provinceCode) throw new ForbiddenError();
  const office = newOffice({ ...input, provinceCode: admin.provinceCode }, clock.now());
  await offices.insert(office);
  return office;
}

export async function changeOffice(
  offices: OfficeRepository,
  clock: Clock,
  admin: ProvinceAdmin,
  officeCode: string,
  changes: OfficeChanges,
): Promise<Office> {
  const current = await offices.get(officeCode);
  if (!current || current.provinceCode !== admin.provinceCode) throw new NotFoundError('office');
  const next = applyOfficeChanges(current, changes, clock.now());
  await offices.replace(next, current.version);
  return next;
}

/** An office of the registry; a province administrator sees their own province's only. */
export async function readOffice(offices: OfficeRepository, principal: Principal, officeCode: string): Promise<Office> {
  const office = await offices.get(officeCode);
  if (!office || (principal.kind === 'province' && office.provinceCode !== principal.provinceCode)) {
    throw new NotFoundError('office');
  }
  return office;
}

/**
 * The network view of a province (or, unfiltered, of the country): offices per status and progress
 * against the province's target; the status filter narrows only the items. A province
 * administrator's view is always their own province.
 */
export async function listOffices(
  offices: OfficeRepository,
  targets: Pick<ReportRepository, 'target'>,
  principal: Principal,
  filter: OfficeFilter,
) {
  if (principal.kind === 'province' && filter.provinceCode && filter.provinceCode !== principal.provinceCode) {
    throw new NotFoundError('office');
  }
  const provinceCode = principal.kind === 'province' ? principal.provinceCode : filter.provinceCode;
  const [all, target] = await Promise.all([
    offices.list(provinceCode ? { provinceCode } : {}),
    provinceCode ? targets.target(provinceCode) : Promise.resolve(null),
  ]);
  const items = filter.status ? all.filter((office) => office.status === filter.status) : all;
  const network = summariseNetwork(all);
  return {
    items,
    network: { ...network, target: targetProgress(network.active, target) },
  };
}
