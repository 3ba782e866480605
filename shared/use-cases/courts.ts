import {
  applyCourtChanges,
  COURT_KINDS,
  type Court,
  type CourtChanges,
  type CourtFallbacks,
  isActiveCourt,
  newCourt,
} from '../domain/court';
import { type FieldIssue, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import type { ProvinceCode } from '../domain/provinces';
import type { Principal, ProvinceAdmin } from '../domain/roles';
import * as fieldTexts from '../i18n/field-messages';
import { fieldText } from '../i18n/field-text';
import type { Clock, CourtFilter, CourtRepository } from '../ports';
import type { CreateCourtInput } from '../schemas/court';

/**
 * The court registry. Courts belong to a province and only that province's administrator manages
 * them: another province's court answers exactly like an unknown one (404).
 */
export async function registerCourt(
  courts: CourtRepository,
  clock: Clock,
  admin: ProvinceAdmin,
  input: CreateCourtInput,
): Promise<Court> {
  if (input.provinceCode && input.provinceCode !== admin.provinceCode) throw new ForbiddenError();
  const court = newCourt({ ...input, provinceCode: admin.provinceCode }, clock.now());
  await courts.insert(court);
  return court;
}

export async function changeCourt(
  courts: CourtRepository,
  clock: Clock,
  admin: ProvinceAdmin,
  courtCode: string,
  changes: CourtChanges,
): Promise<Court> {
  const current = await courts.get(courtCode);
  if (current?.provinceCode !== admin.provinceCode) throw new NotFoundError('court');
  const next = applyCourtChanges(current, changes, clock.now());
  await courts.replace(next, current.version);
  return next;
}

/** A court of the registry; a province administrator sees their own province's only. */
export async function readCourt(courts: CourtRepository, principal: Principal, courtCode: string): Promise<Court> {
  const court = await courts.get(courtCode);
  if (!court || (principal.kind === 'province' && court.provinceCode !== principal.provinceCode)) {
    throw new NotFoundError('court');
  }
  return court;
}

/**
 * A province's courts and its fallback setting. A province administrator's is always their own
 * (another province answers 404); everyone else names the province.
 */
export async function listCourts(
  courts: CourtRepository,
  principal: Principal,
  query: CourtFilter & { province?: ProvinceCode },
): Promise<{ provinceCode: ProvinceCode; items: Court[]; fallbacks: CourtFallbacks }> {
  const { province, ...filter } = query;
  if (principal.kind === 'province' && province && province !== principal.provinceCode)
    throw new NotFoundError('court');
  const provinceCode = principal.kind === 'province' ? principal.provinceCode : province;
  if (!provinceCode) {
    throw new ValidationError([
      { field: 'query.province', code: 'required', messages: fieldText(fieldTexts.provinceRequired) },
    ]);
  }
  const [items, fallbacks] = await Promise.all([courts.list(provinceCode, filter), courts.fallbacks(provinceCode)]);
  return { provinceCode, items, fallbacks };
}

/**
 * Names, per kind, the court that takes the petitions of districts without a court of that kind.
 * Each must be an active court of that kind in the administrator's province; an unknown court and
 * another province's are refused alike, so other provinces' codes cannot be probed.
 */
export async function setCourtFallbacks(
  courts: CourtRepository,
  admin: ProvinceAdmin,
  fallbacks: CourtFallbacks,
): Promise<CourtFallbacks> {
  const issues: FieldIssue[] = [];
  for (const kind of COURT_KINDS) {
    const courtCode = fallbacks[kind];
    if (courtCode === undefined) continue;
    const court = await courts.get(courtCode);
    const fits = isActiveCourt(court) && court.provinceCode === admin.provinceCode && court.kind === kind;
    if (!fits) {
      issues.push({
        field: `body.fallbacks.${kind}`,
        code: 'not-a-fallback',
        messages: fieldText(fieldTexts.fallbackCourt),
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  await courts.setFallbacks(admin.provinceCode, fallbacks);
  return fallbacks;
}
