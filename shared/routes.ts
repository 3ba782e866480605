import type { z } from 'zod';
import type { Role } from './domain/roles';
import { healthSchema } from './schemas/common';
import {
  createOfficeSchema,
  listOfficesQuerySchema,
  officeListSchema,
  officePathSchema,
  officeSchema,
  updateOfficeSchema,
} from './schemas/office';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What a function may do to the data table; the CDK stack grants exactly this and nothing more. */
export type TableAccess = 'none' | 'read' | 'read-write';

export interface RouteDefinition {
  /** Function name and handler file: `functions/<id>.ts` exporting `handler`. */
  id: string;
  method: HttpMethod;
  /** API Gateway path template, `{name}` for a path parameter. */
  path: string;
  /** `public` routes have no authorizer; otherwise the staff roles that may call it. */
  auth: 'public' | readonly Role[];
  table: TableAccess;
  summary: string;
  request?: { path?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}

const ALL_STAFF: readonly Role[] = ['clerk', 'manager', 'court', 'province-admin'];
const PROVINCE_ADMIN: readonly Role[] = ['province-admin'];

/**
 * The single source of truth for the API: the CDK stack builds one function and one route per
 * entry, the local gateway mounts the same handlers, and the OpenAPI document is generated from it.
 */
export const ROUTES: readonly RouteDefinition[] = [
  {
    id: 'health',
    method: 'GET',
    path: '/v1/health',
    auth: 'public',
    table: 'none',
    summary: 'Liveness check',
    responses: { 200: { description: 'The API answers', schema: healthSchema } },
  },
  {
    id: 'openapi',
    method: 'GET',
    path: '/v1/openapi.json',
    auth: 'public',
    table: 'none',
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: { description: 'The OpenAPI document' } },
  },
  {
    id: 'list-offices',
    method: 'GET',
    path: '/v1/offices',
    auth: ALL_STAFF,
    table: 'read',
    summary: 'The office registry with the network view (offices per status, deprived areas served)',
    request: { query: listOfficesQuerySchema },
    responses: { 200: { description: 'Offices, ordered by code', schema: officeListSchema } },
  },
  {
    id: 'get-office',
    method: 'GET',
    path: '/v1/offices/{officeCode}',
    auth: ALL_STAFF,
    table: 'read',
    summary: 'One office of the registry',
    request: { path: officePathSchema },
    responses: { 200: { description: 'The office', schema: officeSchema } },
  },
  {
    id: 'create-office',
    method: 'POST',
    path: '/v1/offices',
    auth: PROVINCE_ADMIN,
    table: 'read-write',
    summary: 'Register an office',
    request: { body: createOfficeSchema },
    responses: {
      201: { description: 'Registered', schema: officeSchema },
      409: { description: 'An office with this code exists' },
    },
  },
  {
    id: 'update-office',
    method: 'PATCH',
    path: '/v1/offices/{officeCode}',
    auth: PROVINCE_ADMIN,
    table: 'read-write',
    summary: "Change an office's status or details",
    request: { path: officePathSchema, body: updateOfficeSchema },
    responses: {
      200: { description: 'Changed', schema: officeSchema },
      409: { description: 'A status step that is not allowed, or a stale expectedVersion' },
    },
  },
];

export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export function findRoute(key: string): RouteDefinition | undefined {
  return ROUTES.find((route) => routeKey(route) === key);
}
