import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { runAsFunction } from '../../local/aws-edge/identity';
import { lambdaContext } from '../../local/gateway';
import type { Role } from '../../shared/domain/roles';
import type { ApiEvent, ApiResult } from '../../shared/http/types';
import { findRoute, ROUTES } from '../../shared/routes';
import { checkAnswer } from './contract';

export interface Caller {
  role: Role;
  officeCode?: string;
  /** A province administrator's province: South Khorasan (29) unless told; null sends none. */
  provinceCode?: string | null;
  /** A court user's court: the test court of the test office's district unless told; null sends none. */
  courtCode?: string | null;
  userId?: string;
}

/** The province a test's province administrator acts in unless it names another. */
export const TEST_PROVINCE = '29';

/**
 * The court a test's court user works in unless it names another: the general civil court of the
 * test offices' district (test/support/petitions.ts registers it), where test petitions are routed.
 */
export const TEST_COURT = 'TEST-BIR-CIVIL';

/** The court claim a caller's token carries. */
export function courtClaim(caller: Caller): string | undefined {
  if (caller.courtCode === null) return undefined;
  return caller.courtCode ?? (caller.role === 'court' ? TEST_COURT : undefined);
}

/** The province claim a caller's token carries. */
export function provinceClaim(caller: Caller): string | undefined {
  if (caller.provinceCode === null) return undefined;
  return caller.provinceCode ?? (caller.role === 'province-admin' ? TEST_PROVINCE : undefined);
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
        ...(courtClaim(input.caller) ? { 'custom:courtCode': courtClaim(input.caller) } : {}),
        ...(provinceClaim(input.caller) ? { 'custom:provinceCode': provinceClaim(input.caller) } : {}),
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
/** A route's handler; its context type is the route's own (the middleware fills it in). */
type Handler = (event: ApiEvent, context: never) => Promise<ApiResult>;

/**
 * Calls a route's handler as Lambda would behind the HTTP API: inside the invocation of the
 * function the event's route key names, so its AWS calls are held to that function's policy.
 */
export async function call(handler: Handler, event: ApiEvent, options: { timeoutMs?: number } = {}): Promise<Answer> {
  const routeId = findRoute(event.routeKey)?.id;
  if (!routeId) throw new Error(`no route for ${event.routeKey}`);
  const budget = options.timeoutMs ?? 10_000;
  const result = await runAsFunction(routeId, () => handler(event, lambdaContext(routeId, budget) as never));
  checkAnswer(event.routeKey, result);
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
  return { status: result.statusCode ?? 200, headers, body: result.body ? JSON.parse(result.body) : undefined };
}

/** The raw result of a route's handler, invoked as `call` does (for tests that read headers or text bodies). */
export function invokeRoute(handler: Handler, event: ApiEvent): Promise<ApiResult> {
  const routeId = findRoute(event.routeKey)?.id;
  if (!routeId) throw new Error(`no route for ${event.routeKey}`);
  return runAsFunction(routeId, () => handler(event, lambdaContext(routeId, 10_000) as never));
}

/** Invokes an event function (verify-document, monthly-report-job) inside its own invocation. */
export function invoke<E, R>(
  functionId: string,
  handler: (event: E, context: Context) => Promise<R>,
  event: E,
): Promise<R> {
  return runAsFunction(functionId, () => handler(event, lambdaContext(functionId, 10_000)));
}

/** Runs use-case code as the named function would (its AWS calls under that function's policy). */
export function asFunction<T>(functionId: string, work: () => Promise<T>): Promise<T> {
  return runAsFunction(functionId, work);
}
