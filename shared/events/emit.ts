import type { Petition } from '../domain/petition';
import {
  PETITION_EVENT_VERSION,
  type PetitionEvent,
  type PetitionEventOf,
  type PetitionEventType,
} from './petition-events';

/** What every event of a change says about the petition after it: who it is and where it stands. */
type Envelope = 'eventId' | 'version' | 'occurredAt' | 'petitionId' | 'petitionVersion' | 'kind' | 'officeCode';

/**
 * The event of one change of a petition, built from the petition as the change leaves it, so that
 * the event and the stored petition can never disagree. The outbox validates it before the write
 * (shared/adapters/dynamo-outbox.ts): a malformed event cancels the change instead of reaching
 * the bus. `extra` is the type's own fields (its `data`, and a court code where a court acts).
 */
export function petitionEvent<T extends PetitionEventType>(
  type: T,
  petition: Petition,
  extra: Omit<PetitionEventOf<T>, Envelope | 'type' | 'trackingCode'>,
  meta: { eventId: string; occurredAt: string },
): PetitionEvent {
  return {
    eventId: meta.eventId,
    version: PETITION_EVENT_VERSION,
    type,
    occurredAt: meta.occurredAt,
    petitionId: petition.petitionId,
    petitionVersion: petition.version,
    kind: petition.kind,
    officeCode: petition.officeCode,
    ...(petition.court ? { courtCode: petition.court.courtCode } : {}),
    ...(petition.trackingCode ? { trackingCode: petition.trackingCode } : {}),
    ...(petition.caseNumber ? { caseNumber: petition.caseNumber } : {}),
    ...extra,
  } as PetitionEvent;
}
