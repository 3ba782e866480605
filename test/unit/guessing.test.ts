import { clientNetwork, GUESS_POLICY, guessBudgets, guessWindow } from '../../shared/domain/guessing';

describe('guess budgets', () => {
  it('counts an IPv4 client by its address, also when written as IPv4-mapped IPv6', () => {
    expect(clientNetwork('203.0.113.9')).toBe('203.0.113.9');
    expect(clientNetwork('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('counts an IPv6 client by its /64, the block one subscriber holds', () => {
    expect(clientNetwork('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd:12::/64');
    expect(clientNetwork('2001:0db8:abcd:0012::9')).toBe('2001:db8:abcd:12::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
  });

  it('spends one try of the code-and-address budget and one of the code budget', () => {
    expect(guessBudgets('track', '123456789012', '203.0.113.9')).toEqual([
      { key: 'track#123456789012#203.0.113.9', max: GUESS_POLICY.perAddress },
      { key: 'track#123456789012', max: GUESS_POLICY.perCode },
    ]);
  });

  it('counts in fixed windows of fifteen minutes', () => {
    const window = guessWindow(new Date('2026-11-28T10:07:30Z'));

    expect(new Date(window.start * 1000).toISOString()).toBe('2026-11-28T10:00:00.000Z');
    expect(window.endsAt - window.start).toBe(GUESS_POLICY.windowSeconds);
  });
});
