import type { Role } from './roles';

/**
 * Roles that reach every office's petitions or the whole registry must sign in with a second
 * factor. Cognito cannot require MFA per group, so MFA is optional in the pool and the token
 * trigger drops these groups from the tokens of users without MFA set up (a user with MFA set up
 * is always challenged for it). Clerks and managers sign in on shared office computers, often
 * without a personal phone at the desk, and see one office only: for them MFA stays optional.
 */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['court', 'province-admin', 'national-admin'];

export function groupsForToken(groups: readonly string[], mfaEnabled: boolean): string[] {
  return mfaEnabled
    ? [...groups]
    : groups.filter((group) => !(MFA_REQUIRED_ROLES as readonly string[]).includes(group));
}
