import { createHash, randomUUID } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamodbChecks, type KeySchema } from './dynamodb-rules';
import { type AuthorizationRequest, type CompiledPolicy, compilePolicy, evaluate } from './iam-evaluator';
import { type LocalPrincipal, principalOf, secretOf } from './identity';
import type { PolicySet } from './policies';
import { parseS3Path, s3Operation } from './s3-rules';
import { type EdgeRequest, type SignatureFailure, verifySignature } from './sigv4';

/**
 * The local "AWS edge": an HTTP server in front of DynamoDB Local and one in front of the S3
 * server. For every request it verifies the SigV4 signature (sigv4.ts), maps the request to IAM
 * checks (dynamodb-rules.ts, s3-rules.ts), evaluates the calling function's policy from the
 * synthesized templates (iam-evaluator.ts, policies.ts) and either forwards the request to the
 * engine or answers as AWS would, in the service's own error format. A refusal writes one log
 * line naming the function, the action and the resource: never item keys or bodies.
 */

export interface AwsEdgeOptions {
  region: string;
  account: string;
  /** The run's master secret: every local access key's secret derives from it (identity.ts). */
  masterSecret: string;
  /** Where the engines listen (internal ports). */
  upstream: { dynamodb: string; s3: string };
  /** A tenant's policies, with its table and bucket names filled in; undefined: unknown tenant. */
  policiesOf(tenant: string): PolicySet | undefined;
  /** Where refusals are written; console.error by default. */
  log?: (line: string) => void;
  /** Ports to listen on; 0 or absent: any free port. */
  ports?: { dynamodb?: number; s3?: number };
  /** The address to listen on (127.0.0.1 unless told), e.g. for a phone on the same network. */
  host?: string;
  /** The host in the endpoints handed out (presigned URLs): the machine's LAN address when `host` is 0.0.0.0. */
  publicHost?: string;
}

export interface RunningEdge {
  dynamodbEndpoint: string;
  s3Endpoint: string;
  stop(): Promise<void>;
}

/** The largest body the edge buffers: above the 25 MiB document limit, far below memory limits. */
const MAX_BODY = 64 * 1024 * 1024;
/** s3rver knows only its built-in key; after the edge has checked the real one, it gets that. */
const S3RVER_KEY = 'S3RVER';
/** SigV4's window for a header-signed request: 5 minutes in general (reference_sigv.html), 15 for S3. */
const DYNAMODB_SKEW_MS = 5 * 60_000;
const S3_SKEW_MS = 15 * 60_000;

interface Denial {
  action: string;
  resource: string;
  reason: 'explicit-deny' | 'implicit-deny' | 'unsupported';
}

interface Caller {
  principal: LocalPrincipal;
  /** Undefined for the operator, who may do anything. */
  policy?: { compiled: CompiledPolicy; roleName: string } | undefined;
}

