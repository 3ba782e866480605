import * as z from 'zod/mini';
import { MAX_BODY_BYTES } from './http/json-body';
import { ROUTES, type RouteDefinition } from './routes';
import { gatewayMessageSchema, problemSchema } from './schemas/common';

type JsonSchema = Record<string, unknown>;

const COMPONENT_REF = (id: string) => `#/components/schemas/${id}`;
const HEADER_REF = (id: keyof typeof RESPONSE_HEADERS) => ({ $ref: `#/components/headers/${id}` });

/** The headers our answers carry that a client acts on; which answer carries which: `responseHeaders`. */
const RESPONSE_HEADERS = {
  CorrelationId: {
    description: "The request's correlation id: the caller's own x-correlation-id if valid, else the request id",
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}$' },
  },
  Location: { description: 'Where the created resource is read', schema: { type: 'string' } },
  RetryAfter: { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } },
} as const;

/**
 * Operations are grouped by what they are about, from the path alone, so that a new route needs
 * no tag of its own: the docs page and generated clients show these groups.
 */
const TAGS = [
  { name: 'API', description: 'Liveness, this OpenAPI document and its rendered reference' },
  { name: 'Offices', description: 'The registry of Judicial Electronic Services Offices' },
  { name: 'Petitions', description: 'Drafts, submission and the life cycle of a petition' },
  { name: 'Documents', description: "A petition's scanned documents: declaration, upload and download" },
  { name: 'Citizens', description: 'Tracking by code and national ID, and rating the office' },
  { name: 'Reports', description: 'Monthly reports per office and the network target they measure' },
  { name: 'Fees', description: 'National fee schedules, quotes, payments through the gateway and receipts' },
  { name: 'Courts', description: "The court registry, each court's inbox and the province's fallback courts" },
  { name: 'Holidays', description: 'The holidays and closed weekdays legal periods are counted on' },
] as const;
const TAG_OF_SEGMENT: Record<string, (typeof TAGS)[number]['name']> = {
  health: 'API',
  'openapi.json': 'API',
  docs: 'API',
  offices: 'Offices',
  petitions: 'Petitions',
  track: 'Citizens',
  feedback: 'Citizens',
  reports: 'Reports',
  network: 'Reports',
  'fee-schedules': 'Fees',
  payments: 'Fees',
  courts: 'Courts',
  holidays: 'Holidays',
};

/** `/v1/petitions/{id}/documents…` are Documents, its fees and payments Fees; otherwise the first segment decides. */
export function tagOf(path: string): string {
  const [, , first = '', , sub] = path.split('/');
  if (first === 'petitions' && sub === 'documents') return 'Documents';
  if (first === 'petitions' && (sub === 'fees' || sub === 'payments' || sub === 'indigency')) return 'Fees';
  return TAG_OF_SEGMENT[first] ?? first;
}

/**
 * OpenAPI 3.1 generated from the route table and the same zod schemas that validate requests, so
 * the published contract cannot disagree with what the handlers accept. OpenAPI 3.1 schemas are
 * JSON Schema 2020-12, which is zod's native output.
 */
export function buildOpenApiDocument() {
  const components: Record<string, JsonSchema> = {};
  const toSchema = (schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema => {
    const raw = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
    // Nested schemas with an id land in $defs; in OpenAPI they belong under components.
    const converted = JSON.parse(JSON.stringify(raw).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
    const { $schema: _ignored, $defs, ...rest } = converted;
    Object.assign(components, ($defs ?? {}) as Record<string, JsonSchema>);
    // A lazy schema (shared/schemas/lazy.ts) carries its id on the schema it builds.
    const own = schema._zod.def.type === 'lazy' ? (schema as z.ZodMiniLazy<z.ZodMiniType>)._zod.innerType : schema;
    const id = z.globalRegistry.get(own)?.id;
    if (id) {
      // zod puts a root schema that has an id into $defs itself and answers with a $ref to it.
      if (!($defs as Record<string, JsonSchema> | undefined)?.[id]) components[id] = rest;
      return { $ref: COMPONENT_REF(id) };
    }
    return rest;
  };
  toSchema(problemSchema, 'output');
  toSchema(gatewayMessageSchema, 'output');

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route, toSchema);
  }
  // A route under a segment that TAGS does not know yet still gets a described tag of its own.
  const tags: Array<{ name: string; description: string }> = [...TAGS];
  for (const name of new Set(ROUTES.map((route) => tagOf(route.path)))) {
    if (!tags.some((tag) => tag.name === name)) tags.push({ name, description: `Routes under /v1/${name}` });
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Judicial Electronic Services Offices API',
      version: '1.0.0',
      description:
        "Petition intake, documents, citizen tracking and monthly reports for Iran's Judicial Electronic Services Offices. " +
        'Inputs are normalised before validation (Persian/Arabic digits to ASCII, Arabic ي/ك to ی/ک, trimmed). ' +
        'Errors are RFC 9457 problem+json in Persian or English by Accept-Language. ' +
        `Request bodies are at most ${MAX_BODY_BYTES} bytes (413 beyond). A 503 or 429 carries Retry-After; retry ` +
        `submissions with the same Idempotency-Key.`,
      // No licence: this is a public authority's service, not an API licensed to others (redocly.yaml).
      contact: { name: "Province administration of the Judicial Electronic Services Offices (role 'province-admin')" },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/', description: 'The API that serves this document' }],
    tags,
    paths,
    components: {
      schemas: components,
      headers: RESPONSE_HEADERS,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID token; groups in cognito:groups, office in custom:officeCode',
        },
      },
    },
  };
}

