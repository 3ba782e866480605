import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';

/**
 * X-Ray traces without the X-Ray SDK. Lambda's active tracing records the function's own segments
 * (`AWS::Lambda`, `AWS::Lambda::Function`, init and invocation); this module adds what the
 * Powertools tracer added on top, in the same shape: a `## handler` subsegment per invocation
 * (annotations `ColdStart` and `Service`, the error if one escapes) and one `aws` subsegment per
 * AWS SDK call (service, operation, region, request id, retries, table or bucket, status, and
 * `error`/`throttle`/`fault`), each sent to the X-Ray daemon Lambda runs beside the function as an
 * independent subsegment over UDP, and each call carrying the `X-Amzn-Trace-Id` header so that
 * the service's own segment joins the trace.
 *
 * Why not the Powertools tracer: it loads aws-xray-sdk-core (about 110 KiB minified, with
 * cls-hooked's async_hooks patching) in every function at cold start, whether or not a request is
 * sampled; that was the largest single part of a function's module load (issue #16).
 * The wire formats are AWS's documented ones:
 * https://docs.aws.amazon.com/xray/latest/devguide/xray-api-segmentdocuments.html and
 * https://docs.aws.amazon.com/xray/latest/devguide/xray-api-sendingdata.html (daemon: a JSON
 * header line, then the document, one per UDP datagram).
 *
 * Nothing is sent unless Lambda says the invocation is traced: `_X_AMZN_TRACE_ID` with `Sampled=1`
 * and `AWS_XRAY_DAEMON_ADDRESS` set (both only in Lambda with active tracing), and
 * `POWERTOOLS_TRACE_ENABLED` is not `false`. Tracing never fails a request: send errors are dropped.
 */

export interface TraceContext {
  root: string;
  parent: string | undefined;
  sampled: boolean;
}

/** The document fields of a subsegment (the X-Ray segment document's names). */
export interface Subsegment {
  name: string;
  id: string;
  trace_id: string;
  parent_id?: string;
  type: 'subsegment';
  start_time: number;
  end_time?: number;
  namespace?: 'aws' | 'remote';
  annotations?: Record<string, string | number | boolean>;
  aws?: Record<string, string | number>;
  http?: { response: { status: number } };
  error?: boolean;
  throttle?: boolean;
  fault?: boolean;
  cause?: { exceptions: { id: string; type: string; message: string; remote?: boolean }[] };
}

const HEADER = '{"format": "json", "version": 1}\n';

