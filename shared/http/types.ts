import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Principal } from '../domain/roles';
import type { Language } from '../i18n/messages';

/** What the HTTP API JWT authorizer adds to a payload 2.0 event: every claim as a string. */
export interface JwtAuthorizerContext {
  jwt: { claims: Record<string, string | number | boolean | string[]>; scopes: string[] | null };
  principalId?: string;
  integrationLatency?: number;
}

export type ApiEvent = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & { authorizer?: JwtAuthorizerContext };
};

export type ApiResult = APIGatewayProxyStructuredResultV2;

/** The Lambda context plus what our middleware learns about the caller. */
export interface ApiContext extends Context {
  language: Language;
  correlationId: string;
  /** Set by the authorize middleware on staff routes. */
  principal?: Principal;
  /** The parsed JSON body, before normalisation and validation (the jsonBody middleware). */
  body?: unknown;
  /** The validated request, typed by the route (the validateRequest middleware). */
  request?: unknown;
}

/** The caller of a staff route; the authorize middleware guarantees one there. */
export function principalOf(context: ApiContext): Principal {
  if (!context.principal) throw new Error('staff route without a principal: is the authorize middleware in place?');
  return context.principal;
}
