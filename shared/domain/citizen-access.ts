import { audienceOf, isTold } from './notice-recipients';
import type { Petition } from './petition';
import { partyKeysOf } from './tracking-code';

/**
 * What the citizen routes (tracking, the party's own notices, the rating) show a party, decided
 * from the petition's own parties and the notice rules (domain/notice-recipients.ts), so that a
 * route never shows what the notices would not tell:
 * - the petitioner's side (the claimant, the complainant) sees what the office did for it: the
 *   status and dates, its receipts, and while returned the court's note, the defects and the
 *   cure deadline, which are served on it; it rates the office that served it;
 * - another party whom the notices tell (a civil defendant, once the court registers the case)
 *   sees the case: status, kind, office, dates and case number; not the petitioner's payments,
 *   nor papers served on the petitioner; it does not rate an office it was never served by;
 * - a party the notices never tell (the accused in a criminal complaint: the prosecutor decides
 *   whether and when they learn of it; a civil defendant before registration) is not shown the
 *   petition at all: the routes answer it exactly as a wrong national ID.
 */
export type CitizenSide = 'petitioner' | 'other-party';

export interface CitizenSight {
  /** The fees still due and the receipts of the payments (reference and trace numbers, amounts). */
  receipts: boolean;
  /** A return's court note, coded defects and cure deadline: served on the petitioner. */
  servedOnPetitioner: boolean;
  /** Rating the office: its one rating per petition is the petitioner's. */
  rates: boolean;
}

export const CITIZEN_SIGHT: Record<CitizenSide, CitizenSight> = {
  petitioner: { receipts: true, servedOnPetitioner: true, rates: true },
  'other-party': { receipts: false, servedOnPetitioner: false, rates: false },
};

/**
 * The side the holder of `nationalId` stands on in the petition now, or undefined when the
 * citizen routes must not know them (not a party, or a party the notices never tell). A national
 * ID on both sides counts as the petitioner's. A case is registered once it has its case number
 * (the court's register step gives it, and no later step takes it away), as for the notices.
 */
export function citizenSideOf(
  petition: Pick<Petition, 'kind' | 'parties' | 'caseNumber'>,
  nationalId: string,
): CitizenSide | undefined {
  const registered = petition.caseNumber !== undefined;
  let side: CitizenSide | undefined;
  for (const party of petition.parties) {
    if (party.nationalId !== nationalId) continue;
    const audience = audienceOf(petition.kind, party.role);
    if (!isTold(audience, registered)) continue;
    if (audience === 'claimant') return 'petitioner';
    side = 'other-party';
  }
  return side;
}

/** The national IDs the citizen routes answer for now, once each, sorted: who may track. */
export function trackerIdsOf(petition: Pick<Petition, 'kind' | 'parties' | 'caseNumber'>): string[] {
  const ids = petition.parties.map((party) => party.nationalId);
  return [...new Set(ids)].filter((id) => citizenSideOf(petition, id) !== undefined).sort();
}

/** The tracking entry's keys (domain/tracking-code.ts) of the parties who may track now. */
export function trackerKeysOf(
  trackingCode: string,
  petition: Pick<Petition, 'kind' | 'parties' | 'caseNumber'>,
): string[] {
  return partyKeysOf(
    trackingCode,
    trackerIdsOf(petition).map((nationalId) => ({ nationalId })),
  );
}
