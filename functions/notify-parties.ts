import { noticeDepsFromEnv } from '../shared/adapters/notices-from-env';
import { type PetitionBusEvent, parsePetitionEvent } from '../shared/events/petition-events';
import { eventHandler } from '../shared/observability/event-handler';
import { logger } from '../shared/observability/logger';
import { MetricUnit, metrics } from '../shared/observability/metrics';
import { type NoticeDeps, notifyParties } from '../shared/use-cases/notices';

/** A try that failed for now (the provider unreachable, the account not usable): Lambda retries the event. */
export class SmsNotSentError extends Error {
  override name = 'SmsNotSentError';
}

/**
 * The bus's notifier rule (NOTIFIER_RULE_PATTERN) invokes this with each event someone is told of. The
 * event is validated, the parties read from the petition, and each recipient's SMS recorded once
 * and sent now or, in quiet hours, left for the dispatcher. A retried invocation sends nothing
 * twice. Logs carry ids, outcomes and masked numbers only.
 */
export function notifyPartiesHandler(deps: NoticeDeps) {
  return eventHandler<PetitionBusEvent>().handler(async (busEvent) => {
    const event = parsePetitionEvent(busEvent.detail);
    const result = await notifyParties(deps, event);
    const count = (outcome: string) => result.outcomes.filter((o) => o.outcome === outcome).length;
    metrics.addMetric('SmsSent', MetricUnit.Count, count('sent'));
    metrics.addMetric('SmsDelayed', MetricUnit.Count, count('delayed'));
    logger.info('petition event notified', {
      eventId: event.eventId,
      type: event.type,
      petitionId: event.petitionId,
      petitionFound: result.petitionFound,
      outcomes: result.outcomes,
    });
    // Left due, so the dispatcher tries again anyway; throwing makes Lambda retry sooner, and
    // an event still failing after its retries lands in the dead-letter queue, whose alarm fires.
    if (count('retry') > 0) throw new SmsNotSentError(`${count('retry')} SMS not sent yet for ${event.eventId}`);
    return result;
  });
}

export const handler = notifyPartiesHandler(noticeDepsFromEnv());
