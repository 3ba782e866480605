import { createSocket } from 'node:dgram';

/**
 * What a process needs to run a bundle as Lambda runs it, as far as the code can tell: the
 * runtime's variables and an X-Ray daemon. Powertools' Tracer is on only where it finds
 * Lambda's variables, and the X-Ray SDK then traces under the invocation's trace header and
 * sends every subsegment over UDP to the daemon Lambda runs beside the function. The bench's
 * cold starts run this way, so that they pay for tracing as a deployed function does, and
 * test/handlers/lambda-tracing.test.ts reads what the daemon receives.
 */

/** The variables Lambda's Node.js runtime sets that Powertools and the X-Ray SDK read. */
export function lambdaRuntimeVariables(options: {
  functionName: string;
  taskRoot: string;
  daemonPort: number;
}): Record<string, string> {
  return {
    LAMBDA_TASK_ROOT: options.taskRoot,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    // Powertools counts a cold start only on an on-demand initialization.
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_FUNCTION_NAME: options.functionName,
    // The handler's subsegment is named after it: "## index.handler", as CDK's bundles are.
    _HANDLER: 'index.handler',
    AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${options.daemonPort}`,
  };
}

let traceCount = 0;

/**
 * A sampled trace header, as the runtime puts in `_X_AMZN_TRACE_ID` before an invocation: the
 * function's segment (Parent) is Lambda's, and everything the function sends hangs under it.
 */
export function sampledTraceHeader(): { header: string; root: string; parent: string } {
  traceCount += 1;
  const epoch = Math.floor(Date.now() / 1000).toString(16);
  const root = `1-${epoch}-${(process.pid * 1000 + traceCount).toString(16).padStart(24, '0')}`;
  const parent = traceCount.toString(16).padStart(16, '0');
  return { header: `Root=${root};Parent=${parent};Sampled=1`, root, parent };
}

/** A segment document as the X-Ray SDK sends it (the fields the checks read). */
export interface TraceDocument {
  id: string;
  name: string;
  trace_id: string;
  parent_id?: string;
  namespace?: string;
  annotations?: Record<string, unknown>;
  aws?: { operation?: string; table_name?: string };
  http?: { response?: { status?: number } };
  subsegments?: TraceDocument[];
}

export interface TraceDaemon {
  port: number;
  /** Every datagram as received, for checks on what no trace may carry. */
  datagrams(): string[];
  /** The documents of one trace, subsegments sent inside their parent included. */
  documentsOf(traceRoot: string): TraceDocument[];
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
    ...(document.subsegments ?? []).flatMap((child) => flatten({ ...child, trace_id: document.trace_id })),
  ];
  return {
    port: socket.address().port,
    datagrams: () => [...received],
    documentsOf: (traceRoot) =>
      received
        .flatMap((datagram) => {
          // The daemon protocol: a header line, then one segment document.
          const [header, body] = datagram.split('\n', 2);
          if (header !== '{"format":"json","version":1}' || !body) throw new Error('not an X-Ray daemon datagram');
          return flatten(JSON.parse(body) as TraceDocument);
        })
        .filter((document) => document.trace_id === traceRoot),
    close: () => new Promise<void>((closed) => socket.close(() => closed())),
  };
}
