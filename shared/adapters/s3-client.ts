import { S3Client } from '@aws-sdk/client-s3';
import { traced } from '../observability/tracing';
import { type ClientConfig, createdClients, injectedCredentialsProvider } from './aws-clients';
import { translateTransientErrors } from './aws-errors';

/**
 * An S3 client, made as aws-clients.ts makes DynamoDB's (the injected credentials, transient
 * errors translated, traced), in a module of its own: a split bundle (infra/bundling.ts) loads the
 * S3 SDK only with the first module that imports this, so a function that needs S3 only sometimes
 * (the report functions, shared/adapters/report-deps.ts) loads it then.
 */
export function createS3Client(config: ClientConfig): S3Client {
  const credentials = injectedCredentialsProvider();
  const client = new S3Client({
    region: config.AWS_REGION,
    ...(credentials ? { credentials } : {}),
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true } : {}),
    // The local S3 server would store the aws-chunked framing inside objects with the SDK's
    // default streaming checksums; real S3 is fine either way, so one setting serves both.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  translateTransientErrors(client);
  createdClients.s3.push(client);
  return traced(client);
}
