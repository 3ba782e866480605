import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { traced } from '../observability/tracing';
import { translateTransientErrors } from './aws-errors';
import { meterCapacity } from './capacity-meter';
import type { UrlSigning } from './s3-presigned-urls';

export interface ClientConfig {
  AWS_REGION: string;
  DYNAMODB_ENDPOINT?: string | undefined;
  S3_ENDPOINT?: string | undefined;
}

/**
 * Every client this process made, so that one place can add middleware to all of them: the
 * capacity meter does, and tests inject throttling and outages that the local engines cannot.
 */
export const createdClients: { dynamo: DynamoDBClient[]; s3: S3Client[] } = { dynamo: [], s3: [] };

/**
 * The one injection point for credentials. In Lambda nothing is injected and the SDK's default
 * chain applies (the function's role). The local runtime (local/aws-edge) injects, before any
 * handler module loads, a provider that signs each request with the key of the function running
 * it, so that its local AWS edge can apply that function's IAM policy.
 */
type Credentials = NonNullable<DynamoDBClientConfig['credentials']>;
let injectedCredentials: Credentials | undefined;

/** What was injected, for clients made in modules of their own (s3-client.ts). */
export const injectedCredentialsProvider = (): Credentials | undefined => injectedCredentials;

export function injectCredentials(provider: Credentials | undefined): void {
  injectedCredentials = provider;
}

/** Callers create clients once, at module scope, so that warm invocations reuse connections. */
export function createDynamoClient(config: ClientConfig): DynamoDBClient {
  const client = new DynamoDBClient({
    region: config.AWS_REGION,
    // Three tries with the SDK's backoff: a throttled request gives up after ~3 s, well inside a
    // function's 10 s, and the caller gets 503 with Retry-After instead of a timeout.
    maxAttempts: 3,
    ...(injectedCredentials ? { credentials: injectedCredentials } : {}),
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
  });
  meterCapacity(client);
  translateTransientErrors(client);
  createdClients.dynamo.push(client);
  return traced(client);
}

export function createDocumentClient(
  config: ClientConfig,
  client: DynamoDBClient = createDynamoClient(config),
): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

/**
 * What presigning needs, lent by the function's DynamoDB client: its credentials (so one chain
 * serves calls and URLs alike, and the local runtime's per-function signer applies to both) and
 * the SDK's SHA-256. Presigning is local work and needs no S3 client (s3-presigned-urls.ts).
 */
export function urlSigningOf(client: DynamoDBClient | DynamoDBDocumentClient): UrlSigning {
  return { credentials: client.config.credentials, sha256: client.config.sha256 };
}
