import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { credentialsOf, OUTBOX_PIPE_PRINCIPAL } from '../../local/aws-edge/identity';
import { LOCAL_ACCOUNT } from '../../local/aws-edge/policies';
import { LOCAL_REGION } from '../../local/engines';
import { type EventStreamOptions, type RunningEventStream, startEventStream } from '../../local/event-stream';
import { BUS_RULES } from '../../shared/events/bus';

/**
 * This test file's outbox pipe and bus (local/event-stream.ts), as `npm start` runs them: reading
 * the file's table stream through the local AWS edge with the pipe's own key, under the pipe role's
 * synthesized policy, and invoking the bus rules' handlers as `loadHandler` gives them.
 */
export async function startTestEventStream(
  loadHandler: EventStreamOptions['loadHandler'],
  options: Partial<Pick<EventStreamOptions, 'rules' | 'log'>> = {},
): Promise<RunningEventStream> {
  const endpoint = process.env.DYNAMODB_ENDPOINT!;
  // As CloudFormation gives the pipe its source: the operator looks the stream up, the pipe only reads it.
  const operator = new DynamoDBClient({ region: LOCAL_REGION, endpoint });
  const { Table } = await operator.send(new DescribeTableCommand({ TableName: process.env.TABLE_NAME! }));
  operator.destroy();
  if (!Table?.LatestStreamArn) throw new Error('the test table has no stream');
  return startEventStream({
    endpoint,
    region: LOCAL_REGION,
    account: LOCAL_ACCOUNT,
    credentials: credentialsOf(process.env.LOCAL_EDGE_SECRET!, {
      kind: 'function',
      tenant: process.env.TEST_TENANT!,
      functionId: OUTBOX_PIPE_PRINCIPAL,
    }),
    streamArn: Table.LatestStreamArn,
    rules: options.rules ?? BUS_RULES,
    loadHandler,
    pollMs: 100,
    retryDelayMs: 20,
    ...(options.log ? { log: options.log } : {}),
  });
}
