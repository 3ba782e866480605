import { groupsForToken } from '../../shared/domain/mfa-policy';

describe('groups in a token', () => {
  it('keeps court and province-admin only for users with MFA set up', () => {
    expect(groupsForToken(['court'], false)).toEqual([]);
    expect(groupsForToken(['province-admin', 'manager'], false)).toEqual(['manager']);
    expect(groupsForToken(['court', 'province-admin'], true)).toEqual(['court', 'province-admin']);
  });

  it('leaves office staff alone, MFA or not', () => {
    expect(groupsForToken(['clerk'], false)).toEqual(['clerk']);
    expect(groupsForToken(['manager'], true)).toEqual(['manager']);
  });
});
