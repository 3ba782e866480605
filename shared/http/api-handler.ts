import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../observability/logger';
import { publishMetrics } from '../observability/metrics';
import { tracing } from '../observability/tracing';
import type { RouteDefinition } from '../routes/define';
import { authorize } from './authorize';
import { correlation } from './correlation';
import { formBody } from './form-body';
import { jsonBody } from './json-body';
import { problemErrors } from './problem-errors';
import type { ApiContext, ApiEvent, ApiResult } from './types';
import { type RequestOf, validateRequest } from './validate-request';

type Middleware<C> = middy.MiddlewareObj<ApiEvent, ApiResult, Error, C>;

/**
 * A middy handler for one route, with the common chain in order: tracing, metrics, the logger's
 * Lambda context, the correlation id and language, errors as problem+json, the route's roles, the
 * JSON body (a form body for the one route a payment gateway posts to), and the route's request
 * schemas; `rawBodyChecks` run on the unparsed body. Add `.handler()` last; the handler reads the
 * validated request from `context.request`.
 */
export function apiHandler<const R extends RouteDefinition>(
  route: R,
  options: { rawBodyChecks?: readonly middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext>[] } = {},
) {
  type Context = ApiContext & { request: RequestOf<R> };
  return middy<ApiEvent, ApiResult, Error, Context>().use([
    tracing() as unknown as Middleware<Context>,
    publishMetrics() as unknown as Middleware<Context>,
    injectLambdaContext(logger, { resetKeys: true }) as unknown as Middleware<Context>,
    correlation() as Middleware<Context>,
    problemErrors() as Middleware<Context>,
    authorize(route.auth) as Middleware<Context>,
    // Checks of the body exactly as received (a webhook's signature), before parsing changes it.
    ...((options.rawBodyChecks ?? []) as Middleware<Context>[]),
    (route.request?.form ? formBody() : jsonBody()) as Middleware<Context>,
    validateRequest(route),
  ]);
}
