import {
  AWS_PRICES,
  type AwsPrice,
  DEPLOYMENT_REGION,
  type PriceId,
  type PriceTable,
  type Service,
  unitPrice,
} from './aws-prices';

/**
 * The cost of 1,000 petitions, from what the bench measured and AWS's published prices (aws-prices.ts).
 *
 * Pure: everything comes in as arguments, so the arithmetic can be checked by hand (test/unit/cost-model.test.ts)
 * and the bench only has to measure. Every assumption is written here and repeated in the printed output.
 *
 * Wiring, in bench/run.ts once the measurements exist:
 *
 *   const report = costPer1000Petitions({ operations: petitionLife(measured), petitionsPerMonth, stored });
 *   console.log(`\n${formatCostReport(report)}`);
 *
 * where `measured` holds one OperationUse per step of the petition's life (PetitionLifeMeasurements), each from
 * the capacity meter, the handler timings, and the S3, API, bus and log counts of that step in the local stack.
 */

/** What one occurrence of an operation uses, as the bench measured it. Quantities are per occurrence. */
export interface OperationUse {
  /** Lambda invocations (0 where no function runs, as for the browser's own PUT of a scan). */
  invocations: number;
  /** Measured handler duration of one invocation, ms. Lambda bills each invocation rounded up to the next ms. */
  durationMs: number;
  /** The function's configured memory, MB (512 for every function: infra/service-function.ts). */
  memoryMb: number;
  /** Measured INIT duration of a cold start, ms. Billed since 2025-08-01 for zip functions on managed runtimes. */
  initMs?: number;
  /**
   * Share of the invocations that meet a cold function, 0 to 1. A traffic assumption, not a measurement: at one
   * province's traffic most requests to a route meet a cold function (issue 16), so the bench should say which
   * share it assumed. Absent: 0.
   */
  coldStartShare?: number;
  /** Consumed read and write units over the data table, its indexes and the idempotency table (ReturnConsumedCapacity). */
  readUnits: number;
  writeUnits: number;
  /** S3 requests by price class: PUT, COPY, POST, LIST and PutObjectTagging (A); GET, HEAD, GetObjectTagging and the rest (B). */
  s3ClassA: number;
  s3ClassB: number;
  /** HTTP API requests, counted as API Gateway meters them: one per 512 KB. */
  apiRequests: number;
  /** Custom events put on the event bus, one per 64 KB chunk. */
  busEvents: number;
  /** S3 "Object Created" events delivered to EventBridge (AWS opt-in data events, priced apart from custom events). */
  s3BusEvents?: number;
  pipesRequests?: number;
  sqsRequests?: number;
  /** Bytes written to the function's log group: its own JSON lines and Lambda's START, END and REPORT lines. */
  logBytes?: number;
  /** Bytes written to the API's access log group (one line per request). */
  accessLogBytes?: number;
  /** X-Ray traces recorded: one per sampled request or event, the whole chain of calls being one trace. */
  traces?: number;
}

/** How often an operation happens: per petition (3 scans, 5 tracks), or per month, shared by the month's petitions. */
export type Occurrence = { perPetition: number } | { perMonth: number };

export interface Operation {
  name: string;
  occurs: Occurrence;
  use: OperationUse;
  /** Shown next to the operation in the output, e.g. that it was not measured yet. */
  note?: string;
}

/** What one petition keeps, measured. */
export interface StoredPerPetition {
  /**
   * Bytes in DynamoDB as billed: the petition's items and their index entries, with DynamoDB's per-item overhead
   * (counters and idempotency records that belong to it included). Billed on the table size, PITR too.
   */
  dynamoBytes: number;
  /** Bytes of its scans in S3 (3 scans of 1 MB). */
  s3Bytes: number;
  /** S3 objects (3 scans): each lifecycle transition is one request per object. */
  s3Objects: number;
}

