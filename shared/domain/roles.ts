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
