import { createHash } from 'node:crypto';

/**
 * Tracking codes: 11 random digits and a Damm check digit. Damm's quasigroup catches every single
 * wrong digit and every swap of two neighbouring digits, the two slips people make when they read
 * a code over the phone or type it into the app.
 */
const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export const TRACKING_CODE_LENGTH = 12;

export function dammCheckDigit(digits: string): number {
  let interim = 0;
  for (const char of digits) interim = DAMM[interim]![Number(char)]!;
  return interim;
}

export function isValidTrackingCode(code: string): boolean {
  return new RegExp(`^[1-9]\\d{${TRACKING_CODE_LENGTH - 1}}$`).test(code) && dammCheckDigit(code) === 0;
}

/** `randomDigit` is a port so tests can force collisions; production uses crypto randomness. */
export function newTrackingCode(randomDigit: () => number): string {
  let body = String(1 + (randomDigit() % 9));
  while (body.length < TRACKING_CODE_LENGTH - 1) body += String(randomDigit() % 10);
  return body + String(dammCheckDigit(body));
}

/**
 * Who may track a petition, kept on its tracking code's entry so that a citizen's try is weighed
 * with the entry's own read: an unknown code and a wrong national ID are then answered after the
 * same single read, and a proven party's reads all start at once. Each party's national ID is
 * hashed with the code: the entry holds no national ID in clear, and one person's key differs from
 * petition to petition. (Ten digits are few enough to search, so this keeps a copy of the IDs out
 * of the entry; it is not a secret.) 96 bits, so no other ID matches a petition's key by chance.
 */
export function partyKey(trackingCode: string, nationalId: string): string {
  return createHash('sha256').update(`${trackingCode}:${nationalId}`).digest('base64url').slice(0, 16);
}

/** The keys of every party of a petition, once each, in a stable order. */
export function partyKeysOf(trackingCode: string, parties: readonly { nationalId: string }[]): string[] {
  return [...new Set(parties.map((party) => partyKey(trackingCode, party.nationalId)))].sort();
}
