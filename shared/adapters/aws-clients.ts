import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { meterCapacity } from './capacity-meter';

interface ClientConfig {
  AWS_REGION: string;
  DYNAMODB_ENDPOINT?: string | undefined;
  S3_ENDPOINT?: string | undefined;
}

/** Callers create clients once, at module scope, so that warm invocations reuse connections. */
export function createDynamoClient(config: ClientConfig): DynamoDBClient {
  const client = new DynamoDBClient({
    region: config.AWS_REGION,
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
  });
  meterCapacity(client);
  return client;
}

export function createDocumentClient(config: ClientConfig, client: DynamoDBClient = createDynamoClient(config)): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

export function createS3Client(config: ClientConfig): S3Client {
  return new S3Client({
    region: config.AWS_REGION,
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true } : {}),
    // The local S3 server would store the aws-chunked framing inside objects with the SDK's
    // default streaming checksums; real S3 is fine either way, so one setting serves both.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
