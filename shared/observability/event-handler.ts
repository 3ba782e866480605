import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { logger } from './logger';
import { publishMetrics, tracer } from './metrics';

/**
 * A middy handler for a function started by an event, a schedule or a trigger, with the chain every
 * one of them has: the invocation traced, its metrics published, and logs carrying the Lambda
 * context (never the event: ours hold personal data). Add `.handler()` last. Routes use
 * `apiHandler` (shared/http/api-handler.ts), which begins with the same three.
 *
 * The trace leaves the answer out, as the routes' does: the Tracer would record it as metadata, and
 * the token trigger's answer is the Cognito event with the user's e-mail and phone number
 * (test/handlers/lambda-tracing.test.ts).
 */
export function eventHandler<E, R = unknown>() {
  return middy<E, R>()
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(publishMetrics())
    .use(injectLambdaContext(logger, { resetKeys: true }));
}
