import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Context } from 'aws-lambda';
import type { ApiEvent, ApiResult } from '../shared/http/types';
import { limitsOf, type RouteDefinition, routeKey } from '../shared/routes';
import type { TokenVerifier } from './auth';
import { runAsFunction } from './aws-edge/identity';
import type { CorsHeaders } from './cors';

export type ApiHandler = (event: ApiEvent, context: Context) => Promise<ApiResult | string | object>;

interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  names: string[];
}

/** API Gateway's own limit on a request payload. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const TEXT_TYPES = /^(application\/([\w.+-]*json|x-www-form-urlencoded|xml)|text\/)/i;

/**
 * A local stand-in for the API Gateway HTTP API: it matches the route table, verifies the bearer
 * token as the JWT authorizer would, builds a payload 2.0 event and calls the very handler that
 * runs in Lambda. Answers for unknown routes and bad tokens mimic API Gateway's own.
 */
export function createGateway(options: {
  routes: readonly RouteDefinition[];
  verifyToken: TokenVerifier;
  loadHandler: (route: RouteDefinition) => Promise<ApiHandler>;
  timeoutMs?: number;
  /** The HTTP API's CORS configuration (local/cors.ts); without it, preflights answer 404 as with none configured. */
  cors?: CorsHeaders;
}): Server {
  const compiled = options.routes.map(compile);
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A gateway fault, not a handler answer: API Gateway would say 500 Internal Server Error.
      console.error('local gateway error:', error instanceof Error ? `${error.name}: ${error.message}` : 'unknown');
      if (!res.headersSent)
        send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Internal Server Error' }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    if (options.cors) {
      if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
        const allowed = options.cors.preflight(lowerCaseHeaders(req));
        return send(res, 204, allowed ?? {}, '');
      }
      const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
      for (const [name, value] of Object.entries(options.cors.response(origin))) res.setHeader(name, value);
    }
    const match = findMatch(compiled, method, url.pathname);
    if (!match) return send(res, 404, { 'content-type': 'application/json' }, JSON.stringify({ message: 'Not Found' }));

    const body = await readBody(req);
    if (body === 'too-large')
      return send(
        res,
        413,
        { 'content-type': 'application/json' },
        JSON.stringify({ message: 'Request Entity Too Large' }),
      );

    const headers = lowerCaseHeaders(req);
    let claims: Record<string, string> | undefined;
    if (match.route.auth !== 'public') {
      const token = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
      const payload = token ? await options.verifyToken(token) : undefined;
      if (!payload) {
        return send(
          res,
          401,
          { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
          JSON.stringify({ message: 'Unauthorized' }),
        );
      }
      claims = flattenClaims(payload);
    }

    const event = buildEvent({ req, url, method, headers, body, match, claims });
    const handler = await options.loadHandler(match.route);
    // Inside the function's invocation: its AWS calls sign with its own key, so its policy applies.
    const result = await runAsFunction(match.route.id, () =>
      // The function's own timeout, as in AWS: a slow answer fails here as it would there.
      handler(event, lambdaContext(match.route.id, options.timeoutMs ?? limitsOf(match.route).timeoutSeconds * 1000)),
    );
    writeResult(res, result);
  }
}

function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names };
}

function findMatch(routes: CompiledRoute[], method: string, path: string) {
  // Literal paths win over templates, as in API Gateway (`/v1/offices/new` before `/v1/offices/{code}`).
  const candidates = routes
    .filter((r) => r.route.method === method)
    .map((r) => ({ r, m: r.pattern.exec(path) }))
    .filter((c): c is { r: CompiledRoute; m: RegExpExecArray } => c.m !== null)
    .sort((a, b) => a.r.names.length - b.r.names.length);
  const best = candidates[0];
  if (!best) return undefined;
  const params: Record<string, string> = {};
  best.r.names.forEach((name, i) => {
    params[name] = safeDecode(best.m[i + 1] ?? '');
  });
  return { route: best.r.route, params };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

/** The HTTP API authorizer hands claims over as strings; arrays become "[a b]". */
function flattenClaims(payload: Record<string, unknown>): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    claims[name] = Array.isArray(value)
      ? `[${value.join(' ')}]`
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  }
  return claims;
}

function buildEvent(input: {
  req: IncomingMessage;
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Buffer;
  match: { route: RouteDefinition; params: Record<string, string> };
  claims: Record<string, string> | undefined;
}): ApiEvent {
  const { req, url, method, headers, body, match, claims } = input;
  // Every name an own field, as API Gateway hands it over: assigned, `__proto__` would vanish
  // into the prototype, and `name in query` would find `constructor` on an empty object.
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) {
    const joined = Object.hasOwn(query, name) ? `${query[name]},${value}` : value;
    Object.defineProperty(query, name, { value: joined, enumerable: true, writable: true, configurable: true });
  }
  const { cookie, ...otherHeaders } = headers;
  const isText = body.length === 0 || TEXT_TYPES.test(headers['content-type'] ?? '');
  const now = new Date();
  const key = routeKey(match.route);
  return {
    version: '2.0',
    routeKey: key,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookie ? { cookies: cookie.split(/;\s*/) } : {}),
    headers: otherHeaders,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(match.params).length ? { pathParameters: match.params } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        // The connection's own address, as API Gateway reports it: never X-Forwarded-For, which a client writes.
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/i, ''),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: key,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
    ...(body.length ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !isText,
  };
}

/** The Lambda context a handler gets, with a deadline like the function's timeout. */
export function lambdaContext(functionName: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Payload 2.0 results: a structured result, or anything else taken as a 200 JSON body. */
function writeResult(res: ServerResponse, result: ApiResult | string | object): void {
  const structured =
    typeof result === 'object' && result !== null && 'statusCode' in result ? (result as ApiResult) : undefined;
  if (!structured) {
    send(
      res,
      200,
      { 'content-type': 'application/json' },
      typeof result === 'string' ? result : JSON.stringify(result),
    );
    return;
  }
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name] = String(value);
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  const body =
    structured.body === undefined
      ? ''
      : structured.isBase64Encoded
        ? Buffer.from(structured.body, 'base64')
        : structured.body;
  send(res, structured.statusCode ?? 200, headers, body);
}

function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | string[]>,
  body: string | Buffer,
): void {
  res.writeHead(status, headers);
  res.end(body);
}
