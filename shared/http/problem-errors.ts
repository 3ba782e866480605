import type middy from '@middy/core';
import { DependencyUnavailableError } from '../domain/errors';
import { pickLanguage } from '../i18n/messages';
import { logger } from '../observability/logger';
import { answerHeaders } from './correlation';
import { logOutcome } from './outcome-log';
import { problemResponse } from './problem';
import type { ApiContext, ApiEvent, ApiResult } from './types';

/** Every error, expected or not, becomes problem+json; unexpected ones are logged by class only. */
export function problemErrors(): middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext> {
  return {
    onError: (request) => {
      const error = asTimeout(request.error);
      const language = request.context.language ?? pickLanguage(request.event.headers?.['accept-language']);
      const response = problemResponse(error, language, request.event.requestContext.requestId);
      const status = response.statusCode ?? 500;
      if (status >= 500) {
        // The error's class and its stack frames only, not its message: messages may quote item
        // keys or attribute values, and those can hold personal data.
        const frames = error?.stack?.split('\n').slice(1).join('\n');
        if (status === 503) logger.warn('dependency unavailable', { errorName: error?.name });
        else logger.error('unhandled error', { errorName: error?.name, frames });
      }
      response.headers = {
        ...response.headers,
        ...answerHeaders(request.context.correlationId ?? request.event.requestContext.requestId),
      };
      request.response = response;
      logOutcome(request);
    },
  };
}

/**
 * middy answers just before Lambda's own timeout (`timeoutEarlyResponse`) when what the function
 * waits on (DynamoDB, S3) has not answered in time. That is a dependency being slow, not a fault of
 * ours: a 503 with Retry-After, since every write is conditional or keyed and a retry is safe.
 */
function asTimeout(error: Error | null | undefined): Error | null | undefined {
  return error?.name === 'TimeoutError' ? new DependencyUnavailableError(1, { cause: error }) : error;
}
