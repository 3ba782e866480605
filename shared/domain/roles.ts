import { ForbiddenError } from './errors';
export const STAFF_ROLES = ['clerk', 'manager', 'court', 'province-admin'] as const;
export type Role = (typeof STAFF_ROLES)[number];

/** Roles that belong to one office and so may only see that office's data. */
export const OFFICE_ROLES: readonly Role[] = ['clerk', 'manager'];

export interface Principal {
  userId: string;
  roles: Role[];
  /** Present for office staff (clerk, manager): the office the token was issued for. */
  officeCode?: string;
}

export function isRole(value: string): value is Role {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/** The office an office-staff caller acts for; the authorize middleware refuses office staff without one. */
export function officeOf(principal: Principal): string {
  if (!principal.officeCode) throw new ForbiddenError();
  return principal.officeCode;
}

/** Who did something, as the audit trail records it. */
export function actor(principal: Principal): { userId: string; role: Role } {
  return { userId: principal.userId, role: principal.roles[0] ?? 'clerk' };
}