/** The stack's settings the cost depends on (infra/stateful-stack.ts, infra/service-function.ts, infra/stateless-stack.ts). */
export interface StackSettings {
  /** Days a scan stays in S3 Standard before the lifecycle moves it to Standard-IA. */
  standardDays: number;
  /** Days after upload when it moves on to Glacier Instant Retrieval. */
  glacierInstantRetrievalDays: number;
  functionLogRetentionMonths: number;
  accessLogRetentionMonths: number;
  pointInTimeRecovery: boolean;
}

export const STACK_SETTINGS: StackSettings = {
  standardDays: 90,
  glacierInstantRetrievalDays: 365,
  functionLogRetentionMonths: 3,
  accessLogRetentionMonths: 12,
  pointInTimeRecovery: true,
};

export interface CostInput {
  operations: readonly Operation[];
  /** Petitions a month, to share the per-month operations (the report job) among them. */
  petitionsPerMonth: number;
  stored: StoredPerPetition;
  settings?: StackSettings;
}

export interface LineItem {
  service: Service;
  priceId: PriceId;
  item: string;
  /** Per 1,000 petitions, in `unit`. */
  quantity: number;
  unit: string;
  /** USD per 1,000 petitions; null when AWS's figure was not found (the quantity is still reported). */
  usd: number | null;
}

export interface CostSection {
  title: string;
  items: LineItem[];
  byService: Array<{ service: Service; usd: number }>;
  /** Priced items only; `unpriced` lists the rest. */
  totalUsd: number;
  unpriced: LineItem[];
}

export interface OperationCost {
  name: string;
  perPetition: number;
  /** Billed Lambda ms of one occurrence (all its invocations, cold starts weighted in). */
  billedMs: number;
  /** USD per 1,000 petitions for this operation's requests, storage left out. */
  usd: number;
  note?: string;
}

export interface CostReport {
  petitions: number;
  firstMonth: CostSection;
  storageFirstYear: CostSection;
  storageLaterYear: CostSection;
  byOperation: OperationCost[];
  assumptions: string[];
  prices: Array<{ id: PriceId; price: AwsPrice }>;
}

export const PETITIONS = 1_000;
const BYTES_PER_GB = 2 ** 30;
const DAYS_PER_MONTH = 365 / 12;
const SERVICES: readonly Service[] = [
  'Lambda',
  'DynamoDB',
  'S3',
  'API Gateway',
  'EventBridge',
  'CloudWatch Logs',
  'X-Ray',
  'SQS',
];

/**
 * Billed Lambda ms of one invocation, cold starts weighted in: a warm one is billed ⌈d⌉, a cold one ⌈i + d⌉
 * (INIT and handler are one billed duration), so the expected billed time is (1 − c)·⌈d⌉ + c·⌈i + d⌉.
 */
export function billedMs(use: Pick<OperationUse, 'durationMs' | 'initMs' | 'coldStartShare'>): number {
  const cold = use.coldStartShare ?? 0;
  if (cold < 0 || cold > 1) throw new Error(`coldStartShare must be between 0 and 1, not ${cold}`);
  const warm = Math.ceil(use.durationMs);
  return (1 - cold) * warm + cold * Math.ceil((use.initMs ?? 0) + use.durationMs);
}

/** GB-seconds of one invocation: memory in GB (MB / 1024) times billed seconds. */
export function gbSeconds(use: Pick<OperationUse, 'durationMs' | 'initMs' | 'coldStartShare' | 'memoryMb'>): number {
  return (use.memoryMb / 1024) * (billedMs(use) / 1000);
}

function perPetition(occurs: Occurrence, petitionsPerMonth: number): number {
  if ('perPetition' in occurs) return occurs.perPetition;
  if (!(petitionsPerMonth > 0)) throw new Error('petitionsPerMonth must be positive to share per-month operations');
  return occurs.perMonth / petitionsPerMonth;
}

