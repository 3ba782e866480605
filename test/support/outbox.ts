import { PETITION_EVENT_TYPES, type PetitionEvent } from '../../shared/events/petition-events';
import { tableSnapshot } from './stores';

/**
 * The events the outbox holds for one petition, oldest first, as the pipe would read them; events
 * of one change (a submission is submitted and routed) in the order of the event types.
 */
export async function outboxEventsOf(petitionId: string): Promise<PetitionEvent[]> {
  return (await tableSnapshot())
    .filter((item) => item.entity === 'outbox')
    .map((item) => JSON.parse(String(item.event)) as PetitionEvent)
    .filter((event) => event.petitionId === petitionId)
    .sort(
      (a, b) =>
        a.petitionVersion - b.petitionVersion ||
        PETITION_EVENT_TYPES.indexOf(a.type) - PETITION_EVENT_TYPES.indexOf(b.type),
    );
}
