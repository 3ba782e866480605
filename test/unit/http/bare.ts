import middy from '@middy/core';
import type { ApiContext, ApiEvent, ApiResult } from '../../../shared/http/types';

/** A minimal payload 2.0 event, as a middleware sees it. */
export function bareEvent(overrides: Partial<ApiEvent> = {}): ApiEvent {
  return {
    version: '2.0',
    routeKey: 'POST /v1/things',
    rawPath: '/v1/things',
    rawQueryString: '',
    headers: {},
    requestContext: {
      accountId: '0',
      apiId: 'unit',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: 'POST', path: '/v1/things', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: 'request-1',
      routeKey: 'POST /v1/things',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
    ...overrides,
  } as ApiEvent;
}

/**
 * One middleware on a bare middy, in front of a handler that answers with what the middleware
 * left on the context: each middleware tested on its own, as middy's own packages test theirs.
 */
export function withOnly(
  middleware: middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext>,
  answer: (event: ApiEvent, context: ApiContext) => ApiResult = () => ({ statusCode: 200, body: 'ok' }),
) {
  const handler = middy<ApiEvent, ApiResult, Error, ApiContext>()
    .use(middleware)
    .handler(async (event, context) => answer(event, context));
  return (event: ApiEvent, context: Partial<ApiContext> = {}) =>
    handler(event, { language: 'fa', correlationId: 'c-1', ...context } as ApiContext);
}
