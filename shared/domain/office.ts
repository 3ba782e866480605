import * as fieldTexts from '../i18n/field-messages';
import { fieldText } from '../i18n/field-text';
import * as problemTexts from '../i18n/problem-texts';
import { ConflictError, ValidationError } from './errors';
import { type ProvinceCode, provinceOf } from './provinces';
import type { Principal } from './roles';

export const OFFICE_STATUSES = ['planned', 'active', 'suspended', 'closed'] as const;
export type OfficeStatus = (typeof OFFICE_STATUSES)[number];

export interface OfficeContact {
  phone?: string;
  address?: string;
}

export interface Office {
  officeCode: string;
  name: string;
  /** What SMS notices call the office (at most 30 characters); its code when missing. */
  shortName?: string;
  /** The province it belongs to (shared/domain/provinces.ts); its administrator manages it. */
  provinceCode: ProvinceCode;
  /** The province's Persian name, for people (from the code). */
  province: string;
  judicialDistrict: string;
  county: string;
  bakhsh?: string;
  deprivedArea: boolean;
  status: OfficeStatus;
  /** Calendar date (YYYY-MM-DD, Gregorian ISO) the current status took effect. */
  statusSince: string;
  /** Calendar date the office first became active, once it has. */
  openedOn?: string;
  /** For planned offices: the date the province aims to open it by. */
  plannedOpeningBy?: string;
  statusHistory: Array<{ status: OfficeStatus; since: string }>;
  contact: OfficeContact;
  /**
   * The office's own payment gateway terminal (Shaparak), which its service tariff is paid to.
   * Without one the tariff cannot be paid electronically, and so the office cannot submit.
   */
  paymentTerminalId?: string;
  /** True for the seeded South Khorasan offices of the local runtime: not real registry data. */
  demo: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type NewOffice = Omit<
  Office,
  'statusSince' | 'statusHistory' | 'version' | 'createdAt' | 'updatedAt' | 'demo' | 'openedOn' | 'province'
> & {
  statusSince?: string;
  openedOn?: string;
};

/** An office stays in its province: moving one is closing it and registering another. */
export type OfficeChanges = Partial<Omit<NewOffice, 'officeCode' | 'provinceCode'>> & { expectedVersion?: number };

/** Which status an office may move to next: a closed office is final, a planned one cannot be suspended. */
const NEXT_STATUSES: Record<OfficeStatus, readonly OfficeStatus[]> = {
  planned: ['active', 'closed'],
  active: ['suspended', 'closed'],
  suspended: ['active', 'closed'],
  closed: [],
};

export function allowedNextStatuses(status: OfficeStatus): readonly OfficeStatus[] {
  return NEXT_STATUSES[status];
}

export function newOffice(input: NewOffice, now: Date, demo = false): Office {
  const today = now.toISOString().slice(0, 10);
  const statusSince = input.statusSince ?? today;
  const openedOn = input.openedOn ?? (input.status === 'planned' ? undefined : statusSince);
  return {
    ...input,
    province: provinceOf(input.provinceCode)?.fa ?? input.provinceCode,
    statusSince,
    ...(openedOn ? { openedOn } : {}),
    statusHistory: [{ status: input.status, since: statusSince }],
    demo,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/** Applies a PATCH: validates a status step, keeps the status history, bumps the version. */
export function applyOfficeChanges(office: Office, changes: OfficeChanges, now: Date): Office {
  const { expectedVersion, ...fields } = changes;
  if (expectedVersion !== undefined && expectedVersion !== office.version) {
    throw new ConflictError(problemTexts.officeChanged, { expected: expectedVersion });
  }
  const next: Office = { ...office, ...fields, contact: { ...office.contact, ...fields.contact } };
  const step = fields.status !== undefined && fields.status !== office.status;
  // A status date belongs to a status step: alone it would move the current status's date away
  // from the history's. The date already stored (a form sent back whole) changes nothing.
  if (!step && fields.statusSince !== undefined && fields.statusSince !== office.statusSince) {
    throw new ValidationError([
      {
        field: 'body.statusSince',
        code: 'status-since-without-status',
        messages: fieldText(fieldTexts.statusSinceAlone),
      },
    ]);
  }
  if (fields.status && step) {
    if (!NEXT_STATUSES[office.status].includes(fields.status)) {
      throw new ConflictError(problemTexts.officeStatusStep, {
        from: office.status,
        to: fields.status,
        allowed: NEXT_STATUSES[office.status].join(','),
      });
    }
    const since = fields.statusSince ?? now.toISOString().slice(0, 10);
    // The history is in the order the steps took effect: a month's report takes an office's status
    // from the last step dated by the month's end (statusAt, report.ts), so a step dated before the
    // latest one would rewrite months already reported. Same day is fine (YYYY-MM-DD compares as text).
    const latest = office.statusHistory.at(-1)?.since ?? office.statusSince;
    if (since < latest) throw new ConflictError(problemTexts.officeStatusBackdated, { since, latest });
    next.statusSince = since;
    next.statusHistory = [...office.statusHistory, { status: fields.status, since }];
    if (fields.status === 'active' && !office.openedOn) next.openedOn = since;
  }
  next.version = office.version + 1;
  next.updatedAt = now.toISOString();
  return next;
}

/**
 * An office as a reader may see it: its payment terminal only for the office's own staff, who take
 * payments on it, and its province's administrator, who sets it. Anyone else reading the registry
 * (other offices, courts, other provinces, the national administrator) would otherwise learn which
 * office holds a terminal, which the 409 `payment-terminal-taken` deliberately does not say.
 */
export function officeAsSeenBy(office: Office, principal: Principal): Office {
  const seesTerminal =
    (principal.kind === 'office' && principal.officeCode === office.officeCode) ||
    (principal.kind === 'province' && principal.provinceCode === office.provinceCode);
  if (seesTerminal || office.paymentTerminalId === undefined) return office;
  const { paymentTerminalId: _hidden, ...seen } = office;
  return seen;
}

export interface NetworkSummary {
  active: number;
  planned: number;
  suspended: number;
  closed: number;
  deprivedAreaOffices: number;
  deprivedAreasServed: number;
}

/** The network view the province runs growth by: offices per status and deprived areas served. */
export function summariseNetwork(offices: readonly Office[]): NetworkSummary {
  const count = (status: OfficeStatus) => offices.filter((o) => o.status === status).length;
  const deprived = offices.filter((o) => o.deprivedArea);
  const served = new Set(deprived.filter((o) => o.status === 'active').map((o) => o.bakhsh ?? o.county));
  return {
    active: count('active'),
    planned: count('planned'),
    suspended: count('suspended'),
    closed: count('closed'),
    deprivedAreaOffices: deprived.length,
    deprivedAreasServed: served.size,
  };
}