/** Parses `Root=1-…;Parent=…;Sampled=1` (the Lambda environment variable and the HTTP header). */
export function parseTraceHeader(header: string | undefined): TraceContext | undefined {
  if (!header) return undefined;
  const fields = new Map(
    header.split(';').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const root = fields.get('Root');
  if (!root) return undefined;
  return { root, parent: fields.get('Parent'), sampled: fields.get('Sampled') === '1' };
}

export const newId = (): string => randomBytes(8).toString('hex');
const now = (): number => Date.now() / 1000;

/** Where documents go; a test swaps it for a collector. */
export interface SegmentSink {
  send(document: Subsegment): void;
}

export function udpSink(address: string): SegmentSink {
  // "host:port", or "tcp:host:port udp:host:port" (the SDK's two-address form).
  const udp =
    address
      .split(' ')
      .find((part) => part.startsWith('udp:'))
      ?.slice(4) ?? address;
  const at = udp.lastIndexOf(':');
  const host = udp.slice(0, at);
  const port = Number(udp.slice(at + 1));
  let socket: Socket | undefined;
  return {
    send(document) {
      socket ??= createSocket('udp4').on('error', () => {});
      // Unref'd: a pending datagram never keeps a process (or a test) alive.
      socket.unref();
      socket.send(HEADER + JSON.stringify(document), port, host, () => {});
    },
  };
}

let sinkOverride: SegmentSink | undefined;
let daemonSink: { address: string; sink: SegmentSink } | undefined;

/** Tests collect documents instead of sending them; `undefined` restores the daemon. */
export function setSegmentSink(sink: SegmentSink | undefined): void {
  sinkOverride = sink;
}

/** The invocation's trace, if it is sampled and this process may send. */
function activeTrace(): { trace: TraceContext; sink: SegmentSink } | undefined {
  if (process.env.POWERTOOLS_TRACE_ENABLED === 'false') return undefined;
  const trace = parseTraceHeader(process.env._X_AMZN_TRACE_ID);
  if (!trace?.sampled) return undefined;
  if (sinkOverride) return { trace, sink: sinkOverride };
  const address = process.env.AWS_XRAY_DAEMON_ADDRESS;
  if (!address) return undefined;
  if (daemonSink?.address !== address) daemonSink = { address, sink: udpSink(address) };
  return { trace, sink: daemonSink.sink };
}

/**
 * The open `## handler` subsegment. A Lambda process runs one invocation at a time, as
 * `_X_AMZN_TRACE_ID` (one variable per process) already assumes.
 */
let openHandler: string | undefined;

function errorCause(error: unknown, remote = false): Subsegment['cause'] {
  const e = error instanceof Error ? error : new Error(String(error));
  return { exceptions: [{ id: newId(), type: e.name, message: e.message, ...(remote ? { remote: true } : {}) }] };
}

let coldStart = true;

/**
 * Middy middleware: a `## handler` subsegment around each invocation, as Powertools'
 * `captureLambdaHandler` records it (without the response, which may hold personal data). Use
 * it first in the chain, so that it spans the other middlewares too.
 */
export function traceHandler(): {
  before: (request: { internal: Record<string, unknown> }) => void;
  after: (request: { internal: Record<string, unknown> }) => void;
  onError: (request: { internal: Record<string, unknown>; error: unknown }) => void;
} {
  const key = '__traceSubsegment';
  const close = (request: { internal: Record<string, unknown> }, error?: unknown) => {
    const open = request.internal[key] as { doc: Subsegment; sink: SegmentSink } | undefined;
    if (!open) return;
    delete request.internal[key];
    if (openHandler === open.doc.id) openHandler = undefined;
    open.doc.end_time = now();
    if (error !== undefined) {
      open.doc.fault = true;
      open.doc.cause = errorCause(error);
    }
    open.sink.send(open.doc);
  };
  return {
    before(request) {
      const wasCold = coldStart;
      coldStart = false;
      const active = activeTrace();
      if (!active) return;
      const doc: Subsegment = {
        name: `## ${process.env._HANDLER ?? 'handler'}`,
        id: newId(),
        trace_id: active.trace.root,
        ...(active.trace.parent ? { parent_id: active.trace.parent } : {}),
        type: 'subsegment',
        start_time: now(),
        annotations: {
          ColdStart: wasCold,
          Service: process.env.POWERTOOLS_SERVICE_NAME ?? 'service_undefined',
        },
      };
      request.internal[key] = { doc, sink: active.sink };
      // The rest of this invocation (the handler's AWS calls) has this subsegment as parent.
      openHandler = doc.id;
    },
    after: (request) => close(request),
    onError: (request) => close(request, request.error),
  };
}

type Middleware = (
  next: (args: { input: Record<string, unknown>; request: unknown }) => Promise<{ output: unknown; response: unknown }>,
  context: { clientName?: string; commandName?: string },
) => (args: { input: Record<string, unknown>; request: unknown }) => Promise<{ output: unknown; response: unknown }>;

interface TraceableClient {
  middlewareStack: {
    add(middleware: Middleware, options: { step: 'build'; name: string; override?: boolean }): void;
  };
  config: { region: unknown };
}

/**
 * One `aws` subsegment per call of this SDK client, retries included (the middleware sits in the
 * build step, outside the retry loop), and the trace header on every attempt. Returns the client.
 */
export function traceAwsClient<C extends TraceableClient>(client: C): C {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const active = activeTrace();
      if (!active) return next(args);
      const { trace, sink } = active;
      const parent = openHandler ?? trace.parent;
      const doc: Subsegment = {
        name: (context.clientName ?? 'AWS').replace(/Client$/, ''),
        id: newId(),
        trace_id: trace.root,
        ...(parent ? { parent_id: parent } : {}),
        type: 'subsegment',
        namespace: 'aws',
        start_time: now(),
        aws: { operation: (context.commandName ?? '').replace(/Command$/, '') },
      };
      const request = args.request as { headers?: Record<string, string> } | undefined;
      if (request?.headers) request.headers['X-Amzn-Trace-Id'] = `Root=${trace.root};Parent=${doc.id};Sampled=1`;
      const input = args.input;
      if (typeof input.TableName === 'string') doc.aws!.table_name = input.TableName;
      if (typeof input.Bucket === 'string') doc.aws!.bucket_name = input.Bucket;
      try {
        const result = await next(args);
        const metadata = (result.output as { $metadata?: SdkMetadata } | undefined)?.$metadata;
        record(doc, metadata, await regionOf(client));
        return result;
      } catch (error) {
        const metadata = (error as { $metadata?: SdkMetadata }).$metadata;
        record(doc, metadata, await regionOf(client));
        const status = metadata?.httpStatusCode ?? 0;
        if (status === 429 || /Throttl/.test((error as Error).name ?? '')) doc.throttle = true;
        if (status >= 500 || status === 0) doc.fault = true;
        else doc.error = true;
        doc.cause = errorCause(error, true);
        throw error;
      } finally {
        doc.end_time = now();
        sink.send(doc);
      }
    },
    { step: 'build', name: 'xrayTrace', override: true },
  );
  return client;
}

interface SdkMetadata {
  httpStatusCode?: number;
  requestId?: string;
  attempts?: number;
}

function record(doc: Subsegment, metadata: SdkMetadata | undefined, region: string): void {
  doc.aws!.region = region;
  if (metadata?.requestId) doc.aws!.request_id = metadata.requestId;
  if (metadata?.attempts) doc.aws!.retries = metadata.attempts - 1;
  if (metadata?.httpStatusCode) doc.http = { response: { status: metadata.httpStatusCode } };
}

async function regionOf(client: TraceableClient): Promise<string> {
  const region = client.config.region;
  try {
    return typeof region === 'function' ? String(await region()) : String(region);
  } catch {
    return '';
  }
}
