import type middy from '@middy/core';
import { ForbiddenError } from '../domain/errors';
import { isRole, principalFrom, type Role } from '../domain/roles';
import * as problemTexts from '../i18n/problem-texts';
import { TransportError } from './transport-errors';
import type { ApiContext, ApiEvent, ApiResult } from './types';

/**
 * Role check for staff routes, against the roles the route's own entry names. The JWT itself was
 * verified by the HTTP API authorizer (in AWS) or by the local gateway; the principal is built
 * from its claims: one role (a staff account is in one group; a token with several staff groups
 * cannot say which scope it acts in and is refused) with the scope the role needs (office staff
 * without an office in their token could otherwise act on no office or every office; so could
 * court staff without a court).
 */
export function authorize(
  auth: 'public' | readonly Role[],
): middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext> {
  return {
    before: (request) => {
      if (auth === 'public') return;
      const claims = request.event.requestContext.authorizer?.jwt?.claims;
      if (!claims || typeof claims.sub !== 'string') throw new TransportError(problemTexts.unauthorized);
      const roles = parseGroups(claims['cognito:groups']);
      const [role, ...others] = roles;
      if (!role || others.length > 0 || !auth.includes(role)) throw new ForbiddenError();
      const claim = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
      const officeCode = claim('custom:officeCode');
      const courtCode = claim('custom:courtCode');
      const provinceCode = claim('custom:provinceCode');
      const principal = principalFrom({
        userId: claims.sub,
        role,
        ...(officeCode ? { officeCode } : {}),
        ...(courtCode ? { courtCode } : {}),
        ...(provinceCode ? { provinceCode } : {}),
      });
      if (!principal) throw new ForbiddenError();
      request.context.principal = principal;
    },
  };
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
  return [...new Set(values.filter(isRole))];
}
