/**
 * How many tries a tracking code takes before it answers 429. An HTTP API has no per-client rate
 * limit, so the application itself stops a citizen's code from being matched against national IDs
 * by brute force, counting in fixed 15-minute windows:
 * - per code and client address, 5 tries: the guesser is stopped, while the owner on another
 *   address (at home, at the office) still gets an answer;
 * - per code from all addresses together, 50 tries: a guesser spreading over many addresses is
 *   stopped too. Offices and mobile carriers put many people behind one address (carrier-grade
 *   NAT), but only the few parties of one petition ask about its code: no honest use comes near 50
 *   misses on one code in 15 minutes, while 50 tries against 10^9 national IDs find nothing.
 * A try that proves the caller's right (the code and ID match) is given back, so the owner's own
 * visits never count against them.
 */
export const GUESS_POLICY = {
  perAddress: 5,
  perCode: 50,
  windowSeconds: 15 * 60,
} as const;

export type GuessScope = 'track' | 'feedback' | 'notice';

export interface GuessBudget {
  key: string;
  max: number;
}

/**
 * The budgets a try against `trackingCode` from `address` spends. IPv6 clients are counted per
 * /64 network, the block one subscriber gets: otherwise a single client could rotate through
 * addresses without end.
 */
export function guessBudgets(scope: GuessScope, trackingCode: string, address: string): GuessBudget[] {
  return [
    { key: `${scope}#${trackingCode}#${clientNetwork(address)}`, max: GUESS_POLICY.perAddress },
    { key: `${scope}#${trackingCode}`, max: GUESS_POLICY.perCode },
  ];
}

export function clientNetwork(address: string): string {
  const plain = address.replace(/^::ffff:/i, '');
  if (!plain.includes(':')) return plain;
  const groups = expandIpv6(plain);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0');
  return [...left, ...(address.includes('::') ? zeros : []), ...right].map((g) =>
    g.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}

/** The fixed window an instant falls in (its start, epoch seconds) and when it ends. */
export function guessWindow(now: Date): { start: number; endsAt: number } {
  const seconds = Math.floor(now.getTime() / 1000);
  const start = seconds - (seconds % GUESS_POLICY.windowSeconds);
  return { start, endsAt: start + GUESS_POLICY.windowSeconds };
}
