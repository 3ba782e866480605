import { ForbiddenError } from './errors';
import { isProvinceCode, type ProvinceCode } from './provinces';

export const STAFF_ROLES = ['clerk', 'manager', 'court', 'province-admin', 'national-admin'] as const;
export type Role = (typeof STAFF_ROLES)[number];

/** Roles that belong to one office and so may only see that office's data. */
export const OFFICE_ROLES = ['clerk', 'manager'] as const satisfies readonly Role[];
export type OfficeRole = (typeof OFFICE_ROLES)[number];

/**
 * Who calls a staff route, as their token says: one role (staff accounts are in one group), and
 * the scope that role acts in. Office staff always have their office, so no code needs to ask
 * whether it is there.
 */
export type Principal =
  | { kind: 'office'; userId: string; role: OfficeRole; officeCode: string }
  | { kind: 'court'; userId: string; role: 'court'; courtCode: string }
  | { kind: 'province'; userId: string; role: 'province-admin'; provinceCode: ProvinceCode }
  | { kind: 'national'; userId: string; role: 'national-admin' };

export type ProvinceAdmin = Extract<Principal, { kind: 'province' }>;

export type OfficeStaff = Extract<Principal, { kind: 'office' }>;

export type CourtStaff = Extract<Principal, { kind: 'court' }>;

export function isRole(value: string): value is Role {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export function isOfficeRole(role: Role): role is OfficeRole {
  return (OFFICE_ROLES as readonly Role[]).includes(role);
}

/**
 * The principal a token's claims make, or undefined when they make none: a role with the scope it
 * needs (an office for office staff, a court for court staff, a province for its administrator).
 */
export function principalFrom(claims: {
  userId: string;
  role: Role;
  officeCode?: string;
  courtCode?: string;
  provinceCode?: string;
}): Principal | undefined {
  const { userId, role, officeCode, courtCode, provinceCode } = claims;
  if (isOfficeRole(role)) return officeCode ? { kind: 'office', userId, role, officeCode } : undefined;
  // A court user without a court in the token could otherwise reach none or every court's petitions.
  if (role === 'court') return courtCode ? { kind: 'court', userId, role, courtCode } : undefined;
  if (role === 'national-admin') return { kind: 'national', userId, role };
  // A province administrator without a valid province in the token could otherwise reach none or all.
  return provinceCode && isProvinceCode(provinceCode) ? { kind: 'province', userId, role, provinceCode } : undefined;
}

export function isOfficeStaff(principal: Principal): principal is OfficeStaff {
  return principal.kind === 'office';
}

/** The caller as office staff; anyone else is refused (403), as the route table would. */
export function asOfficeStaff(principal: Principal): OfficeStaff {
  if (!isOfficeStaff(principal)) throw new ForbiddenError();
  return principal;
}

/** The caller as court staff; anyone else is refused (403), as the route table would. */
export function asCourtStaff(principal: Principal): CourtStaff {
  if (principal.kind !== 'court') throw new ForbiddenError();
  return principal;
}

/** The caller as a province administrator; anyone else is refused (403), as the route table would. */
export function asProvinceAdmin(principal: Principal): ProvinceAdmin {
  if (principal.kind !== 'province') throw new ForbiddenError();
  return principal;
}

/** Who did something, as the audit trail records it. */
export function actor(principal: Principal): { userId: string; role: Role } {
  return { userId: principal.userId, role: principal.role };
}