/** The request-driven quantities of one occurrence, by the price that applies to each. */
function requestQuantities(use: OperationUse): Array<[PriceId, number]> {
  return [
    ['lambdaRequests', use.invocations],
    ['lambdaArmGbSecond', use.invocations * gbSeconds(use)],
    ['dynamoReadRequestUnits', use.readUnits],
    ['dynamoWriteRequestUnits', use.writeUnits],
    ['s3PutCopyPostList', use.s3ClassA],
    ['s3GetAndOther', use.s3ClassB],
    ['apiGatewayHttpRequests', use.apiRequests],
    ['eventBridgeCustomEvents', use.busEvents],
    ['eventBridgeOptInDataEvents', use.s3BusEvents ?? 0],
    ['eventBridgePipesRequests', use.pipesRequests ?? 0],
    ['sqsStandardRequests', use.sqsRequests ?? 0],
    ['cloudWatchLogsIngestion', ((use.logBytes ?? 0) + (use.accessLogBytes ?? 0)) / BYTES_PER_GB],
    ['xRayTracesRecorded', use.traces ?? 0],
  ];
}

class Ledger {
  private readonly quantities = new Map<PriceId, number>();

  constructor(private readonly prices: PriceTable) {}

  add(id: PriceId, quantity: number): void {
    if (!Number.isFinite(quantity) || quantity < 0) throw new Error(`${id}: quantity ${quantity} is not a usage`);
    this.quantities.set(id, (this.quantities.get(id) ?? 0) + quantity);
  }

  section(title: string): CostSection {
    const items: LineItem[] = [];
    for (const [id, quantity] of this.quantities) {
      if (quantity === 0) continue;
      const price = this.prices[id];
      const perUnit = unitPrice(price);
      items.push({
        service: price.service,
        priceId: id,
        item: price.item,
        quantity,
        unit: price.unit,
        usd: perUnit === null ? null : quantity * perUnit,
      });
    }
    items.sort((a, b) => SERVICES.indexOf(a.service) - SERVICES.indexOf(b.service));
    const byService = SERVICES.map((service) => ({
      service,
      usd: items.filter((i) => i.service === service).reduce((sum, i) => sum + (i.usd ?? 0), 0),
    })).filter((s) => items.some((i) => i.service === s.service));
    return {
      title,
      items,
      byService,
      totalUsd: byService.reduce((sum, s) => sum + s.usd, 0),
      unpriced: items.filter((i) => i.usd === null),
    };
  }
}

/**
 * Months of storage for one GB-month line: the first month holds one month of everything; the first year holds
 * the S3 lifecycle (Standard to day 90, Standard-IA to day 365); later years hold Glacier Instant Retrieval.
 */
function addStorage(
  ledger: Ledger,
  period: 'first-month' | 'first-year' | 'later-year',
  stored: StoredPerPetition,
  logs: { functionGb: number; accessGb: number },
  settings: StackSettings,
): void {
  const dynamoGb = (stored.dynamoBytes * PETITIONS) / BYTES_PER_GB;
  const s3Gb = (stored.s3Bytes * PETITIONS) / BYTES_PER_GB;
  const objects = stored.s3Objects * PETITIONS;
  const months = period === 'first-month' ? 1 : 12;
  ledger.add('dynamoStorage', dynamoGb * months);
  if (settings.pointInTimeRecovery) ledger.add('dynamoPitr', dynamoGb * months);
  if (period === 'first-month') {
    ledger.add('s3Standard', s3Gb * Math.min(1, settings.standardDays / DAYS_PER_MONTH));
    ledger.add('s3StandardIa', s3Gb * Math.max(0, 1 - settings.standardDays / DAYS_PER_MONTH));
  } else if (period === 'first-year') {
    // Whole days, so that the three classes add up to the year exactly.
    const standardDays = Math.min(settings.standardDays, 365);
    const iaDays = Math.max(0, Math.min(settings.glacierInstantRetrievalDays, 365) - standardDays);
    ledger.add('s3Standard', (s3Gb * standardDays) / DAYS_PER_MONTH);
    ledger.add('s3StandardIa', (s3Gb * iaDays) / DAYS_PER_MONTH);
    ledger.add('s3GlacierInstantRetrieval', (s3Gb * (365 - standardDays - iaDays)) / DAYS_PER_MONTH);
    if (iaDays > 0) ledger.add('s3TransitionToStandardIa', objects);
    // The move to Glacier Instant Retrieval on day 365 closes the first year.
    if (settings.glacierInstantRetrievalDays <= 365) ledger.add('s3TransitionToGlacierInstantRetrieval', objects);
  } else {
    ledger.add('s3GlacierInstantRetrieval', s3Gb * 12);
  }
  // Logs are kept as long as their group's retention, counted at the ingested size.
  const logMonths = (retention: number) =>
    period === 'first-month'
      ? Math.min(1, retention)
      : period === 'first-year'
        ? Math.min(12, retention)
        : Math.max(0, retention - 12);
  ledger.add('cloudWatchLogsStorage', logs.functionGb * logMonths(settings.functionLogRetentionMonths));
  ledger.add('cloudWatchLogsStorage', logs.accessGb * logMonths(settings.accessLogRetentionMonths));
}

