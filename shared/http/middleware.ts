import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type middy from '@middy/core';
import { ForbiddenError } from '../domain/errors';
import { isRole, OFFICE_ROLES, type Principal, type Role } from '../domain/roles';
import { pickLanguage } from '../i18n/messages';
import { logger } from '../observability/logger';
import { publishMetrics, tracer } from '../observability/metrics';
import { findRoute } from '../routes';
import { jsonBody } from './json-body';
import { problemResponse } from './problem';
import { TransportError } from './transport-errors';
import type { ApiContext, ApiEvent, ApiResult } from './types';

type ApiMiddleware = middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext>;

/** Correlation id from the caller (`x-correlation-id`) or the API request id; echoed back. */
export function correlation(): ApiMiddleware {
  return {
    before: (request) => {
      const headers = request.event.headers ?? {};
      const supplied = headers['x-correlation-id'];
      const id =
        supplied && /^[A-Za-z0-9._-]{1,100}$/.test(supplied) ? supplied : request.event.requestContext.requestId;
      request.context.correlationId = id;
      request.context.language = pickLanguage(headers['accept-language']);
      logger.setCorrelationId(id);
    },
    after: (request) => {
      if (request.response)
        request.response.headers = { ...request.response.headers, 'x-correlation-id': request.context.correlationId };
      logOutcome(request);
    },
  };
}

/** Every error, expected or not, becomes problem+json; unexpected ones are logged by name only. */
export function problemErrors(): ApiMiddleware {
  return {
    onError: (request) => {
      const error = request.error;
      const language = request.context.language ?? pickLanguage(request.event.headers?.['accept-language']);
      const response = problemResponse(error, language, request.event.requestContext.requestId);
      const status = response.statusCode ?? 500;
      if (status >= 500) {
        // The error's class and its stack frames only, not its message: SDK messages may quote
        // item keys or attribute values, and those can hold personal data.
        const frames = error?.stack?.split('\n').slice(1).join('\n');
        if (status === 503) logger.warn('dependency unavailable', { errorName: error?.name });
        else logger.error('unhandled error', { errorName: error?.name, frames });
      }
      response.headers = {
        ...response.headers,
        'x-correlation-id': request.context.correlationId ?? request.event.requestContext.requestId,
      };
      request.response = response;
      logOutcome(request);
    },
  };
}

/**
 * Role check for staff routes. The JWT itself was verified by the HTTP API authorizer (in AWS) or
 * by the local gateway; here the roles come from the route table entry for this route key, so
 * the table stays the one place that says who may call what.
 */
export function authorize(): ApiMiddleware {
  return {
    before: (request) => {
      const route = findRoute(request.event.routeKey);
      if (!route) throw new ForbiddenError();
      if (route.auth === 'public') return;
      const claims = request.event.requestContext.authorizer?.jwt?.claims;
      if (!claims || typeof claims.sub !== 'string') throw new TransportError('unauthorized');
      const roles = parseGroups(claims['cognito:groups']);
      if (!roles.some((role) => route.auth.includes(role))) throw new ForbiddenError();
      const officeCode = typeof claims['custom:officeCode'] === 'string' ? claims['custom:officeCode'] : undefined;
      const principal: Principal = { userId: claims.sub, roles, ...(officeCode ? { officeCode } : {}) };
      // Office staff without an office in their token could otherwise act on no office or every office.
      if (roles.every((r) => OFFICE_ROLES.includes(r)) && !principal.officeCode) throw new ForbiddenError();
      request.context.principal = principal;
    },
  };
}

/** The common chain of every API function, in order. */
export function apiMiddleware(): ApiMiddleware[] {
  return [
    captureLambdaHandler(tracer, { captureResponse: false }) as unknown as ApiMiddleware,
    publishMetrics() as unknown as ApiMiddleware,
    injectLambdaContext(logger, { resetKeys: true }) as unknown as ApiMiddleware,
    correlation(),
    problemErrors(),
    authorize(),
    jsonBody(),
  ];
}

/** API Gateway flattens array claims to "[a b]"; cognito-local and tests may send a real array. */
export function parseGroups(claim: unknown): Role[] {
  let values: string[] = [];
  if (Array.isArray(claim)) values = claim.map(String);
  else if (typeof claim === 'string') {
    const trimmed = claim.trim();
    if (trimmed.startsWith('[') && trimmed.includes('"')) {
      try {
        values = (JSON.parse(trimmed) as unknown[]).map(String);
      } catch {
        values = [];
      }
    } else values = trimmed.replace(/^\[|\]$/g, '').split(/[\s,]+/);
  }
  return values.filter(isRole);
}

function logOutcome(request: middy.Request<ApiEvent, ApiResult, Error, ApiContext>): void {
  logger.info('request', {
    routeKey: request.event.routeKey,
    status: request.response?.statusCode,
    role: request.context.principal?.roles.join(','),
    officeCode: request.context.principal?.officeCode,
  });
}
