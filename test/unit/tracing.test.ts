import { createSocket } from 'node:dgram';
import { Readable } from 'node:stream';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import {
  parseTraceHeader,
  type Subsegment,
  setSegmentSink,
  traceAwsClient,
  traceHandler,
  udpSink,
} from '../../shared/observability/tracing';

const ROOT = '1-6760f0a1-0123456789abcdef01234567';
const LAMBDA_PARENT = '53995c3f42cd8ad8';

/**
 * A client whose HTTP layer answers with a canned response: the only way to see, without AWS,
 * which header an SDK call carries and what the tracer records of the answer.
 */
function clientAnswering(status: number, body: string, seen: { headers?: Record<string, string> }) {
  return new DynamoDBClient({
    region: 'me-central-1',
    endpoint: 'http://127.0.0.1:1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { headers: Record<string, string> }) => {
        seen.headers = { ...request.headers };
        return {
          response: {
            statusCode: status,
            headers: { 'x-amzn-requestid': 'REQ1', 'content-type': 'application/x-amz-json-1.0' },
            body: Readable.from([Buffer.from(body)]),
          },
        };
      },
    },
  });
}

describe('X-Ray tracing without the X-Ray SDK', () => {
  const sent: Subsegment[] = [];
  const saved = { ...process.env };
  beforeEach(() => {
    sent.length = 0;
    setSegmentSink({ send: (doc) => sent.push(structuredClone(doc)) });
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${LAMBDA_PARENT};Sampled=1`;
    process.env.POWERTOOLS_SERVICE_NAME = 'submit-petition';
    delete process.env.POWERTOOLS_TRACE_ENABLED;
  });
  afterEach(() => {
    setSegmentSink(undefined);
    process.env = { ...saved };
  });

  it('parses the trace header Lambda sets', () => {
    expect(parseTraceHeader(`Root=${ROOT};Parent=${LAMBDA_PARENT};Sampled=1`)).toEqual({
      root: ROOT,
      parent: LAMBDA_PARENT,
      sampled: true,
    });
    expect(parseTraceHeader(`Root=${ROOT};Sampled=0`)?.sampled).toBe(false);
    expect(parseTraceHeader(undefined)).toBeUndefined();
  });

  it('records a handler subsegment and, under it, one aws subsegment per call with the trace header', async () => {
    const seen: { headers?: Record<string, string> } = {};
    const client = traceAwsClient(clientAnswering(200, '{}', seen));
    const handler = middy()
      .use(traceHandler())
      .handler(async () => {
        await client.send(new GetItemCommand({ TableName: 'data', Key: { pk: { S: 'a' } } }));
        return 'done';
      });
    await handler({}, {} as never);

    const [call, invocation] = sent;
    expect(invocation).toMatchObject({
      name: '## handler',
      trace_id: ROOT,
      parent_id: LAMBDA_PARENT,
      type: 'subsegment',
      annotations: { ColdStart: true, Service: 'submit-petition' },
    });
    expect(call).toMatchObject({
      name: 'DynamoDB',
      namespace: 'aws',
      trace_id: ROOT,
      parent_id: invocation!.id,
      aws: { operation: 'GetItem', table_name: 'data', region: 'me-central-1', request_id: 'REQ1', retries: 0 },
      http: { response: { status: 200 } },
    });
    expect(call!.end_time).toBeGreaterThanOrEqual(call!.start_time);
    expect(seen.headers?.['X-Amzn-Trace-Id'] ?? seen.headers?.['x-amzn-trace-id']).toBe(
      `Root=${ROOT};Parent=${call!.id};Sampled=1`,
    );

    // The next invocation is warm.
    await handler({}, {} as never);
    expect(sent[3]?.annotations?.ColdStart).toBe(false);
  });

  it('marks a failed call (client error, throttling) and a failed invocation with their cause', async () => {
    const client = traceAwsClient(
      clientAnswering(
        400,
        '{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"slow down"}',
        {},
      ),
    );
    const handler = middy()
      .use(traceHandler())
      .handler(async () => {
        await client.send(new GetItemCommand({ TableName: 'data', Key: { pk: { S: 'a' } } }));
      });
    await expect(handler({}, {} as never)).rejects.toThrow('slow down');
    const [call, invocation] = sent;
    expect(call).toMatchObject({ error: true, throttle: true, http: { response: { status: 400 } } });
    expect(call!.cause?.exceptions[0]).toMatchObject({ type: 'ThrottlingException', remote: true });
    expect(invocation).toMatchObject({ fault: true });
  });

  it('sends nothing, and leaves calls alone, when the invocation is not sampled or tracing is off', async () => {
    const seen: { headers?: Record<string, string> } = {};
    const client = traceAwsClient(clientAnswering(200, '{}', seen));
    const handler = middy()
      .use(traceHandler())
      .handler(async () => client.send(new GetItemCommand({ TableName: 'data', Key: { pk: { S: 'a' } } })));
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${LAMBDA_PARENT};Sampled=0`;
    await handler({}, {} as never);
    process.env._X_AMZN_TRACE_ID = `Root=${ROOT};Parent=${LAMBDA_PARENT};Sampled=1`;
    process.env.POWERTOOLS_TRACE_ENABLED = 'false';
    await handler({}, {} as never);
    delete process.env._X_AMZN_TRACE_ID;
    delete process.env.POWERTOOLS_TRACE_ENABLED;
    await handler({}, {} as never);
    expect(sent).toEqual([]);
    expect(seen.headers?.['X-Amzn-Trace-Id']).toBeUndefined();
  });

  it("sends each document to the daemon as one datagram: the daemon's header line, then the JSON", async () => {
    const daemon = createSocket('udp4');
    await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
    const received = new Promise<string>((resolve) => daemon.once('message', (message) => resolve(String(message))));
    const doc: Subsegment = { name: 'x', id: 'a'.repeat(16), trace_id: ROOT, type: 'subsegment', start_time: 1 };
    udpSink(`127.0.0.1:${daemon.address().port}`).send(doc);
    const [header, body] = (await received).split('\n');
    daemon.close();
    expect(JSON.parse(header!)).toEqual({ format: 'json', version: 1 });
    expect(JSON.parse(body!)).toEqual(doc);
  });
});
