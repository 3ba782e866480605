import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type middy from '@middy/core';
import { idempotencyHeadersSchema } from '../schemas/petition';
import { parseInput } from '../schemas/validate';
import type { ApiContext, ApiEvent, ApiResult } from './types';

type ApiMiddleware = middy.MiddlewareObj<ApiEvent, ApiResult, Error, ApiContext>;

/** A missing or malformed Idempotency-Key is a 400 before any record is written. */
function requireIdempotencyKey(): ApiMiddleware {
  return {
    before: (request) => {
      parseInput(idempotencyHeadersSchema, request.event.headers ?? {}, 'header');
    },
  };
}

/**
 * Powertools idempotency for POST routes that clients retry. The key is the caller's office plus
 * the Idempotency-Key header, so two offices never collide; the petition id and body are the
 * payload, so reusing a key for another request is refused (422) instead of answered wrongly.
 * A finished request's answer is kept 24 h and replayed as it was.
 */
export function idempotent(store: { client: DynamoDBClient; tableName: string }): ApiMiddleware[] {
  const persistenceStore = new DynamoDBPersistenceLayer({ tableName: store.tableName, awsSdkV3Client: store.client });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[requestContext.authorizer.jwt.claims."custom:officeCode", headers."idempotency-key"]',
    payloadValidationJmesPath: '[pathParameters.petitionId, body]',
    expiresAfterSeconds: 24 * 3600,
    throwOnNoIdempotencyKey: true,
  });
  return [requireIdempotencyKey(), makeHandlerIdempotent({ persistenceStore, config }) as unknown as ApiMiddleware];
}