export async function startAwsEdge(options: AwsEdgeOptions): Promise<RunningEdge> {
  const log = options.log ?? ((line: string) => console.error(line));
  const compiled = new Map<string, { compiled: CompiledPolicy; roleName: string } | null>();
  const schemaCache = new Map<string, KeySchema>();
  const describer = new DynamoDBClient({
    region: options.region,
    endpoint: options.upstream.dynamodb,
    credentials: { accessKeyId: 'edge', secretAccessKey: 'edge' },
  });

  function callerOf(accessKeyId: string): Caller | undefined {
    const principal = principalOf(accessKeyId);
    if (!principal) return undefined;
    if (principal.kind === 'operator') return { principal };
    const cacheKey = `${principal.tenant}/${principal.functionId}`;
    if (!compiled.has(cacheKey)) {
      const fn = options.policiesOf(principal.tenant)?.functions[principal.functionId];
      // A policy the evaluator does not support throws here, and so stops the request (fail closed).
      compiled.set(cacheKey, fn ? { compiled: compilePolicy(fn.statements), roleName: fn.roleName } : null);
    }
    const policy = compiled.get(cacheKey);
    return policy === null ? undefined : { principal, policy };
  }

  const secretFor = (accessKeyId: string) =>
    callerOf(accessKeyId) ? secretOf(options.masterSecret, accessKeyId) : undefined;

  function authorize(caller: Caller, checks: readonly AuthorizationRequest[]): Denial | undefined {
    if (!caller.policy) return undefined;
    for (const check of checks) {
      let decision: ReturnType<typeof evaluate> | 'unsupported';
      try {
        decision = evaluate(caller.policy.compiled, check);
      } catch {
        decision = 'unsupported';
      }
      if (decision !== 'allow') return { action: check.action, resource: check.resource, reason: decision };
    }
    return undefined;
  }

  function sessionArn(caller: Caller): string {
    const { principal } = caller;
    return principal.kind === 'function'
      ? `arn:aws:sts::${options.account}:assumed-role/${caller.policy?.roleName}/${principal.functionId}`
      : `arn:aws:iam::${options.account}:user/local-operator`;
  }

  function deniedMessage(caller: Caller, denial: Denial, quote: boolean): string {
    const resource = quote ? `"${denial.resource}"` : denial.resource;
    const because =
      denial.reason === 'explicit-deny'
        ? 'with an explicit deny in an identity-based policy'
        : `because no identity-based policy allows the ${denial.action} action`;
    return `User: ${sessionArn(caller)} is not authorized to perform: ${denial.action} on resource: ${resource} ${because}`;
  }

  function logDenial(caller: Caller, denial: Denial): void {
    const fn = caller.principal.kind === 'function' ? caller.principal.functionId : 'operator';
    log(
      `aws-edge: AccessDenied function=${fn} action=${denial.action} resource=${denial.resource}` +
        (denial.reason === 'unsupported' ? ' (a condition the local evaluator does not support)' : ''),
    );
  }

  async function schemaOf(table: string): Promise<KeySchema | undefined> {
    const cached = schemaCache.get(table);
    if (cached) return cached;
    try {
      const { Table } = await describer.send(new DescribeTableCommand({ TableName: table }));
      const hash = (keys: Array<{ AttributeName?: string; KeyType?: string }> | undefined) =>
        keys?.find((k) => k.KeyType === 'HASH')?.AttributeName ?? '';
      const schema: KeySchema = {
        partitionKey: hash(Table?.KeySchema),
        indexes: Object.fromEntries((Table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, hash(i.KeySchema)])),
      };
      schemaCache.set(table, schema);
      return schema;
    } catch {
      return undefined;
    }
  }

  // DynamoDB: JSON errors with `__type`, HTTP 400 (Programming.Errors.html, CommonErrors.html).
  async function dynamodb(req: IncomingMessage, res: ServerResponse, request: Incoming): Promise<void> {
    const fail = (type: string, message: string) =>
      send(
        res,
        400,
        { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': randomUUID() },
        JSON.stringify({ __type: `com.amazon.coral.service#${type}`, message }),
      );
    const verified = await verifySignature(request, {
      service: 'dynamodb',
      region: options.region,
      secretOf: secretFor,
      now: new Date(),
      maxSkewMs: DYNAMODB_SKEW_MS,
    });
    if (!verified.ok) {
      const failure = verified.failure;
      log(`aws-edge: refused a DynamoDB request: ${failure.code}`);
      return fail(...dynamoSignatureError(failure));
    }
    const caller = callerOf(verified.signed.accessKeyId)!;
    if (caller.policy) {
      const operation = (request.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(request.body.toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        return fail('SerializationException', 'Start of structure or map found where not expected.');
      }
      const arnOf = (table: string) => `arn:aws:dynamodb:${options.region}:${options.account}:table/${table}`;
      const checks = await dynamodbChecks(operation, body, arnOf, schemaOf);
      const denial = authorize(caller, checks);
      if (denial) {
        logDenial(caller, denial);
        return fail('AccessDeniedException', deniedMessage(caller, denial, false));
      }
    }
    // DynamoDB Local takes letters and digits only in an access key id, and checks no signature.
    const authorization = request.headers.authorization!.replace(/Credential=[^/]+\//, 'Credential=LOCALEDGE/');
    forward(req, res, request, options.upstream.dynamodb, { ...request.headers, authorization });
  }

  // S3: XML errors (ErrorResponses.html).
  async function s3(req: IncomingMessage, res: ServerResponse, request: Incoming): Promise<void> {
    const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
    const fail = (status: number, code: string, message: string, extra: Record<string, string> = {}) =>
      send(
        res,
        status,
        { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
        request.method === 'HEAD'
          ? ''
          : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xml(message)}</Message>${Object.entries(
              extra,
            )
              .map(([k, v]) => `<${k}>${xml(v)}</${k}>`)
              .join('')}<RequestId>${requestId}</RequestId><HostId>local</HostId></Error>`,
      );
    // A CORS preflight carries no credentials and S3 answers it from the bucket's CORS rules alone.
    // Its URL is the presigned one, query and all; s3rver would read that query as a signature to
    // check (with a key it does not know), so the preflight goes on without it.
    if (request.method === 'OPTIONS') {
      return forward(req, res, { ...request, rawQuery: '' }, options.upstream.s3, request.headers);
    }

    const now = new Date();
    const verified = await verifySignature(request, {
      service: 's3',
      region: options.region,
      secretOf: secretFor,
      now,
      maxSkewMs: S3_SKEW_MS,
    });
    if (!verified.ok) {
      const failure = verified.failure;
      log(`aws-edge: refused an S3 request: ${failure.code}`);
      return fail(...s3SignatureError(failure, now));
    }
    const { signed } = verified;
    const caller = callerOf(signed.accessKeyId)!;
    const target = parseS3Path(request.rawPath);
    const operation = target
      ? s3Operation(request.method, target, request.query, request.headers, request.body)
      : undefined;
    if (caller.policy) {
      if (!operation) {
        log(`aws-edge: AccessDenied function=${describe(caller)} ${request.method} request the edge does not map`);
        return fail(403, 'AccessDenied', 'Access Denied (a request the local edge does not map to IAM actions)');
      }
      const denial = authorize(caller, operation.checks);
      if (denial) {
        logDenial(caller, denial);
        return fail(403, 'AccessDenied', deniedMessage(caller, denial, true));
      }
    }
    const bodyProblem = s3BodyProblem(request);
    if (bodyProblem) return fail(400, bodyProblem.code, bodyProblem.message);

    const headers = { ...request.headers };
    if (headers.authorization)
      headers.authorization = headers.authorization.replace(/Credential=[^/]+\//, `Credential=${S3RVER_KEY}/`);
    const forwarded = {
      ...request,
      rawQuery: request.rawQuery.replace(/(^|&)(X-Amz-Credential=)[^&%/]+(%2F|\/)/i, `$1$2${S3RVER_KEY}$3`),
    };
    const missingIs403 =
      operation?.readsObject && target && caller.policy
        ? authorize(caller, [{ action: 's3:ListBucket', resource: `arn:aws:s3:::${target.bucket}`, context: {} }])
        : undefined;
    // S3 stores the tags an upload names with the object; s3rver drops them. The edge applies them
    // before it answers, so the draft tag the lifecycle rule and the document keeper work with is
    // there locally.
    const uploadTags = operation?.uploadTagging;
    forward(req, res, forwarded, options.upstream.s3, headers, (status, answer) => {
      // S3 tells a caller without s3:ListBucket that a missing key is forbidden, not missing
      // (API_GetObject.html, Permissions).
      if (status === 404 && missingIs403) {
        fail(403, 'AccessDenied', 'Access Denied');
        return true;
      }
      if (status !== 200 || uploadTags === undefined) return false;
      // The engine's answer headers, less those of its own connection (send sets the length).
      const { connection: _c, 'transfer-encoding': _te, 'content-length': _l, ...answered } = answer.headers;
      tagObject(options.upstream.s3, request.rawPath, uploadTags).then(
        () => send(res, 200, answered as Record<string, string>, ''),
        (error: Error) => fail(500, 'InternalError', `the upload's tags were not stored: ${error.message}`),
      );
      return true;
    });
  }

  const dynamodbServer = createServer((req, res) => handle(req, res, dynamodb));
  const s3Server = createServer((req, res) => handle(req, res, s3));

  function handle(
    req: IncomingMessage,
    res: ServerResponse,
    service: (req: IncomingMessage, res: ServerResponse, request: Incoming) => Promise<void>,
  ): void {
    readRequest(req)
      .then((request) =>
        request === 'too-large'
          ? send(res, 413, { 'content-type': 'text/plain' }, 'Request body too large for the local edge')
          : service(req, res, request),
      )
      .catch((error: unknown) => {
        log(`aws-edge: internal error: ${error instanceof Error ? `${error.name}: ${error.message}` : 'unknown'}`);
        if (!res.headersSent) send(res, 500, { 'content-type': 'text/plain' }, 'local edge error');
      });
  }

  const listen = (server: Server, port = 0) =>
    new Promise<string>((resolve, reject) => {
      server.once('error', reject);
      const host = options.host ?? '127.0.0.1';
      const publicHost = options.publicHost ?? host;
      server.listen(port, host, () => resolve(`http://${publicHost}:${(server.address() as AddressInfo).port}`));
    });
  const dynamodbEndpoint = await listen(dynamodbServer, options.ports?.dynamodb);
  const s3Endpoint = await listen(s3Server, options.ports?.s3);
  return {
    dynamodbEndpoint,
    s3Endpoint,
    async stop() {
      describer.destroy();
      await Promise.all(
        [dynamodbServer, s3Server].map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}

function describe(caller: Caller): string {
  return caller.principal.kind === 'function' ? caller.principal.functionId : 'operator';
}

function dynamoSignatureError(failure: SignatureFailure): [type: string, message: string] {
  const stamp = (d: Date) =>
    d
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  switch (failure.code) {
    case 'missing':
      return ['MissingAuthenticationTokenException', 'Request is missing Authentication Token'];
    case 'malformed':
      return ['IncompleteSignatureException', `Invalid signature: ${failure.detail}`];
    case 'unknown-key':
      return ['UnrecognizedClientException', 'The security token included in the request is invalid.'];
    case 'skewed': {
      const now = new Date();
      const late = failure.date < now;
      const bound = new Date(now.getTime() + (late ? -DYNAMODB_SKEW_MS : DYNAMODB_SKEW_MS));
      return [
        'InvalidSignatureException',
        late
          ? `Signature expired: ${stamp(failure.date)} is now earlier than ${stamp(bound)} (${stamp(now)} - 5 min.)`
          : `Signature not yet current: ${stamp(failure.date)} is still later than ${stamp(bound)} (${stamp(now)} + 5 min.)`,
      ];
    }
    default:
      return [
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access ' +
          'Key and signing method. Consult the service documentation for details.',
      ];
  }
}

function s3SignatureError(
  failure: SignatureFailure,
  now: Date,
): [status: number, code: string, message: string, extra?: Record<string, string>] {
  switch (failure.code) {
    case 'missing':
      return [403, 'AccessDenied', 'Access Denied'];
    case 'malformed':
      return [400, 'AuthorizationQueryParametersError', failure.detail];
    case 'unknown-key':
      return [
        403,
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        {
          AWSAccessKeyId: failure.accessKeyId,
        },
      ];
    case 'expired':
      return [
        403,
        'AccessDenied',
        'Request has expired',
        {
          Expires: failure.expiresAt.toISOString(),
          ServerTime: now.toISOString(),
        },
      ];
    case 'skewed':
      return [
        403,
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
        {
          RequestTime: failure.date.toISOString(),
          ServerTime: now.toISOString(),
        },
      ];
    case 'unsigned-headers':
      return [
        403,
        'AccessDenied',
        'There were headers present in the request which were not signed',
        { HeadersNotSigned: failure.headers.join(', ') },
      ];
    case 'mismatch':
      return [
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        { AWSAccessKeyId: failure.accessKeyId },
      ];
  }
}

/**
 * What S3 checks of an upload's body once it is authorized: the length the client declared, the
 * payload hash a header-signed request claims, and a SHA-256 checksum the request carries.
 * AWS: https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html (BadDigest),
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html (x-amz-content-sha256).
 */
function s3BodyProblem(request: EdgeRequest) {
  const length = request.headers['content-length'];
  if (length !== undefined && Number(length) !== request.body.length)
    return {
      code: 'IncompleteBody',
      message: 'You did not provide the number of bytes specified by the Content-Length HTTP header.',
    };
  const payloadHash = request.headers['x-amz-content-sha256'];
  if (payloadHash && /^[0-9a-f]{64}$/.test(payloadHash)) {
    if (payloadHash !== createHash('sha256').update(request.body).digest('hex'))
      return {
        code: 'XAmzContentSHA256Mismatch',
        message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
      };
  } else if (payloadHash?.startsWith('STREAMING-'))
    return { code: 'NotImplemented', message: 'aws-chunked uploads are not modelled by the local edge' };
  const checksum = sentChecksum(request);
  if (checksum !== undefined && checksum !== createHash('sha256').update(request.body).digest('base64'))
    return { code: 'BadDigest', message: 'The SHA256 you specified did not match the calculated checksum.' };
  return undefined;
}

/**
 * An upload's SHA-256 checksum: a header, or a query parameter of a presigned URL that hoisted it.
 * The local S3 server keeps what it is sent (local/s3-checksums.ts): this check is what makes it
 * the checksum of the bytes, as S3's is.
 */
function sentChecksum(request: EdgeRequest): string | undefined {
  const name = 'x-amz-checksum-sha256';
  return request.headers[name] ?? request.query.find(([n]) => n.toLowerCase() === name)?.[1];
}

/** The request as received, with its query also kept as sent (the engines get it unchanged). */
interface Incoming extends EdgeRequest {
  rawQuery: string;
}

async function readRequest(req: IncomingMessage): Promise<Incoming | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  const raw = req.url ?? '/';
  const queryAt = raw.indexOf('?');
  const rawPath = queryAt >= 0 ? raw.slice(0, queryAt) : raw;
  const rawQuery = queryAt >= 0 ? raw.slice(queryAt + 1) : '';
  const query = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair): [string, string] => {
      const at = pair.indexOf('=');
      const decode = (text: string) => decodeURIComponent(text);
      return at >= 0 ? [decode(pair.slice(0, at)), decode(pair.slice(at + 1))] : [decode(pair), ''];
    });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    rawPath,
    rawQuery,
    query,
    headers,
    body: Buffer.concat(chunks),
  };
}

