import type middy from '@middy/core';
import { logger } from '../observability/logger';
import type { ApiContext, ApiEvent, ApiResult } from './types';

/** One line per request: the route, the status, who asked (role and office, never a name or ID). */
export function logOutcome(request: middy.Request<ApiEvent, ApiResult, Error, ApiContext>): void {
  const principal = request.context.principal;
  logger.info('request', {
    routeKey: request.event.routeKey,
    status: request.response?.statusCode,
    role: principal?.role,
    officeCode: principal?.kind === 'office' ? principal.officeCode : undefined,
  });
}
