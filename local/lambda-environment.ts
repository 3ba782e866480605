import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

/**
 * What a process needs to run a bundle as Lambda runs it, as far as the code can tell: the
 * runtime's variables, an invocation loop that sets the trace header before each call, and an
 * X-Ray daemon. Powertools' Tracer is on only where it finds Lambda's variables, and the X-Ray SDK
 * then traces under each invocation's header and sends every subsegment over UDP to the daemon
 * Lambda runs beside the function. The bench's cold starts run this way, so they pay for tracing
 * as a deployed function does, and test/handlers/lambda-tracing.test.ts reads what the daemon gets.
 */

/** Where Lambda's X-Ray daemon listens; nothing is sent to it before the first invocation. */
const LAMBDA_DAEMON_PORT = 2000;

/** The variables Lambda's Node.js runtime sets that Powertools and the X-Ray SDK read at load. */
export function lambdaRuntimeVariables(options: {
  functionName: string;
  taskRoot: string;
  daemonPort?: number;
}): Record<string, string> {
  return {
    LAMBDA_TASK_ROOT: options.taskRoot,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    // Powertools counts a cold start only on an on-demand initialization.
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_FUNCTION_NAME: options.functionName,
    // The handler's subsegment is named after it: "## index.handler", as CDK's bundles are.
    _HANDLER: 'index.handler',
    AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${options.daemonPort ?? LAMBDA_DAEMON_PORT}`,
  };
}

/** A sampled trace header of a new trace: the function's segment (Parent) is Lambda's. */
export function sampledTraceHeader(): { header: string; root: string; parent: string } {
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  const root = `1-${epoch}-${randomBytes(12).toString('hex')}`;
  const parent = randomBytes(8).toString('hex');
  return { header: `Root=${root};Parent=${parent};Sampled=1`, root, parent };
}

/** One invocation for the driver: the event, and the trace header the runtime sets before it. */
export interface DriverInvocation {
  event: unknown;
  traceHeader: string;
  /**
   * A handler that throws ends the driver with the error, unless its invocation expects it: then,
   * as in Lambda, the answer is the error and the next invocation runs in the same process.
   */
  expectFailure?: boolean;
}

/**
 * An ES module that loads a bundle and invokes its handler once per invocation of a JSON file,
 * as the Node.js runtime does: the module loads first, then before each call the runtime puts the
 * invocation's trace header in `_X_AMZN_TRACE_ID`. Its last line of output is JSON: when each
 * answer came (`performance.now()`, which counts from the process's start) and what it was.
 * Usage: `node <driver> <bundle> <invocations.json>`.
 */
export const LAMBDA_DRIVER_SOURCE = `import asyncHooks from 'node:async_hooks';
import { readFileSync } from 'node:fs';
// Async hooks made by the bundle: once one is on, Node calls it for every promise, and a cold
// start slows by 9–13 ms, a tenth (shared/observability/async-local-namespace.ts).
let asyncHooksCreated = 0;
const createHook = asyncHooks.createHook;
asyncHooks.createHook = (...args) => (asyncHooksCreated++, createHook(...args));
const [bundle, invocationsFile] = process.argv.slice(2);
const invocations = JSON.parse(readFileSync(invocationsFile, 'utf8'));
const { handler } = await import(bundle);
// When module load ended (ms since the process started): the rest of a cold start is the first call.
const loadedAt = performance.now();
const answeredAt = [];
const answers = [];
for (const [index, { event, traceHeader, expectFailure }] of invocations.entries()) {
  process.env._X_AMZN_TRACE_ID = traceHeader;
  const invocation = handler(event, {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:me-central-1:000000000000:function:' + process.env.AWS_LAMBDA_FUNCTION_NAME,
    memoryLimitInMB: '512',
    awsRequestId: 'request-' + index,
    getRemainingTimeInMillis: () => 10000,
  });
  const result = expectFailure
    ? await invocation.then(
        (answer) => ({ outcome: 'answered ' + (answer?.statusCode ?? answer?.outcome ?? '') }),
        (error) => ({ outcome: 'threw ' + error.name }),
      )
    : await invocation;
  answeredAt.push(performance.now());
  answers.push(String(result?.statusCode ?? result?.outcome ?? (result?.produced ? 'produced ' + result.produced.length : 'ok')));
}
// Whether Node's fetch (undici) was loaded: no function uses it, and loading it costs a cold start
// tens of milliseconds (infra/node-http-require.ts).
const undiciLoaded = process.moduleLoadList.some((name) => name.includes('undici'));
console.log(JSON.stringify({ loadedAt, answeredAt, answers, undiciLoaded, asyncHooksCreated }));
`;

/** A segment document as the X-Ray SDK sends it (the fields the checks read). */
export interface TraceDocument {
  id: string;
  name: string;
  trace_id: string;
  parent_id?: string;
  namespace?: string;
  annotations?: Record<string, unknown>;
  /** Seconds since the epoch. */
  start_time?: number;
  end_time?: number;
  /** Set on a (sub)segment that ended with an error of its own (a 5xx, a thrown error). */
  fault?: boolean;
  aws?: { operation?: string; table_name?: string };
  http?: { response?: { status?: number } };
  subsegments?: TraceDocument[];
}

export interface TraceDaemon {
  port: number;
  /** Every datagram as received, for checks on what no trace may carry. */
  datagrams(): string[];
  /**
   * The documents of one trace once its handler's subsegment has arrived (subsegments sent inside
   * their parent included, each with its parent's id), or what came by `timeoutMs`.
   */
  traceOf(traceRoot: string, timeoutMs?: number): Promise<TraceDocument[]>;
  close(): Promise<void>;
}

/** The daemon's part: a UDP socket on a free port that keeps what it is sent. */
export async function startTraceDaemon(): Promise<TraceDaemon> {
  const socket = createSocket('udp4');
  const received: string[] = [];
  socket.on('message', (message) => received.push(message.toString('utf8')));
  await new Promise<void>((bound) => socket.bind(0, '127.0.0.1', bound));
  const flatten = (document: TraceDocument): TraceDocument[] => [
    document,
    ...(document.subsegments ?? []).flatMap((child) =>
      flatten({ ...child, trace_id: document.trace_id, parent_id: child.parent_id ?? document.id }),
    ),
  ];
  const documentsOf = (traceRoot: string) =>
    received
      .flatMap((datagram) => {
        // The daemon protocol: a header line, then one segment document.
        const [header, body] = datagram.split('\n', 2);
        if (header !== '{"format":"json","version":1}' || !body) throw new Error('not an X-Ray daemon datagram');
        return flatten(JSON.parse(body) as TraceDocument);
      })
      .filter((document) => document.trace_id === traceRoot);
  return {
    port: socket.address().port,
    datagrams: () => [...received],
    async traceOf(traceRoot, timeoutMs = 2000) {
      // The datagrams left before the process ended; the loopback delivers them a moment later.
      const deadline = Date.now() + timeoutMs;
      let documents = documentsOf(traceRoot);
      while (!documents.some((d) => d.name === '## index.handler') && Date.now() < deadline) {
        await new Promise((settle) => setTimeout(settle, 10));
        documents = documentsOf(traceRoot);
      }
      return documents;
    },
    close: () => new Promise<void>((closed) => socket.close(() => closed())),
  };
}
