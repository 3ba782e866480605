import type middy from '@middy/core';
import type * as z from 'zod/mini';
import { type FieldIssue, ValidationError } from '../domain/errors';
import type { RouteDefinition } from '../routes/define';
import { idempotencyHeadersSchema, noBodySchema } from '../schemas/headers';
import { type InputSource, parseInput } from '../schemas/validate';
import type { ApiContext, ApiEvent, ApiResult } from './types';

type Output<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/** What a handler gets of its request: the route's own schemas' outputs, typed from its entry. */
export type RequestOf<R extends RouteDefinition> = {
  path: R['request'] extends { path: infer S } ? Output<S> : undefined;
  query: R['request'] extends { query: infer S } ? Output<S> : undefined;
  body: R['request'] extends { body: infer S } ? Output<S> : undefined;
  idempotencyKey: R['idempotent'] extends true ? string : undefined;
};

/**
 * Validates a request against its route's entry, the one place its shape is declared: the path,
 * query and body schemas (normalised, strict) and, for idempotent routes, the Idempotency-Key
 * header. Every failing field of every part is reported at once; the typed result is on
 * `context.request`, so a handler cannot drift from its route.
 */
export function validateRequest<R extends RouteDefinition>(
  route: R,
): middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext & { request: RequestOf<R> }> {
  const parts: Array<[InputSource, z.ZodMiniType | undefined, (request: middy.Request<ApiEvent>) => unknown]> = [
    ['path', route.request?.path, (r) => r.event.pathParameters ?? {}],
    ['query', route.request?.query, (r) => r.event.queryStringParameters ?? {}],
    [
      'body',
      route.request?.body,
      (r) => (r.context as unknown as ApiContext).body ?? (route.request?.bodyOptional ? {} : undefined),
    ],
    // A route without a body schema takes none: one sent anyway is judged as an empty strict object.
    ['body', route.request?.body ? undefined : noBodySchema, (r) => (r.context as unknown as ApiContext).body],
    // The one header read, not all of them: a caller's other headers (its token, its user agent) are
    // neither normalised nor judged; walking them all cost a submission's first call about 0.8 ms.
    [
      'header',
      route.idempotent ? idempotencyHeadersSchema : undefined,
      (r) => {
        const key = r.event.headers?.['idempotency-key'];
        return key === undefined ? {} : { 'idempotency-key': key };
      },
    ],
  ];
  return {
    before: (request) => {
      const out: Record<string, unknown> = {};
      const fields: FieldIssue[] = [];
      for (const [source, schema, read] of parts) {
        if (!schema) continue;
        const input = read(request);
        const takesNone = schema === noBodySchema;
        // Nothing sent to a route that takes nothing: nothing to judge, and no parse in its cold start.
        if (takesNone && input === undefined) continue;
        try {
          const parsed = parseInput(schema, input, source);
          if (!takesNone) out[source] = parsed;
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          fields.push(...error.fields);
        }
      }
      if (fields.length > 0) throw new ValidationError(fields);
      const header = out.header as { 'idempotency-key': string } | undefined;
      request.context.request = {
        path: out.path,
        query: out.query,
        body: out.body,
        idempotencyKey: header?.['idempotency-key'],
      } as RequestOf<R>;
    },
  };
}