/**
 * The answers every route of a kind can give besides its own: bad input, no or a bad token, the
 * wrong role, an unknown or foreign item, a body too large or not JSON, throttling (the stage's
 * limits and the guessing limits), and a dependency throttled through our retries (503).
 */
export function commonResponses(route: RouteDefinition): Record<string, string> {
  const common: Record<string, string> = {};
  const takesInput = route.request?.body || route.request?.path || route.request?.query || route.idempotent;
  // A route that takes no body still parses one sent to it, and refuses its fields (400), a body
  // that is not JSON (415) and one over the limit (413); API Gateway refuses one over 10 MB itself.
  common['400'] = takesInput
    ? 'Invalid input: every failing field is listed'
    : 'A body with fields: this route takes none';
  if (route.auth !== 'public') {
    common['401'] = 'No or invalid token (answered by the JWT authorizer)';
    common['403'] = `Only for: ${route.auth.join(', ')}`;
  }
  if (route.request?.path && !route.path.startsWith('/v1/reports/')) common['404'] = 'Unknown, or not yours to see';
  common['413'] = `Request body over ${MAX_BODY_BYTES} bytes (over 10 MB, API Gateway's own answer)`;
  common['415'] = `The body is not ${route.request?.form ? 'application/x-www-form-urlencoded' : 'application/json'}`;
  common['429'] = 'Too many requests: Retry-After says when to try again';
  if (route.table?.length || route.documents?.length || route.reports) {
    common['503'] = 'A dependency stayed throttled or unavailable: retry after Retry-After (nothing was half written)';
  }
  return common;
}

/**
 * Every answer of a function carries its correlation id (API Gateway's own 401, 413 and 429 do
 * not); a 201 its Location; a 429, a 503 and an idempotent route's 409 (the first request still
 * running) Retry-After.
 */
function responseHeaders(route: RouteDefinition, status: string): Record<string, unknown> {
  return {
    'x-correlation-id': HEADER_REF('CorrelationId'),
    ...(status === '201' ? { Location: HEADER_REF('Location') } : {}),
    ...(status === '429' || status === '503' || (status === '409' && route.idempotent)
      ? { 'Retry-After': HEADER_REF('RetryAfter') }
      : {}),
  };
}

function operation(route: RouteDefinition, toSchema: (s: z.ZodMiniType, io: 'input' | 'output') => JsonSchema) {
  const parameters: unknown[] = [];
  for (const [location, schema] of [
    ['path', route.request?.path],
    ['query', route.request?.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      parameters.push({
        name,
        in: location,
        required: location === 'path' || (json.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  if (route.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description: 'A client-chosen key per logical request; a retry with the same key returns the first answer',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' },
    });
  }
  const problem = {
    description: 'Problem details',
    content: { 'application/problem+json': { schema: { $ref: COMPONENT_REF('Problem') } } },
  };
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = response.schema
      ? {
          description: response.description,
          content: {
            [response.contentType ?? 'application/json']: { schema: toSchema(response.schema, 'output') },
            ...Object.fromEntries(
              (response.otherContentTypes ?? []).map((type) => [type, { schema: { type: 'string' } }]),
            ),
          },
        }
      : Number(status) >= 400
        ? { ...problem, description: response.description }
        : { description: response.description };
  }
  for (const [status, description] of Object.entries(commonResponses(route))) {
    if (responses[status]) continue;
    // API Gateway answers a bad token (401), its own throttling (429) and a body over its 10 MB
    // (413) itself, as `{"message": …}`; the functions answer the same statuses as problem+json.
    responses[status] =
      status === '401' || status === '413' || status === '429'
        ? {
            description,
            content: {
              ...problem.content,
              'application/json': { schema: { $ref: COMPONENT_REF('GatewayMessage') } },
            },
          }
        : { ...problem, description };
  }
  for (const [status, response] of Object.entries(responses)) {
    (response as { headers?: unknown }).headers = responseHeaders(route, status);
  }
  return {
    operationId: route.id,
    summary: route.summary,
    tags: [tagOf(route.path)],
    ...(route.auth === 'public' ? { security: [] } : { security: [{ bearer: [] }], 'x-roles': route.auth }),
    ...(parameters.length ? { parameters } : {}),
    ...(route.request?.body
      ? {
          requestBody: {
            required: !route.request.bodyOptional,
            content: {
              [route.request.form ? 'application/x-www-form-urlencoded' : 'application/json']: {
                schema: toSchema(route.request.body, 'input'),
              },
            },
          },
        }
      : {}),
    responses,
  };
}
