import * as problemTexts from '../i18n/problem-texts';
import { ConflictError } from './errors';
import type { LocalizedName } from './holidays';
import type { ProvinceCode } from './provinces';

/**
 * Courts of the registry. A court belongs to one province and sits in one judicial district (حوزه
 * قضایی); every office lies in a judicial district served by one or more courts, matched by the
 * district's name as the province's administrator writes it for both. The province's
 * administrator manages its courts, as its offices.
 */
export const COURT_KINDS = ['peace', 'general-civil', 'prosecutor', 'appeal', 'criminal', 'family'] as const;
export type CourtKind = (typeof COURT_KINDS)[number];

export const COURT_KIND_NAMES: Readonly<Record<CourtKind, LocalizedName>> = {
  peace: { fa: 'دادگاه صلح', en: 'peace court' },
  'general-civil': { fa: 'دادگاه عمومی حقوقی', en: 'general civil court' },
  prosecutor: { fa: 'دادسرای عمومی و انقلاب', en: "public and revolutionary prosecutor's office" },
  appeal: { fa: 'دادگاه تجدیدنظر استان', en: 'province court of appeal' },
  criminal: { fa: 'دادگاه کیفری', en: 'criminal court' },
  family: { fa: 'دادگاه خانواده', en: 'family court' },
};

/** Only an active court takes petitions; a suspended one may come back, a closed one does not. */
export const COURT_STATUSES = ['active', 'suspended', 'closed'] as const;
export type CourtStatus = (typeof COURT_STATUSES)[number];

export interface Court {
  /** Upper-case letters, digits and hyphens, 2 to 20 (the `custom:courtCode` attribute's length). */
  courtCode: string;
  /** The court's Persian name. */
  name: string;
  provinceCode: ProvinceCode;
  judicialDistrict: string;
  kind: CourtKind;
  status: CourtStatus;
  /** Seeded demo data of the local runtime, not the real registry. */
  demo: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type NewCourt = Pick<Court, 'courtCode' | 'name' | 'provinceCode' | 'judicialDistrict' | 'kind' | 'status'>;

/** A court stays in its province and keeps its code: moving one is closing it and registering another. */
export type CourtChanges = Partial<Pick<Court, 'name' | 'judicialDistrict' | 'kind' | 'status'>> & {
  expectedVersion?: number;
};

/**
 * The court the province names for each kind, for districts without a court of that kind: a
 * petition routed there is flagged for the province's review.
 */
export type CourtFallbacks = Partial<Record<CourtKind, string>>;

export function newCourt(input: NewCourt, now: Date, demo = false): Court {
  const at = now.toISOString();
  return { ...input, demo, version: 1, createdAt: at, updatedAt: at };
}

export function applyCourtChanges(court: Court, changes: CourtChanges, now: Date): Court {
  const { expectedVersion, ...fields } = changes;
  if (expectedVersion !== undefined && expectedVersion !== court.version) {
    throw new ConflictError(problemTexts.courtChanged, { expected: expectedVersion });
  }
  if (court.status === 'closed' && fields.status && fields.status !== 'closed') {
    throw new ConflictError(problemTexts.courtClosed);
  }
  return { ...court, ...fields, version: court.version + 1, updatedAt: now.toISOString() };
}

export function isActiveCourt(court: Court | undefined): court is Court {
  return court?.status === 'active';
}
