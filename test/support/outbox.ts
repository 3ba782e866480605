import type { PetitionEvent } from '../../shared/events/petition-events';
import { tableSnapshot } from './stores';

/** The events the outbox holds for one petition, oldest first, as the pipe would read them. */
export async function outboxEventsOf(petitionId: string): Promise<PetitionEvent[]> {
  return (await tableSnapshot())
    .filter((item) => item.entity === 'outbox')
    .map((item) => JSON.parse(String(item.event)) as PetitionEvent)
    .filter((event) => event.petitionId === petitionId)
    .sort((a, b) => a.petitionVersion - b.petitionVersion);
}
