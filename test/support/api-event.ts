import { randomUUID } from 'node:crypto';
import { lambdaContext } from '../../local/gateway';
import type { Role } from '../../shared/domain/roles';
import type { ApiContext, ApiEvent, ApiResult } from '../../shared/http/types';
import { findRoute, ROUTES } from '../../shared/routes';
import { checkAnswer } from './contract';

export interface Caller {
  role: Role;
  officeCode?: string;
  userId?: string;
}

export interface EventInput {
  caller?: Caller;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/**
 * A payload 2.0 event as the HTTP API sends it after its JWT authorizer, for calling a handler
 * directly. Claims are strings, groups flattened to "[role]", as API Gateway does.
 */
export function apiEvent(routeId: string, input: EventInput = {}): ApiEvent {
  const route = ROUTES.find((r) => r.id === routeId);
  if (!route) throw new Error(`no route ${routeId}`);
  const key = `${route.method} ${route.path}`;
  if (!findRoute(key)) throw new Error(`route table has no ${key}`);
  const body = input.rawBody ?? (input.body === undefined ? undefined : JSON.stringify(input.body));
  const claims = input.caller
    ? {
        sub: input.caller.userId ?? `user-${input.caller.role}`,
        'cognito:groups': `[${input.caller.role}]`,
        ...(input.caller.officeCode ? { 'custom:officeCode': input.caller.officeCode } : {}),
      }
    : undefined;
  return {
    version: '2.0',
    routeKey: key,
    rawPath: route.path,
    rawQueryString: new URLSearchParams(input.query ?? {}).toString(),
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...input.headers },
    ...(input.query ? { queryStringParameters: input.query } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: route.method, path: route.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: any;
}

/** A middy handler: the middleware fills in the ApiContext fields from the Lambda context. */
type Handler = (event: ApiEvent, context: ApiContext) => Promise<ApiResult>;

export async function call(handler: Handler, event: ApiEvent): Promise<Answer> {
  const result = await handler(event, lambdaContext('test', 10_000) as ApiContext);
  checkAnswer(event.routeKey, result);
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
  return { status: result.statusCode ?? 200, headers, body: result.body ? JSON.parse(result.body) : undefined };
}
