import { noticeDepsFromEnv } from '../shared/adapters/notices-from-env';
import { eventHandler } from '../shared/observability/event-handler';
import { logger } from '../shared/observability/logger';
import { MetricUnit, metrics } from '../shared/observability/metrics';
import { dispatchDueSms, type NoticeDeps } from '../shared/use-cases/notices';

/** Notices one run takes on; more wait for the next run, a quarter of an hour later. */
export const DISPATCH_BATCH = 500;
/** Stop starting new sends this long before the function's timeout: a send's own timeout (10 s) and its record. */
const SAFETY_MS = 15_000;

export class SmsDispatchError extends Error {
  override name = 'SmsDispatchError';
}

/**
 * Every quarter of an hour (EventBridge Scheduler): sends the SMS that have come due, those held
 * over quiet hours (at 07:00 Tehran the night's notices go) and those whose try failed. A notice
 * given up on (a number refused, too many failed tries) or a run that could not send at all fails
 * the run, so the function-error alarm tells an operator.
 */
export function dispatchSmsHandler(deps: NoticeDeps) {
  return eventHandler().handler(async (_event: unknown, context) => {
    const result = await dispatchDueSms(deps, {
      limit: DISPATCH_BATCH,
      outOfTime: () => context.getRemainingTimeInMillis() < SAFETY_MS,
    });
    const count = (outcome: string) => result.outcomes.filter((o) => o.outcome === outcome).length;
    metrics.addMetric('SmsSent', MetricUnit.Count, count('sent'));
    metrics.addMetric('SmsFailed', MetricUnit.Count, count('failed'));
    logger.info('due SMS dispatched', {
      sent: count('sent'),
      retry: count('retry'),
      failed: count('failed'),
      left: result.left,
      problems: result.outcomes.filter((o) => o.outcome === 'retry' || o.outcome === 'failed'),
    });
    // Per notice, numbers masked: what support needs to answer "did my SMS go?".
    logger.debug('due SMS outcomes', { outcomes: result.outcomes });
    if (count('failed') > 0 || (count('retry') > 0 && count('sent') === 0))
      throw new SmsDispatchError(`${count('failed')} SMS given up, ${count('retry')} to try again`);
    return { sent: count('sent'), retry: count('retry'), failed: count('failed'), left: result.left };
  });
}

export const handler = dispatchSmsHandler(noticeDepsFromEnv());
