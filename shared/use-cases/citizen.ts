import { ratingCounters } from '../domain/counters';
import { NotFoundError, TooManyAttemptsError } from '../domain/errors';
import type { Petition } from '../domain/petition';
import type { AttemptLimiter, Clock, PetitionRepository } from '../ports';
import type { FeedbackInput } from '../schemas/petition';

/**
 * The citizen's proof is a tracking code plus the national ID of a party. Any mismatch answers
 * exactly like an unknown code, so the API never tells whether a code exists.
 */
export interface CitizenDeps {
  petitions: PetitionRepository;
  limiter: AttemptLimiter;
  clock: Clock;
}

/**
 * After a few misses a tracking code answers 429 for the rest of the window, whatever ID comes,
 * so national IDs cannot be tried against a code by brute force. `scope` keeps the tracking and
 * the feedback counts apart.
 */
async function petitionOfParty(
  deps: CitizenDeps,
  scope: 'track' | 'feedback',
  trackingCode: string,
  nationalId: string,
): Promise<Petition> {
  const key = `${scope}#${trackingCode}`;
  const now = deps.clock.now();
  const blocked = await deps.limiter.blockedFor(key, now);
  if (blocked > 0) throw new TooManyAttemptsError(blocked);
  const petition = await deps.petitions.findByTrackingCode(trackingCode);
  if (!petition?.parties.some((party) => party.nationalId === nationalId)) {
    await deps.limiter.recordFailure(key, now);
    throw new NotFoundError('petition');
  }
  return petition;
}

export async function trackPetition(deps: CitizenDeps, trackingCode: string, nationalId: string) {
  const petition = await petitionOfParty(deps, 'track', trackingCode, nationalId);
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

export async function giveFeedback(deps: CitizenDeps, input: FeedbackInput) {
  const petition = await petitionOfParty(deps, 'feedback', input.trackingCode, input.nationalId);
  const now = deps.clock.now();
  await deps.petitions.addFeedback(
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