/** Sends the request on to the engine and its answer back; `intercept` may answer instead for a status. */
function forward(
  req: IncomingMessage,
  res: ServerResponse,
  request: Incoming,
  upstream: string,
  headers: Record<string, string>,
  intercept?: (status: number, answer: IncomingMessage) => boolean,
): void {
  const target = new URL(upstream);
  const { connection: _connection, 'transfer-encoding': _te, ...rest } = headers;
  const outgoing = httpRequest(
    {
      host: target.hostname,
      port: target.port,
      method: request.method,
      path: `${request.rawPath}${request.rawQuery ? `?${request.rawQuery}` : ''}`,
      headers: { ...rest, 'content-length': String(request.body.length) },
    },
    (answer) => {
      if (intercept?.(answer.statusCode ?? 500, answer)) {
        answer.resume();
        return;
      }
      res.writeHead(answer.statusCode ?? 500, answer.headers);
      // A client that stops reading (verification leaves once it has the file signature) closes
      // its side; pipeline then ends the engine's answer too, which would otherwise hold its
      // connection open for ever.
      pipeline(answer, res, () => undefined);
    },
  );
  outgoing.on('error', (error) => {
    if (!res.headersSent) send(res, 502, { 'content-type': 'text/plain' }, `engine unreachable: ${error.message}`);
  });
  outgoing.end(request.body);
  req.resume();
}

/** PutObjectTagging on the engine (anonymous: s3rver serves unsigned requests) with a `k=v&k2=v2` tag set. */
async function tagObject(upstream: string, rawPath: string, tags: string): Promise<void> {
  const xmlTags = [...new URLSearchParams(tags)]
    .map(([key, value]) => `<Tag><Key>${xml(key)}</Key><Value>${xml(value)}</Value></Tag>`)
    .join('');
  const body = `<Tagging><TagSet>${xmlTags}</TagSet></Tagging>`;
  const answer = await fetch(`${upstream.replace(/\/$/, '')}${rawPath}?tagging`, { method: 'PUT', body });
  // 404: s3rver announced the object before the edge could tag it, and a verification already
  // moved it to quarantine. S3 stores the tags with the object, so its upload succeeded: so does this.
  if (answer.status !== 200 && answer.status !== 404) throw new Error(`PutObjectTagging answered ${answer.status}`);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
