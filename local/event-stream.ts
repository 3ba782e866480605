import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context } from 'aws-lambda';
import { OUTBOX_PIPE } from '../shared/adapters/dynamo-outbox';
import type { BusRule } from '../shared/events/bus';
import { matchesEventPattern } from '../shared/events/event-pattern';
import { busEntryOf } from '../shared/events/pipe-transform';
import type { LocalCredentials } from './aws-edge/identity';
import { runAsFunction } from './aws-edge/identity';
import { lambdaContext } from './gateway';

/**
 * The outbox pipe and the event bus of the local runtime, driven by DynamoDB Local's own stream:
 * - the pipe polls the data table's stream through the local AWS edge with its own key, so its
 *   reads are held to the pipe role's synthesized policy (DescribeStream, GetShardIterator,
 *   GetRecords on that one stream), as in AWS;
 * - each record goes through the pipe's own filter and transformation (OUTBOX_PIPE, the JSON CDK
 *   deploys), becoming the bus event AWS would deliver;
 * - the bus matches it against the same rules (BUS_RULES) with `matchesEventPattern` and invokes
 *   each target's handler inside that function's invocation scope, asynchronously and with
 *   Lambda's retries for asynchronous invocations (the first try and two more), as
 *   local/s3-events.ts does for S3 events.
 * Like the pipe, it reads each shard in order from the oldest record (or from where a previous
 * run stopped, kept in a checkpoint file) and delivers at least once.
 */

export type BusEvent = {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
};

type Handler = (event: BusEvent, context: Context) => Promise<unknown>;

export interface EventStreamOptions {
  /** The local AWS edge's DynamoDB endpoint (the Streams API shares it). */
  endpoint: string;
  region: string;
  account: string;
  /** The pipe's own key (identity.ts: the `outbox-pipe` principal of the tenant). */
  credentials: LocalCredentials;
  /** The table's stream, as CloudFormation gives the pipe its source (DescribeTable's LatestStreamArn). */
  streamArn: string;
  rules: readonly BusRule[];
  loadHandler(functionId: string): Promise<Handler>;
  /** How often the stream is read when nothing is going on; 500 ms unless told. */
  pollMs?: number;
  /** Where the position in each shard is kept across restarts (`npm start`); none: start from the oldest record. */
  checkpointFile?: string;
  /** Pause before the second and third try of an invocation; Lambda's are a minute and two, here short. */
  retryDelayMs?: number;
  log?: (line: string) => void;
}

export interface RunningEventStream {
  /** Reads all the stream holds now and waits until every invocation it caused has finished (tests). */
  settle(): Promise<void>;
  /** The events the bus has seen, oldest first. */
  published(): readonly BusEvent[];
  stop(): Promise<void>;
}

/** Lambda's own retry policy for asynchronous invocations: the first try and two retries. */
const ATTEMPTS = 3;

/** A stream record as the pipe receives it (the Lambda/Pipes shape): the filter and the template read this. */
function pipeRecordOf(record: StreamRecord, streamArn: string, region: string) {
  const data = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ...(data.ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(data.ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
      Keys: data.Keys,
      ...(data.NewImage ? { NewImage: data.NewImage } : {}),
      SequenceNumber: data.SequenceNumber,
      SizeBytes: data.SizeBytes,
      StreamViewType: data.StreamViewType,
    },
    eventSourceARN: streamArn,
  };
}

