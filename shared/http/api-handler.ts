import middy from '@middy/core';
import { apiMiddleware } from './middleware';
import type { ApiContext, ApiEvent, ApiResult } from './types';

/** A middy handler with the common API chain already in place; add `.handler()` last. */
export function apiHandler() {
  return middy<ApiEvent, ApiResult, Error, ApiContext>().use(apiMiddleware());
}
