import { buildOpenApiDocument } from '../../shared/openapi';
import { findRoute } from '../../shared/routes';
import { gatewayMessageSchema, problemSchema } from '../../shared/schemas/common';

/**
 * Every answer a test sees is held to the published contract: its status is one the OpenAPI
 * document lists for that route, its media type one listed there, and its body parses with the
 * route's response schema in strict mode (no undocumented field), or with the problem schema; and
 * the headers a client acts on that it carries are documented for its status.
 */
const document = buildOpenApiDocument() as {
  paths: Record<
    string,
    Record<
      string,
      { responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }> }
    >
  >;
};

/** Headers a client acts on: an answer that carries one must be documented as carrying it. */
const DOCUMENTED_HEADERS = ['x-correlation-id', 'location', 'retry-after'];

/** Broken promises seen in this test file; a guard fails the test that caused one (contract-guard.ts). */
export const contractViolations: string[] = [];

export function checkAnswer(
  routeKey: string,
  answer: { statusCode?: number; headers?: Record<string, unknown>; body?: string; isBase64Encoded?: boolean },
): void {
  const violation = findViolation(routeKey, answer);
  if (violation) contractViolations.push(`${routeKey} → ${answer.statusCode ?? 200}: ${violation}`);
}

function findViolation(
  routeKey: string,
  answer: { statusCode?: number; headers?: Record<string, unknown>; body?: string },
): string | undefined {
  const route = findRoute(routeKey);
  if (!route) return 'no such route in the route table';
  const status = answer.statusCode ?? 200;
  const published = document.paths[route.path]?.[route.method.toLowerCase()]?.responses[String(status)];
  if (!published) return `status ${status} is not in the OpenAPI document for this route`;
  const documented = Object.keys(published.headers ?? {}).map((name) => name.toLowerCase());
  const undocumented = Object.keys(answer.headers ?? {}).filter(
    (name) => DOCUMENTED_HEADERS.includes(name.toLowerCase()) && !documented.includes(name.toLowerCase()),
  );
  if (undocumented.length > 0) return `header ${undocumented.join(', ')} is not documented for ${status}`;
  const contentType =
    String(answer.headers?.['content-type'] ?? '')
      .split(';')[0]
      ?.trim() ?? '';
  const mediaTypes = Object.keys(published.content ?? {});
  if (mediaTypes.length === 0) return answer.body ? 'a body where the document promises none' : undefined;
  if (!mediaTypes.includes(contentType)) return `content type "${contentType}" is not one of ${mediaTypes.join(', ')}`;
  if (contentType !== 'application/json' && contentType !== 'application/problem+json') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(answer.body ?? '');
  } catch {
    return 'the body is not JSON';
  }
  const schema =
    status >= 400
      ? contentType === 'application/json'
        ? gatewayMessageSchema
        : problemSchema
      : route.responses[status]?.schema;
  if (!schema) return `no response schema for ${status}`;
  const parsed = schema.safeParse(body);
  if (parsed.success) return undefined;
  return parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
}
