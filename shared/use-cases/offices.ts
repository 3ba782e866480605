import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors';
import {
  applyOfficeChanges,
  newOffice,
  type Office,
  type OfficeChanges,
  officeAsSeenBy,
  summariseNetwork,
} from '../domain/office';
import { targetProgress } from '../domain/report';
import type { Principal, ProvinceAdmin } from '../domain/roles';
import * as problemTexts from '../i18n/problem-texts';
import type { Clock, OfficeFilter, OfficeRepository, ReportRepository } from '../ports';
import type { CreateOfficeInput } from '../schemas/office';

/** What the registry knows beyond its offices: the judiciary's terminal, which court fees are paid to. */
export interface RegistrySettings {
  judiciaryTerminalId: string;
}

/**
 * The judiciary's terminal is never an office's: its tariff would be paid into the judiciary's
 * account. Refused as another office's terminal is, 409 with the same problem, not 400 on the
 * field: the id is well formed, and what refuses it is whose terminal it is; one answer for both
 * owners tells an administrator nothing about which holds a terminal. Another office's terminal is
 * refused by its claim, in the office's own write (adapters/dynamo-office-repository.ts).
 */
function refuseJudiciaryTerminal(paymentTerminalId: string | undefined, settings: RegistrySettings): void {
  if (paymentTerminalId === settings.judiciaryTerminalId) throw new ConflictError(problemTexts.paymentTerminalTaken);
}

/**
 * The registry. Offices belong to a province and only that province's administrator manages them:
 * another province's office answers exactly like an unknown one (404), so codes cannot be probed.
 */
export async function registerOffice(
  offices: OfficeRepository,
  clock: Clock,
  admin: ProvinceAdmin,
  input: CreateOfficeInput,
  settings: RegistrySettings,
): Promise<Office> {
  if (input.provinceCode && input.provinceCode !== admin.provinceCode) throw new ForbiddenError();
  refuseJudiciaryTerminal(input.paymentTerminalId, settings);
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
  settings: RegistrySettings,
): Promise<Office> {
  const current = await offices.get(officeCode);
  if (!current || current.provinceCode !== admin.provinceCode) throw new NotFoundError('office');
  refuseJudiciaryTerminal(changes.paymentTerminalId, settings);
  const next = applyOfficeChanges(current, changes, clock.now());
  await offices.replace(next, current);
  return next;
}

/**
 * An office of the registry; a province administrator sees their own province's only. Its payment
 * terminal only its own staff and its province's administrator see (officeAsSeenBy).
 */
export async function readOffice(offices: OfficeRepository, principal: Principal, officeCode: string): Promise<Office> {
  const office = await offices.get(officeCode);
  if (!office || (principal.kind === 'province' && office.provinceCode !== principal.provinceCode)) {
    throw new NotFoundError('office');
  }
  return officeAsSeenBy(office, principal);
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
    items: items.map((office) => officeAsSeenBy(office, principal)),
    network: { ...network, target: targetProgress(network.active, target) },
  };
}