export function costPer1000Petitions(input: CostInput, prices: PriceTable = AWS_PRICES): CostReport {
  const settings = input.settings ?? STACK_SETTINGS;
  const firstMonth = new Ledger(prices);
  const byOperation: OperationCost[] = [];
  const logs = { functionGb: 0, accessGb: 0 };

  for (const operation of input.operations) {
    const times = perPetition(operation.occurs, input.petitionsPerMonth) * PETITIONS;
    const own = new Ledger(prices);
    for (const [id, quantity] of requestQuantities(operation.use)) {
      firstMonth.add(id, quantity * times);
      own.add(id, quantity * times);
    }
    logs.functionGb += ((operation.use.logBytes ?? 0) * times) / BYTES_PER_GB;
    logs.accessGb += ((operation.use.accessLogBytes ?? 0) * times) / BYTES_PER_GB;
    byOperation.push({
      name: operation.name,
      perPetition: times / PETITIONS,
      billedMs: operation.use.invocations * billedMs(operation.use),
      usd: own.section(operation.name).totalUsd,
      ...(operation.note ? { note: operation.note } : {}),
    });
  }
  addStorage(firstMonth, 'first-month', input.stored, logs, settings);

  const firstYear = new Ledger(prices);
  addStorage(firstYear, 'first-year', input.stored, logs, settings);
  const laterYear = new Ledger(prices);
  addStorage(laterYear, 'later-year', input.stored, logs, settings);

  const used = new Set<PriceId>();
  for (const section of [firstMonth, firstYear, laterYear].map((l) => l.section(''))) {
    for (const item of section.items) used.add(item.priceId);
  }
  return {
    petitions: PETITIONS,
    firstMonth: firstMonth.section('First month: every request of the petition’s life and one month of its storage'),
    storageFirstYear: firstYear.section(
      `Storage, first year: scans ${settings.standardDays} days in S3 Standard, then Standard-IA to day ` +
        `${settings.glacierInstantRetrievalDays}`,
    ),
    storageLaterYear: laterYear.section('Storage, each later year: scans in S3 Glacier Instant Retrieval'),
    byOperation,
    assumptions: assumptions(input, settings, prices),
    prices: (Object.keys(prices) as PriceId[]).filter((id) => used.has(id)).map((id) => ({ id, price: prices[id] })),
  };
}