export function startEventStream(options: EventStreamOptions): RunningEventStream {
  const log = options.log ?? ((line: string) => console.error(line));
  const client = new DynamoDBStreamsClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials,
  });
  const checkpoints: Record<string, string> =
    options.checkpointFile && existsSync(options.checkpointFile)
      ? (JSON.parse(readFileSync(options.checkpointFile, 'utf8')) as Record<string, string>)
      : {};
  const iterators = new Map<string, string | null>();
  const published: BusEvent[] = [];
  const inflight = new Set<Promise<void>>();
  let queue: Promise<number> = Promise.resolve(0);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const saveCheckpoints = () => {
    if (!options.checkpointFile) return;
    mkdirSync(dirname(options.checkpointFile), { recursive: true });
    writeFileSync(options.checkpointFile, JSON.stringify(checkpoints));
  };

  async function iteratorOf(shardId: string): Promise<string | null> {
    if (iterators.has(shardId)) return iterators.get(shardId) ?? null;
    const after = checkpoints[shardId];
    const { ShardIterator } = await client.send(
      new GetShardIteratorCommand({
        StreamArn: options.streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    iterators.set(shardId, ShardIterator ?? null);
    return ShardIterator ?? null;
  }

  async function invoke(rule: BusRule, event: BusEvent): Promise<void> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const handler = await options.loadHandler(rule.functionId);
        await runAsFunction(rule.functionId, () => handler(event, lambdaContext(rule.functionId, 60_000)));
        return;
      } catch (error) {
        if (attempt === ATTEMPTS) {
          // In AWS the event would now be in the rule's dead-letter queue; here the log says so.
          log(
            `${rule.functionId} failed ${ATTEMPTS} times for ${event['detail-type']} ` +
              `${String(event.detail.eventId ?? '')} (dead-lettered): ${error instanceof Error ? error.name : 'error'}`,
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, (options.retryDelayMs ?? 200) * attempt));
      }
    }
  }

  /** The pipe's work on one record, then the bus's: filter, transform, match the rules, invoke. */
  function deliver(record: StreamRecord): void {
    const pipeRecord = pipeRecordOf(record, options.streamArn, options.region);
    if (!matchesEventPattern(OUTBOX_PIPE.filter, pipeRecord)) return;
    let entry: ReturnType<typeof busEntryOf>;
    try {
      entry = busEntryOf(OUTBOX_PIPE.target, pipeRecord);
    } catch (error) {
      // The pipe would retry the record, then park its position in its dead-letter queue.
      log(`outbox-pipe: record ${pipeRecord.dynamodb.SequenceNumber} dead-lettered: ${(error as Error).message}`);
      return;
    }
    const event: BusEvent = {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.detailType,
      source: entry.source,
      account: options.account,
      time: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      region: options.region,
      resources: [],
      detail: entry.detail,
    };
    published.push(event);
    for (const rule of options.rules) {
      if (!matchesEventPattern(rule.pattern, event)) continue;
      const running = invoke(rule, event).finally(() => inflight.delete(running));
      inflight.add(running);
    }
  }

  /** One pass over every shard: all records there are now. Answers how many records it read. */
  async function pump(): Promise<number> {
    let read = 0;
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await client.send(
        new DescribeStreamCommand({
          StreamArn: options.streamArn,
          ...(exclusiveStartShardId ? { ExclusiveStartShardId: exclusiveStartShardId } : {}),
        }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        const shardId = shard.ShardId!;
        for (;;) {
          const iterator = await iteratorOf(shardId);
          if (!iterator) break; // a closed shard, read to its end
          let page: GetRecordsCommandOutput;
          try {
            page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
          } catch (error) {
            if (!(error instanceof ExpiredIteratorException)) throw error;
            iterators.delete(shardId);
            continue;
          }
          iterators.set(shardId, page.NextShardIterator ?? null);
          const records = page.Records ?? [];
          for (const record of records) {
            deliver(record);
            if (record.dynamodb?.SequenceNumber) checkpoints[shardId] = record.dynamodb.SequenceNumber;
          }
          read += records.length;
          if (records.length > 0) saveCheckpoints();
          if (records.length === 0) break;
        }
      }
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return read;
  }

  /** One pump at a time: the background poll and `settle` share one queue. */
  const pumpNow = () => {
    queue = queue.catch(() => 0).then(pump);
    return queue;
  };

  const poll = () => {
    if (stopped) return;
    pumpNow()
      .catch((error: unknown) => log(`outbox-pipe: reading the stream failed: ${(error as Error).name}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(poll, options.pollMs ?? 500);
      });
  };
  poll();

  return {
    async settle() {
      for (;;) {
        const read = await pumpNow();
        while (inflight.size > 0) await Promise.all([...inflight]);
        if (read === 0) return;
      }
    },
    published: () => [...published],
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await queue.catch(() => 0);
      while (inflight.size > 0) await Promise.all([...inflight]);
      client.destroy();
    },
  };
}
