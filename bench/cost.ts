import { createHash, randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { type DynamoDBDocumentClient, ScanCommand as ScanItemsCommand } from '@aws-sdk/lib-dynamodb';
import { lambdaContext } from '../local/gateway';
import { createDocumentClient, createdClients } from '../shared/adapters/aws-clients';
import { capacityMeter } from '../shared/adapters/capacity-meter';
import { noticeDepsFromEnv } from '../shared/adapters/notices-from-env';
import { earliestSendInstant } from '../shared/domain/sms';
import { matchesEventPattern } from '../shared/events/event-pattern';
import { type PetitionEvent, toBusEvent } from '../shared/events/petition-events';
import { DOCUMENT_KEEPER_RULE_PATTERN, NOTIFIER_RULE_PATTERN } from '../shared/events/rules';
import { logger } from '../shared/observability/logger';
import { DEFAULT_LIMITS, EVENT_FUNCTIONS, limitsOf } from '../shared/routes';
import { NOT_MEASURED, type OperationUse, type PetitionLifeMeasurements } from './cost-model';
import type { startBenchStack } from './local-stack';
import { BENCH_CLAIMANT, samplePetition } from './sample-petition';

type Stack = Awaited<ReturnType<typeof startBenchStack>>;

/** Every function's configured memory (infra/service-function.ts). */
export const MEMORY_MB = DEFAULT_LIMITS.memoryMb;
/** Petitions whose whole life the bench runs; each figure is the median over them. */
const LIVES = 9;
/** The bus a bench event claims to come from (the notifier reads the detail only). */
const BENCH_BUS = { id: 'bench', account: '000000000000', region: 'me-central-1' };
/** A demo office (bench/local-stack.ts seeds the registry, its district's courts and the fee schedules). */
const OFFICE = '56103';
const MiB = 2 ** 20;
/** Lambda's own START, END and REPORT lines of one invocation (about 90, 70 and 190 bytes). */
const LAMBDA_LOG_LINES_BYTES = 350;
/** One API access log line (the stack's JSON access log format), about. */
const ACCESS_LOG_LINE_BYTES = 300;

/** S3 requests of every S3 client this process made, by price class. */
const s3Meter = { classA: 0, classB: 0 };
const CLASS_A = /^(Put|Copy|Post|List|CreateMultipart|UploadPart|CompleteMultipart|Delete)/;
const metered = new WeakSet<S3Client>();
function meterS3(): void {
  for (const client of createdClients.s3) {
    if (metered.has(client)) continue;
    metered.add(client);
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = String(context.commandName ?? '');
        // DELETE is free in S3's price list; the rest of class A as published.
        if (CLASS_A.test(command) && !command.startsWith('Delete')) s3Meter.classA += 1;
        else if (!command.startsWith('Delete')) s3Meter.classB += 1;
        return next(args);
      },
      { step: 'initialize', name: 's3Meter' },
    );
  }
}

interface Sample {
  ms: number;
  readUnits: number;
  writeUnits: number;
  calls: number;
  s3ClassA: number;
  s3ClassB: number;
  logBytes: number;
}