function assumptions(input: CostInput, settings: StackSettings, prices: PriceTable): string[] {
  const regions = new Set(Object.values(prices).map((p) => p.region));
  const foreign = Object.entries(prices).filter(([, p]) => p.region !== DEPLOYMENT_REGION);
  return [
    regions.size === 1 && regions.has('us-east-1')
      ? `Every price is us-east-1's: no ${DEPLOYMENT_REGION} (Middle East (UAE)) figure could be read in AWS's pricing ` +
        'pages, whose price tables fill in the browser. Expect the UAE region to cost more.'
      : `Prices from us-east-1 where ${DEPLOYMENT_REGION}'s were not found: ${foreign.map(([id]) => id).join(', ')}.`,
    'Free tiers are left out: they are per account and month, shared by all traffic.',
    'Lambda (arm64): each invocation is billed ⌈handler ms⌉; a cold one ⌈INIT + handler ms⌉ (INIT billed since ' +
      '2025-08-01), weighted by the cold-start share passed in; GB-seconds = memory MB / 1024 × billed ms / 1000.',
    'DynamoDB on demand: read and write units as consumed in the bench (ReturnConsumedCapacity, indexes included). ' +
      'Storage and PITR on the bytes the petition keeps, items and index entries; PITR is billed on table size.',
    `S3: scans ${settings.standardDays} days in Standard, Standard-IA to day ${settings.glacierInstantRetrievalDays}, ` +
      'then Glacier Instant Retrieval (the documents bucket’s lifecycle); one transition request per object. ' +
      'Drafts never submitted (expired), old versions and quarantined uploads are not modelled.',
    'A month is 365/12 days; a GB is 2^30 bytes. The first month holds one whole month of storage; the first ' +
      'year’s storage includes that month, so a petition’s first year costs the first month’s requests plus it.',
    `Per-month operations (the report job and its S3 files) are shared by ` +
      `${input.petitionsPerMonth.toLocaleString('en-US')} petitions a month.`,
    'Every request of a petition’s life is counted in its first month, even the court actions and tracks that come later.',
    `Logs kept ${settings.functionLogRetentionMonths} months (functions) and ${settings.accessLogRetentionMonths} ` +
      '(API access logs), stored at their ingested size.',
    'Not included: data transfer out (API answers, scan downloads), Cognito, KMS, CloudWatch metrics, alarms and ' +
      'the dashboard, and the SMS provider (outside AWS: only the notifier’s AWS side is counted).',
  ];
}

/** An occurrence that uses nothing, for operations the bench does not measure yet (the quote and the payment). */
export const NOT_MEASURED: OperationUse = {
  invocations: 0,
  durationMs: 0,
  memoryMb: 512,
  readUnits: 0,
  writeUnits: 0,
  s3ClassA: 0,
  s3ClassB: 0,
  apiRequests: 0,
  busEvents: 0,
};

/** The average petition of issue 16. */
export const AVERAGE_PETITION = { scans: 3, courtActions: 2, tracks: 5, ratings: 1 } as const;

/** Per occurrence: a scan's upload and verification are per scan, a court action per action, a notice per notice. */
export interface PetitionLifeMeasurements {
  /** POST /v1/petitions with the 3 scans declared (presigned uploads). */
  draft: OperationUse;
  /** The browser's PUT of one scan to its presigned URL: S3 class A, its "Object Created" event, no Lambda. */
  scanUpload: OperationUse;
  /** verify-document on one scan. */
  scanVerification: OperationUse;
  /** Absent until the bench measures them: counted as zero, and the output says so. */
  quote?: OperationUse;
  payment?: OperationUse;
  submit: OperationUse;
  courtAction: OperationUse;
  /** One event of the petition: its outbox record through the pipe, onto the bus. */
  event: OperationUse;
  /** Events a petition emits, as measured (its outbox items), whichever rules take them. */
  events: number;
  /** One notice: the notifier's invocation on an event its rule takes (the event is counted above). */
  notice: OperationUse;
  /** Notices a petition gets, as measured (events the notifier acts on). */
  notices: number;
  /** The document keeper on the submission's event: the scans re-tagged as kept (the event is counted above). */
  keep?: OperationUse;
  track: OperationUse;
  rating: OperationUse;
  /** The whole month of the report job: its runs, reads and S3 files. */
  monthlyReports: OperationUse;
}

