import { ratingCounters } from '../domain/counters';
import { NotFoundError } from '../domain/errors';
import type { Petition } from '../domain/petition';
import type { Clock, PetitionRepository } from '../ports';
import type { FeedbackInput } from '../schemas/petition';

/**
 * The citizen's proof is a tracking code plus the national ID of a party. Any mismatch answers
 * exactly like an unknown code, so the API never tells whether a code exists.
 */
async function petitionOfParty(petitions: PetitionRepository, trackingCode: string, nationalId: string): Promise<Petition> {
  const petition = await petitions.findByTrackingCode(trackingCode);
  if (!petition || !petition.parties.some((party) => party.nationalId === nationalId)) throw new NotFoundError('petition');
  return petition;
}

export async function trackPetition(petitions: PetitionRepository, trackingCode: string, nationalId: string) {
  const petition = await petitionOfParty(petitions, trackingCode, nationalId);
  return {
    trackingCode,
    status: petition.status,
    kind: petition.kind,
    officeName: petition.officeName,
    submittedAt: petition.submittedAt!,
    month: petition.month!,
    updatedAt: petition.updatedAt,
    ...(petition.caseNumber ? { caseNumber: petition.caseNumber } : {}),
  };
}

export async function giveFeedback(petitions: PetitionRepository, clock: Clock, input: FeedbackInput) {
  const petition = await petitionOfParty(petitions, input.trackingCode, input.nationalId);
  const now = clock.now();
  await petitions.addFeedback(
    {
      petitionId: petition.petitionId,
      officeCode: petition.officeCode,
      ratings: input.ratings,
      ...(input.comment ? { comment: input.comment } : {}),
      at: now.toISOString(),
    },
    ratingCounters(input.ratings, now).map((c) => ({ officeCode: petition.officeCode, ...c })),
  );
  return { trackingCode: input.trackingCode, ratedAt: now.toISOString() };
}
