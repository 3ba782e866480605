import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from './logger';
import { publishMetrics } from './metrics';
import { tracing } from './tracing';

/**
 * A middy handler for a function started by an event, a schedule or a trigger, with the chain every
 * one of them has: the invocation traced, its metrics published, and logs carrying the Lambda
 * context (never the event: ours hold personal data). Add `.handler()` last. Routes use
 * `apiHandler` (shared/http/api-handler.ts), which begins with the same three.
 */
export function eventHandler<E, R = unknown>() {
  return middy<E, R>()
    .use(tracing())
    .use(publishMetrics())
    .use(injectLambdaContext(logger, { resetKeys: true }));
}
