import { reportDepsFromEnv } from '../shared/adapters/report-deps';
import { eventHandler } from '../shared/observability/event-handler';
import { logger } from '../shared/observability/logger';
import { MetricUnit, metrics } from '../shared/observability/metrics';
import { runScheduledReports } from '../shared/use-cases/reports';

const deps = reportDepsFromEnv();

/**
 * Daily, after Tehran midnight (EventBridge Scheduler): produces every closed month's report that
 * is missing. A thrown error makes the scheduler retry and finally dead-letter the run.
 */
export const handler = eventHandler().handler(async () => {
  const produced = await runScheduledReports(deps);
  logger.info('monthly reports', { produced });
  // A heartbeat: the "missing monthly report" alarm fires when a day passes without one.
  metrics.addMetric('ReportJobSucceeded', MetricUnit.Count, 1);
  metrics.addMetric('MonthlyReportsProduced', MetricUnit.Count, produced.length);
  return { produced };
});
