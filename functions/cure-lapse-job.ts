import { calendarRepositoryFromEnv, cryptoIds, petitionRepositoryFromEnv } from '../shared/adapters/from-env';
import { eventHandler } from '../shared/observability/event-handler';
import { logger } from '../shared/observability/logger';
import { MetricUnit, metrics } from '../shared/observability/metrics';
import { systemClock } from '../shared/ports';
import { runCureLapses } from '../shared/use-cases/lapses';

const petitions = petitionRepositoryFromEnv();
const calendars = calendarRepositoryFromEnv();

/**
 * Daily, after Tehran midnight (EventBridge Scheduler): moves returned petitions whose cure period
 * has ended to rejection-due, each exactly once; one whose last day the calendar has closed since
 * service gets its new deadline instead. Logs counts only, never a petition's content.
 */
export const handler = eventHandler().handler(async () => {
  const { moved, postponed, skipped } = await runCureLapses({
    petitions,
    calendars,
    clock: systemClock,
    ids: cryptoIds,
  });
  logger.info('cure lapses', { moved: moved.length, postponed: postponed.length, skipped });
  metrics.addMetric('CureLapsesMoved', MetricUnit.Count, moved.length);
  return { moved: moved.length, postponed: postponed.length, skipped };
});