export function petitionLife(m: PetitionLifeMeasurements): Operation[] {
  const unmeasured = 'not measured yet: counted as zero';
  return [
    { name: 'draft (create)', occurs: { perPetition: 1 }, use: m.draft },
    { name: 'scan upload (browser PUT)', occurs: { perPetition: AVERAGE_PETITION.scans }, use: m.scanUpload },
    { name: 'scan verification', occurs: { perPetition: AVERAGE_PETITION.scans }, use: m.scanVerification },
    {
      name: 'quote',
      occurs: { perPetition: 1 },
      use: m.quote ?? NOT_MEASURED,
      ...(m.quote ? {} : { note: unmeasured }),
    },
    {
      name: 'payment',
      occurs: { perPetition: 1 },
      use: m.payment ?? NOT_MEASURED,
      ...(m.payment ? {} : { note: unmeasured }),
    },
    { name: 'submit', occurs: { perPetition: 1 }, use: m.submit },
    { name: 'court action', occurs: { perPetition: AVERAGE_PETITION.courtActions }, use: m.courtAction },
    { name: 'petition event (pipe and bus)', occurs: { perPetition: m.events }, use: m.event },
    { name: 'notice (AWS side)', occurs: { perPetition: m.notices }, use: m.notice },
    {
      name: 'scans kept (document keeper)',
      occurs: { perPetition: 1 },
      use: m.keep ?? NOT_MEASURED,
      ...(m.keep ? {} : { note: unmeasured }),
    },
    { name: 'citizen track', occurs: { perPetition: AVERAGE_PETITION.tracks }, use: m.track },
    { name: 'rating', occurs: { perPetition: AVERAGE_PETITION.ratings }, use: m.rating },
    { name: 'monthly reports (share)', occurs: { perMonth: 1 }, use: m.monthlyReports },
  ];
}

/** Dollars readable at any size: cents to four places, smaller amounts to three significant digits. */
export function usd(amount: number | null): string {
  if (amount === null) return 'not priced';
  if (amount === 0) return '$0';
  return amount >= 0.01 ? `$${amount.toFixed(4)}` : `$${amount.toPrecision(3)}`;
}

function quantity(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value >= 100 ? value.toLocaleString('en-US', { maximumFractionDigits: 1 }) : value.toPrecision(4);
}

function sectionTable(section: CostSection): string[] {
  const lines = [
    `### ${section.title}`,
    '',
    '| service | item | quantity | unit | USD |',
    '| --- | --- | ---: | --- | ---: |',
  ];
  for (const item of section.items) {
    lines.push(`| ${item.service} | ${item.item} | ${quantity(item.quantity)} | ${item.unit} | ${usd(item.usd)} |`);
  }
  lines.push(`| **total** | | | | **${usd(section.totalUsd)}** |`, '');
  lines.push(`By service: ${section.byService.map((s) => `${s.service} ${usd(s.usd)}`).join(' · ')}.`);
  if (section.unpriced.length > 0) {
    lines.push(
      `Not priced (AWS's figure not found): ${section.unpriced.map((i) => `${i.item}, ${quantity(i.quantity)}`).join('; ')}.`,
    );
  }
  lines.push('');
  return lines;
}

/** The report as Markdown, for `npm run bench` to print. */
export function formatCostReport(report: CostReport): string {
  const lines = [`## Cost per ${report.petitions.toLocaleString('en-US')} petitions`, ''];
  lines.push(
    ...sectionTable(report.firstMonth),
    ...sectionTable(report.storageFirstYear),
    ...sectionTable(report.storageLaterYear),
  );
  lines.push('### By operation (first month, requests only)', '');
  lines.push('| operation | per petition | Lambda ms billed each | USD per 1,000 petitions | note |');
  lines.push('| --- | ---: | ---: | ---: | --- |');
  for (const op of report.byOperation) {
    lines.push(
      `| ${op.name} | ${quantity(op.perPetition)} | ${quantity(op.billedMs)} | ${usd(op.usd)} | ${op.note ?? ''} |`,
    );
  }
  lines.push('', '### Assumptions', '', ...report.assumptions.map((a) => `- ${a}`), '');
  lines.push('### Prices used (USD, as published; read on the date shown)', '');
  lines.push('| price | USD | per | region | read on an AWS page | source | read |');
  lines.push('| --- | ---: | --- | --- | --- | --- | --- |');
  for (const { id, price } of report.prices) {
    const seen = `${price.seenOnAwsPage ? 'yes' : 'no'}${price.seenAt ? `: ${price.seenAt}` : price.usd === null ? ': not found' : ''}`;
    lines.push(
      `| ${id} | ${price.usd ?? `not found: ${price.missing ?? ''}`} | ${price.per.toLocaleString('en-US')} ${price.unit} | ` +
        `${price.region} | ${seen} | ${price.source} | ${price.read} |`,
    );
  }
  return lines.join('\n');
}
