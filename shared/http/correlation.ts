import type middy from '@middy/core';
import { pickLanguage } from '../i18n/messages';
import { logger } from '../observability/logger';
import { logOutcome } from './outcome-log';
import type { ApiContext, ApiEvent, ApiResult } from './types';

/** A caller-supplied id we may echo and log: short, and nothing that could carry data. */
const CORRELATION_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * The headers every answer carries: its correlation id, and `nosniff`, so that a browser takes a
 * CSV, a chart or a problem for the type it is sent as and never guesses another from its bytes.
 */
export function answerHeaders(correlationId: string): Record<string, string> {
  return { 'x-correlation-id': correlationId, 'x-content-type-options': 'nosniff' };
}

/**
 * The request's correlation id, from the caller (`x-correlation-id`) or else the API request id,
 * on every log line and echoed back; and the caller's language, for every text of the answer.
 */
export function correlation(): middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext> {
  return {
    before: (request) => {
      const headers = request.event.headers ?? {};
      const supplied = headers['x-correlation-id'];
      const id = supplied && CORRELATION_ID.test(supplied) ? supplied : request.event.requestContext.requestId;
      request.context.correlationId = id;
      request.context.language = pickLanguage(headers['accept-language']);
      logger.setCorrelationId(id);
    },
    after: (request) => {
      if (request.response) {
        request.response.headers = { ...request.response.headers, ...answerHeaders(request.context.correlationId) };
      }
      logOutcome(request);
    },
  };
}
