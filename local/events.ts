import { resolve } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { BUS_RULES } from '../shared/events/bus';
import { credentialsOf, OUTBOX_PIPE_PRINCIPAL, runAsFunction } from './aws-edge/identity';
import { LOCAL_ACCOUNT } from './aws-edge/policies';
import { LOCAL_TENANT } from './aws-edge/runtime';
import { LOCAL_REGION } from './engines';
import { type BusEvent, type RunningEventStream, startEventStream } from './event-stream';
import { lambdaContext } from './gateway';

/** EventBridge Scheduler's `rate(15 minutes)` for the SMS dispatcher (infra/event-backbone.ts). */
const DISPATCH_EVERY_MS = 15 * 60_000;

type Loader = <H>(spec: { id: string }) => Promise<H>;

/**
 * What `npm start` runs besides the API: the outbox pipe and bus on the data table's stream
 * (local/event-stream.ts), and the SMS dispatcher's schedule. The pipe keeps its place in the
 * stream in the data folder, so a restart neither loses nor repeats events.
 */
export async function startLocalEvents(options: {
  dataDir: string;
  dynamodbEndpoint: string;
  tableName: string;
  masterSecret: string;
  loadHandler: Loader;
}): Promise<{ stream: RunningEventStream; stop(): Promise<void> }> {
  // As CloudFormation hands the pipe its source: looked up by the operator, only read by the pipe.
  const operator = new DynamoDBClient({ region: LOCAL_REGION, endpoint: options.dynamodbEndpoint });
  const { Table } = await operator.send(new DescribeTableCommand({ TableName: options.tableName }));
  operator.destroy();
  if (!Table?.LatestStreamArn) throw new Error(`table ${options.tableName} has no stream`);
  const stream = startEventStream({
    endpoint: options.dynamodbEndpoint,
    region: LOCAL_REGION,
    account: LOCAL_ACCOUNT,
    credentials: credentialsOf(options.masterSecret, {
      kind: 'function',
      tenant: LOCAL_TENANT,
      functionId: OUTBOX_PIPE_PRINCIPAL,
    }),
    streamArn: Table.LatestStreamArn,
    rules: BUS_RULES,
    loadHandler: (id) => options.loadHandler<(event: BusEvent, context: Context) => Promise<unknown>>({ id }),
    checkpointFile: resolve(options.dataDir, 'aws-edge', 'outbox-pipe-checkpoint.json'),
  });
  const dispatch = async () => {
    try {
      const handler = await options.loadHandler<(event: unknown, context: Context) => Promise<unknown>>({
        id: 'dispatch-sms',
      });
      await runAsFunction('dispatch-sms', () => handler({}, lambdaContext('dispatch-sms', 300_000)));
    } catch (error) {
      console.error(`dispatch-sms failed: ${error instanceof Error ? error.message : 'error'}`);
    }
  };
  const timer = setInterval(() => void dispatch(), DISPATCH_EVERY_MS);
  return {
    stream,
    async stop() {
      clearInterval(timer);
      await stream.stop();
    },
  };
}