/** Runs `work` with the meters reset and stdout counted (the functions' own JSON log lines). */
async function sample(work: () => Promise<void>): Promise<Sample> {
  meterS3();
  capacityMeter.reset();
  s3Meter.classA = 0;
  s3Meter.classB = 0;
  let logBytes = 0;
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    logBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    return true;
  }) as typeof process.stdout.write;
  const started = performance.now();
  try {
    await work();
  } finally {
    process.stdout.write = write;
  }
  const ms = performance.now() - started;
  meterS3();
  return {
    ms,
    readUnits: capacityMeter.readUnits,
    writeUnits: capacityMeter.writeUnits,
    calls: capacityMeter.calls,
    s3ClassA: s3Meter.classA,
    s3ClassB: s3Meter.classB,
    logBytes,
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function use(samples: Sample[], extra: Partial<OperationUse> & { invocations: number }): OperationUse {
  const m = (pick: (s: Sample) => number) => median(samples.map(pick));
  return {
    memoryMb: MEMORY_MB,
    durationMs: m((s) => s.ms),
    readUnits: m((s) => s.readUnits),
    writeUnits: m((s) => s.writeUnits),
    s3ClassA: m((s) => s.s3ClassA),
    s3ClassB: m((s) => s.s3ClassB),
    apiRequests: 0,
    busEvents: 0,
    logBytes: m((s) => s.logBytes) + extra.invocations * LAMBDA_LOG_LINES_BYTES,
    traces: extra.invocations,
    ...extra,
  };
}

export interface CostFigures {
  life: PetitionLifeMeasurements;
  petitionsPerMonth: number;
  stored: { dynamoBytes: number; s3Bytes: number; s3Objects: number };
  notes: string[];
}

/**
 * The life of an average petition (issue 16), run LIVES times through the local gateway and the
 * real handlers, each step metered: consumed capacity, S3 requests by class, the functions' log
 * bytes, and the step's duration. Durations are measured around the HTTP call to the in-process
 * gateway (JWT check and event building included), so they are an upper bound of the handler's.
 */
export async function measurePetitionLife(stack: Stack, options: { initMs?: number } = {}): Promise<CostFigures> {
  logger.setLogLevel('INFO');
  const db = createDocumentClient({
    AWS_REGION: process.env.AWS_REGION!,
    DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT,
  });
  const clerk = { authorization: `Bearer ${await stack.token({ role: 'clerk', officeCode: OFFICE })}` };
  const claimant = BENCH_CLAIMANT;
  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const load = stack.loadHandler;
  const verify = await load<(event: unknown, context: unknown) => Promise<unknown>>(
    EVENT_FUNCTIONS.find((f) => f.id === 'verify-document')!,
  );

  const scans = [0, 1, 2].map((i) => {
    const bytes = Buffer.alloc(MiB, 0x20 + i);
    bytes.write('%PDF-1.7\n');
    return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  const samples: Record<string, Sample[]> = {
    quote: [],
    payment: [],
    notice: [],
    keep: [],
    draft: [],
    upload: [],
    verify: [],
    submit: [],
    court: [],
    track: [],
    rating: [],
  };
  const notes: string[] = [];
  let courtActions = true;
  let paymentCalls = 0;
  const noticeCounts: number[] = [];
  const eventCounts: number[] = [];
  // The notifier as it runs in office hours, whenever the bench runs: in Tehran's quiet hours it
  // would only hold each SMS for the dispatcher, whose sending later the bench would not count
  // (the README's runs before 2026-11-29 04:30 UTC were made then). Its clock is the first instant
  // an SMS may go out; everything else is the deployed function's.
  const { notifyPartiesHandler } = await import('../functions/notify-parties');
  const notify = notifyPartiesHandler({
    ...noticeDepsFromEnv(),
    clock: { now: () => earliestSendInstant(new Date()) },
  });
  const keep = await load<(event: unknown, context: unknown) => Promise<unknown>>(
    EVENT_FUNCTIONS.find((f) => f.id === 'keep-documents')!,
  );
  for (let life = 0; life < LIVES; life++) {
    let created: Record<string, unknown> = {};
    samples.draft!.push(
      await sample(async () => {
        created = await call(
          'POST',
          '/v1/petitions',
          clerk,
          samplePetition(
            scans.map((s, i) => ({
              kind: 'evidence',
              fileName: `scan-${i}.pdf`,
              contentType: 'application/pdf',
              size: s.bytes.length,
              sha256: s.sha256,
              pages: 2,
            })),
          ),
        );
      }),
    );
    const petitionId = created.petitionId as string;
    const uploads = created.uploads as { documentId: string; uploadUrl: string; headers: Record<string, string> }[];
    for (const [i, upload] of uploads.entries()) {
      // The browser's PUT: one S3 class A request, no function.
      samples.upload!.push({ ms: 0, readUnits: 0, writeUnits: 0, calls: 0, s3ClassA: 1, s3ClassB: 0, logBytes: 0 });
      const put = await fetch(upload.uploadUrl, { method: 'PUT', headers: upload.headers, body: scans[i]!.bytes });
      if (put.status !== 200) throw new Error(`upload answered ${put.status}`);
      samples.verify!.push(
        await sample(async () => {
          await verify(
            {
              'detail-type': 'Object Created',
              source: 'aws.s3',
              detail: {
                bucket: { name: process.env.DOCUMENTS_BUCKET },
                object: { key: `petitions/${petitionId}/${upload.documentId}`, size: MiB },
              },
            },
            lambdaContext('verify-document', 60_000),
          );
        }),
      );
    }
    // The quote as the clerk shows it to the payer (it was computed with the draft), then each
    // payee paid as a payer does: the office starts the payment, the payer pays at the gateway's
    // page (the simulator: no AWS cost), the browser's callback verifies it server to server.
    let fees: Record<string, unknown> = {};
    samples.quote!.push(
      await sample(async () => {
        fees = await call('GET', `/v1/petitions/${petitionId}/fees`, clerk);
      }),
    );
    const due = (fees.balance as Record<string, { dueRials: string }>) ?? {};
    const payees = (['judiciary', 'office'] as const).filter((payee) => due[payee]?.dueRials !== '0');
    paymentCalls = 2 * payees.length;
    samples.payment!.push(
      await sample(async () => {
        for (const payee of payees) {
          const started = await call('POST', `/v1/petitions/${petitionId}/payments`, clerk, { payee });
          const token = new URL((started.redirect as { url: string }).url).searchParams.get('token')!;
          const callback = await fetch(`${stack.baseUrl}/v1/payments/callback`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: new URLSearchParams(stack.simulator.pay(token)).toString(),
          });
          const answer = (await callback.json()) as { outcome?: string };
          if (answer.outcome !== 'verified') throw new Error(`payment not verified: ${JSON.stringify(answer)}`);
        }
      }),
    );
    let submitted: Record<string, unknown> = {};
    samples.submit!.push(
      await sample(async () => {
        submitted = await call('POST', `/v1/petitions/${petitionId}/submit`, {
          ...clerk,
          'idempotency-key': randomUUID(),
        });
      }),
    );
    if (courtActions) {
      try {
        // The court the submission routed the petition to acts on it, with its own token.
        const routed = await call('GET', `/v1/petitions/${petitionId}`, clerk);
        const courtCode = (routed.court as { courtCode: string }).courtCode;
        const court = { authorization: `Bearer ${await stack.token({ role: 'court', courtCode })}` };
        let version = routed.version as number;
        for (const step of [{ action: 'dispatch' }, { action: 'register', caseNumber: '140312345678' }]) {
          samples.court!.push(
            await sample(async () => {
              const after = await call('POST', `/v1/petitions/${petitionId}/transitions`, court, {
                ...step,
                expectedVersion: version,
              });
              version = after.version as number;
            }),
          );
        }
      } catch (error) {
        courtActions = false;
        notes.push(`court actions not measured: ${(error as Error).message.slice(0, 160)}`);
      }
    }
    for (let t = 0; t < 5; t++)
      samples.track!.push(
        await sample(async () => {
          await call('GET', `/v1/track/${submitted.trackingCode as string}?nationalId=${claimant}`, {});
        }),
      );
    samples.rating!.push(
      await sample(async () => {
        await call(
          'POST',
          '/v1/feedback',
          {},
          {
            trackingCode: submitted.trackingCode,
            nationalId: claimant,
            ratings: { courtesy: 5, responsiveness: 4, overall: 5 },
          },
        );
      }),
    );
    // Every event of the petition goes through the pipe onto the bus, whichever rules take it.
    const emitted = await outboxEventsOf(db, petitionId);
    eventCounts.push(emitted.length);
    // Its notices: each event that the notifier's bus rule passes, delivered to the notifier as
    // EventBridge would (the SMS go to the sink; their provider's price is not AWS's).
    const events = emitted.filter((event) => matchesEventPattern(NOTIFIER_RULE_PATTERN, toBusEvent(event, BENCH_BUS)));
    noticeCounts.push(events.length);
    for (const event of events) {
      samples.notice!.push(
        await sample(async () => {
          await notify(toBusEvent(event, BENCH_BUS), lambdaContext('notify-parties', 60_000));
        }),
      );
    }
    // Its submission's event on the document keeper's rule: the scans re-tagged as kept.
    for (const event of emitted) {
      if (!matchesEventPattern(DOCUMENT_KEEPER_RULE_PATTERN, toBusEvent(event, BENCH_BUS))) continue;
      samples.keep!.push(
        await sample(async () => {
          await keep(toBusEvent(event, BENCH_BUS), lambdaContext('keep-documents', 60_000));
        }),
      );
    }
  }

  // The report job, as scheduled: once a day; one run a month produces the closed month's reports,
  // the others find nothing to do.
  const job = await load<(event: unknown, context: unknown) => Promise<unknown>>(
    EVENT_FUNCTIONS.find((f) => f.id === 'monthly-report-job')!,
  );
  const producing = await sample(async () => {
    await job({}, lambdaContext('monthly-report-job', 300_000));
  });
  const idle = await sample(async () => {
    await job({}, lambdaContext('monthly-report-job', 300_000));
  });
  logger.setLogLevel('ERROR');

  // What a petition keeps in DynamoDB: the bench table's items (this office's petitions, their
  // tracking codes, outbox items, audit entries, ratings) sized by DynamoDB's rules plus its 100
  // bytes of overhead per item, each index entry counted as a whole copy (an upper bound: the
  // listing indexes project summary attributes only), divided by the petitions that made them.
  const dynamoBytes = await tableBytesPerPetition(stack, LIVES);
  db.destroy();

  const api = (invocations: number) => ({
    invocations,
    apiRequests: invocations,
    accessLogBytes: invocations * ACCESS_LOG_LINE_BYTES,
    ...(options.initMs === undefined ? {} : { initMs: options.initMs, coldStartShare: 0.5 }),
  });
  const reportRuns = 30;
  const monthlyReports: OperationUse = {
    ...NOT_MEASURED,
    memoryMb: limitsOf(EVENT_FUNCTIONS.find((f) => f.id === 'monthly-report-job')!).memoryMb,
    invocations: reportRuns,
    durationMs: (producing.ms + (reportRuns - 1) * idle.ms) / reportRuns,
    readUnits: producing.readUnits + (reportRuns - 1) * idle.readUnits,
    writeUnits: producing.writeUnits + (reportRuns - 1) * idle.writeUnits,
    s3ClassA: producing.s3ClassA + (reportRuns - 1) * idle.s3ClassA,
    s3ClassB: producing.s3ClassB + (reportRuns - 1) * idle.s3ClassB,
    logBytes: producing.logBytes + (reportRuns - 1) * idle.logBytes + reportRuns * LAMBDA_LOG_LINES_BYTES,
    traces: reportRuns,
  };
  const cold =
    options.initMs === undefined
      ? 'not weighted in (run with the bundles section to weigh them)'
      : `weighted at half the API invocations, INIT ${options.initMs.toFixed(0)} ms (median module load)`;
  notes.push(
    'events: every outbox item of the petition counts one EventBridge Pipes request and one custom event; notices: ' +
      "the notifier invoked once per event its bus rule passes, as EventBridge would; the SMS themselves are the provider's " +
      "price, not AWS's",
    `payment: both payees paid at the gateway simulator (${paymentCalls} API calls: start and callback per payee); ` +
      "the gateway's own fees are the PSP's, not AWS's",
    `durations are measured around the call to the in-process gateway (an upper bound of the handler's); ` +
      `cold starts ${cold}`,
    'X-Ray: one trace per invocation (every request sampled: an upper bound)',
  );
  const life: PetitionLifeMeasurements = {
    draft: use(samples.draft!, api(1)),
    scanUpload: { ...NOT_MEASURED, s3ClassA: 1, s3BusEvents: 1 },
    scanVerification: use(samples.verify!, { invocations: 1, s3BusEvents: 0 }),
    submit: use(samples.submit!, api(1)),
    courtAction: samples.court!.length > 0 ? use(samples.court!, api(1)) : NOT_MEASURED,
    quote: use(samples.quote!, api(1)),
    // One sample covers the petition's whole payment (its calls); Lambda bills each call.
    payment: use(
      samples.payment!.map((s) => ({ ...s, ms: s.ms / Math.max(1, paymentCalls) })),
      api(paymentCalls),
    ),
    event: { ...NOT_MEASURED, busEvents: 1, pipesRequests: 1 },
    events: median(eventCounts),
    notice: use(samples.notice!, { invocations: 1, busEvents: 0, pipesRequests: 0 }),
    notices: median(noticeCounts),
    // The event is counted on its own (bus and pipe); the keeper adds its invocation.
    keep: use(samples.keep!, { invocations: 1, busEvents: 0, pipesRequests: 0 }),
    track: use(samples.track!, api(1)),
    rating: use(samples.rating!, api(1)),
    monthlyReports,
  };
  // One province of 22 offices at about 300 petitions an office a month shares the job.
  return { life, petitionsPerMonth: 22 * 300, stored: { dynamoBytes, s3Bytes: 3 * MiB, s3Objects: 3 }, notes };
}

async function tableBytesPerPetition(stack: Stack, petitions: number): Promise<number> {
  let bytes = 0;
  let start: Record<string, never> | undefined;
  do {
    const page = await stack.raw.send(
      new ScanCommand({ TableName: process.env.TABLE_NAME!, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    for (const item of (page.Items ?? []) as Record<string, Attribute>[]) {
      const size = itemSize(item);
      const indexed = Object.keys(item).filter((k) => /^gsi\d+pk$/.test(k)).length;
      // The office, its counters and the report ledger are shared, not the petition's.
      if (/^(OFFICE|REPORT|CONFIG)#?/.test(String(item.pk?.S))) continue;
      bytes += (size + 100) * (1 + indexed);
    }
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  return bytes / petitions;
}

type Attribute = {
  S?: string;
  N?: string;
  B?: Uint8Array;
  BOOL?: boolean;
  NULL?: boolean;
  M?: Record<string, Attribute>;
  L?: Attribute[];
  SS?: string[];
  NS?: string[];
};

/** An item's size as DynamoDB bills it: names and values in UTF-8, numbers about one byte per two digits. */
function itemSize(item: Record<string, Attribute>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + valueSize(value), 0);
}

function valueSize(value: Attribute): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S);
  if (value.N !== undefined) return Math.ceil(value.N.replace(/^-|\./g, '').length / 2) + 1;
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.M) return 3 + itemSize(value.M);
  if (value.L) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
  if (value.SS) return value.SS.reduce((sum, v) => sum + Buffer.byteLength(v), 0);
  if (value.NS) return value.NS.reduce((sum, v) => sum + Math.ceil(v.length / 2) + 1, 0);
  return 0;
}

/** A petition's events in the outbox, oldest first (read outside any sample: the pipe reads the stream, not the table). */
async function outboxEventsOf(db: DynamoDBDocumentClient, petitionId: string): Promise<PetitionEvent[]> {
  const events: PetitionEvent[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanItemsCommand({
        TableName: process.env.TABLE_NAME!,
        FilterExpression: 'entity = :outbox',
        ExpressionAttributeValues: { ':outbox': 'outbox' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const event = JSON.parse(String(item.event)) as PetitionEvent;
      if (event.petitionId === petitionId) events.push(event);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return events.sort((a, b) => a.petitionVersion - b.petitionVersion);
}
