/**
 * AWS's published on-demand prices that the cost of a petition is made of, with where each was read.
 *
 * The stack deploys to me-central-1 (Middle East (UAE)). No me-central-1 figure could be read: AWS's pricing
 * pages fill their price tables in the browser from a price feed, so the stored copies the search tool holds
 * show placeholders there, and only the worked examples, FAQs and blog posts carry numbers, all of them US East
 * (N. Virginia). Every figure below is therefore us-east-1's, and says so (`region`). Middle East regions are
 * usually priced above us-east-1 (artillery's Lambda table, https://app.unpkg.com/artillery@2.0.28/files/lib/platform/
 * aws-lambda/prices.js, has me-central-1's Arm GB-second 24% above us-east-1's), so the totals likely understate
 * the cost in me-central-1.
 *
 * `seenOnAwsPage` tells the two kinds of figure apart: true when the number itself was read on an AWS page
 * (aws.amazon.com, docs.aws.amazon.com); false when the AWS pricing page only names the item and the number
 * was read in a third-party guide that quotes it (`seenAt`). A figure found nowhere is `usd: null` with the
 * reason, and the cost model reports its quantity as not priced instead of inventing a price.
 *
 * Figures are exact decimal strings as published, in USD per `per` units of `unit`. Free tiers are left out:
 * they are per account and month, shared by all traffic, so they do not lower the cost of one more petition.
 */

export type PriceRegion = 'me-central-1' | 'us-east-1';

export const DEPLOYMENT_REGION: PriceRegion = 'me-central-1';

export type Service =
  | 'Lambda'
  | 'DynamoDB'
  | 'S3'
  | 'API Gateway'
  | 'EventBridge'
  | 'CloudWatch Logs'
  | 'X-Ray'
  | 'SQS';

export interface AwsPrice {
  service: Service;
  item: string;
  /** USD per `per` units, exactly as published; null when the figure could not be found. */
  usd: string | null;
  per: number;
  unit: string;
  /** Whose price this is: the deployment region's, or us-east-1's where that was all that could be found. */
  region: PriceRegion;
  /** The AWS pricing page the figure belongs to. */
  source: string;
  /** Where the number was read, when not on `source` itself. */
  seenAt?: string;
  seenOnAwsPage: boolean;
  /** The day the figure was read (ISO date). */
  read: string;
  note?: string;
  /** Why `usd` is null. */
  missing?: string;
}

const READ = '2026-11-28';

export const AWS_PRICES = {
  lambdaRequests: {
    service: 'Lambda',
    item: 'Requests (x86 and Arm alike)',
    usd: '0.20',
    per: 1_000_000,
    unit: 'request',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/lambda/pricing/',
    seenAt: 'https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/',
    seenOnAwsPage: true,
    read: READ,
    note: 'AWS News Blog worked example "in US East (N. Virginia)": "$0.20 per 1M requests"; duration rounds up to 1 ms.',
  },
  lambdaArmGbSecond: {
    service: 'Lambda',
    item: 'Duration, Arm (Graviton2), first 7.5 billion GB-seconds a month',
    usd: '0.0000133334',
    per: 1,
    unit: 'GB-second',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/lambda/pricing/',
    seenAt: 'https://cloudchipr.com/blog/aws-lambda-pricing',
    seenOnAwsPage: false,
    read: READ,
    note:
      'AWS pages read: x86 "$0.0000166667 for every GB-second" in US East (1 ms billing blog) and Arm duration "20 percent ' +
      'lower" (https://aws.amazon.com/blogs/aws/aws-lambda-functions-powered-by-aws-graviton2-processor-run-your-' +
      'functions-on-arm-and-get-up-to-34-better-price-performance/), which the quoted $0.0000133334 matches. ' +
      'INIT (cold start) duration is billed too since 2025-08-01 ' +
      '(https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/).',
  },
  dynamoWriteRequestUnits: {
    service: 'DynamoDB',
    item: 'On-demand write request units (Standard table class)',
    usd: '0.625',
    per: 1_000_000,
    unit: 'write request unit',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    seenAt: 'https://airbyte.com/data-engineering-resources/dynamodb-pricing',
    seenOnAwsPage: false,
    read: READ,
    note: 'After the November 2024 on-demand price cut; quoted as "Current Pricing Structure (US East)".',
  },
  dynamoReadRequestUnits: {
    service: 'DynamoDB',
    item: 'On-demand read request units (Standard table class)',
    usd: '0.125',
    per: 1_000_000,
    unit: 'read request unit',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    seenAt: 'https://airbyte.com/data-engineering-resources/dynamodb-pricing',
    seenOnAwsPage: false,
    read: READ,
  },
  dynamoStorage: {
    service: 'DynamoDB',
    item: 'Data storage (table and index entries), after the first 25 GB a month',
    usd: '0.25',
    per: 1,
    unit: 'GB-month',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/dynamodb/pricing/',
    seenOnAwsPage: true,
    read: READ,
    note: 'The page says "prices start from $0.25 per GB-month": the lowest regional price, taken as us-east-1\'s.',
  },
  dynamoPitr: {
    service: 'DynamoDB',
    item: 'Continuous backups (point-in-time recovery), by table size',
    usd: '0.20',
    per: 1,
    unit: 'GB-month',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    seenAt: 'https://finops.com.py/services/dynamodb/backups',
    seenOnAwsPage: false,
    read: READ,
    note:
      'Billed on the table size including local secondary indexes, whatever the recovery period ' +
      '(https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html).',
  },
  s3Standard: {
    service: 'S3',
    item: 'S3 Standard storage, first 50 TB a month',
    usd: '0.023',
    per: 1,
    unit: 'GB-month',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/s3/pricing/',
    seenAt: 'https://costnimbus.com/article/s3-storage-classes-cost-guide',
    seenOnAwsPage: false,
    read: READ,
    note: 'Quoted "as of March 2026 (US East — N. Virginia)".',
  },
  s3StandardIa: {
    service: 'S3',
    item: 'S3 Standard-Infrequent Access storage (30-day, 128 KB minimums)',
    usd: '0.0125',
    per: 1,
    unit: 'GB-month',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/s3/pricing/',
    seenAt: 'https://costnimbus.com/article/s3-storage-classes-cost-guide',
    seenOnAwsPage: false,
    read: READ,
  },
  s3GlacierInstantRetrieval: {
    service: 'S3',
    item: 'S3 Glacier Instant Retrieval storage (90-day, 128 KB minimums)',
    usd: '0.004',
    per: 1,
    unit: 'GB-month',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/s3/pricing/',
    seenAt: 'https://costnimbus.com/article/s3-storage-classes-cost-guide',
    seenOnAwsPage: false,
    read: READ,
  },
  s3PutCopyPostList: {
    service: 'S3',
    item: 'PUT, COPY, POST, LIST requests (S3 Standard)',
    usd: '0.005',
    per: 1_000,
    unit: 'request',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/s3/pricing/',
    seenAt: 'https://c3x.dev/blog/s3-request-fees-explained',
    seenOnAwsPage: false,
    read: READ,
    note: 'PutObjectTagging is billed in this class too (it is a PUT).',
  },
  s3GetAndOther: {
    service: 'S3',
    item: 'GET, SELECT and all other requests (S3 Standard)',
    usd: '0.0004',
    per: 1_000,
    unit: 'request',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/s3/pricing/',
    seenAt: 'https://c3x.dev/blog/s3-request-fees-explained',
    seenOnAwsPage: false,
    read: READ,
  },
  s3TransitionToStandardIa: {
    service: 'S3',
    item: 'Lifecycle transition requests into Standard-IA',
    usd: null,
    per: 1_000,
    unit: 'request',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/s3/pricing/',
    seenOnAwsPage: false,
    read: READ,
    missing:
      'The page names the charge but its table was not readable, and no guide read quoted the us-east-1 figure ' +
      '(one quoted "$0.01 and $0.06 per 1000" for transitions in Frankfurt, by class).',
  },
  s3TransitionToGlacierInstantRetrieval: {
    service: 'S3',
    item: 'Lifecycle transition requests into Glacier Instant Retrieval',
    usd: null,
    per: 1_000,
    unit: 'request',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/s3/pricing/',
    seenOnAwsPage: false,
    read: READ,
    missing: 'As for Standard-IA: the page names the charge, its table was not readable, and no guide read quoted it.',
  },
  apiGatewayHttpRequests: {
    service: 'API Gateway',
    item: 'HTTP API requests, first 300 million a month (metered in 512 KB increments)',
    usd: '1.00',
    per: 1_000_000,
    unit: 'request',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/api-gateway/pricing/',
    seenAt:
      'https://docs.aws.amazon.com/fr_fr/whitepapers/latest/best-practices-api-gateway-private-apis-integration/' +
      'cost-optimization.html',
    seenOnAwsPage: true,
    read: READ,
    note: 'AWS whitepaper, Table 4: "API calls (us-east-1); First 300 million requests (per month): $1.00 (per million)".',
  },
  eventBridgeCustomEvents: {
    service: 'EventBridge',
    item: 'Custom events published to an event bus (each 64 KB chunk is one event)',
    usd: '1.00',
    per: 1_000_000,
    unit: 'event',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/eventbridge/pricing/',
    seenAt: 'https://cloudburn.io/blog/amazon-eventbridge-pricing',
    seenOnAwsPage: false,
    read: READ,
    note: 'The 64 KB chunk rule was read on the AWS page; the figure is quoted "for US East (N. Virginia) as of March 2026".',
  },
  eventBridgeOptInDataEvents: {
    service: 'EventBridge',
    item: 'AWS opt-in data events (S3 "Object Created" delivered to EventBridge)',
    usd: null,
    per: 1_000_000,
    unit: 'event',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/eventbridge/pricing/',
    seenOnAwsPage: false,
    read: READ,
    missing:
      'The page names "AWS opt-in data events" (S3 data plane events) as a kind of its own, but its price table ' +
      'was not readable and no guide read quoted it.',
  },
  eventBridgePipesRequests: {
    service: 'EventBridge',
    item: 'Pipes requests (after filtering, 64 KB chunks)',
    usd: '0.40',
    per: 1_000_000,
    unit: 'request',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/eventbridge/pricing/',
    seenAt: 'https://cloudburn.io/blog/amazon-eventbridge-pricing',
    seenOnAwsPage: false,
    read: READ,
  },
  cloudWatchLogsIngestion: {
    service: 'CloudWatch Logs',
    item: 'Logs ingested (Standard log class)',
    usd: '0.50',
    per: 1,
    unit: 'GB',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
    seenAt: 'https://c3x.dev/blog/cloudwatch-logs-cost-optimization',
    seenOnAwsPage: false,
    read: READ,
    note: 'Quoted "us-east-1, June 2026".',
  },
  cloudWatchLogsStorage: {
    service: 'CloudWatch Logs',
    item: 'Logs stored (archived)',
    usd: '0.03',
    per: 1,
    unit: 'GB-month',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
    seenAt: 'https://c3x.dev/blog/cloudwatch-logs-cost-optimization',
    seenOnAwsPage: false,
    read: READ,
  },
  xRayTracesRecorded: {
    service: 'X-Ray',
    item: 'Traces recorded, after the first 100,000 a month',
    usd: '5.00',
    per: 1_000_000,
    unit: 'trace',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/xray/pricing/',
    seenAt: 'https://aws.amazon.com/de/xray/pricing/',
    seenOnAwsPage: true,
    read: READ,
    note:
      'AWS page: "5 USD pro Million (0,000005 USD pro Ablaufverfolgung)". The page names no region; taken as ' +
      "us-east-1's like the other figures.",
  },
  sqsStandardRequests: {
    service: 'SQS',
    item: 'Standard queue requests (each 64 KB chunk is one request)',
    usd: '0.40',
    per: 1_000_000,
    unit: 'request',
    region: 'us-east-1',
    source: 'https://aws.amazon.com/sqs/pricing/',
    seenAt: 'https://cloudburn.io/blog/amazon-sqs-pricing',
    seenOnAwsPage: false,
    read: READ,
    note: 'Only the dead-letter queues use SQS: zero requests while nothing fails.',
  },
} as const satisfies Record<string, AwsPrice>;

export type PriceTable = Record<keyof typeof AWS_PRICES, AwsPrice>;
export type PriceId = keyof PriceTable;

/** USD per single unit (one request, one GB-second), or null when the figure was not found. */
export function unitPrice(price: AwsPrice): number | null {
  return price.usd === null ? null : Number(price.usd) / price.per;
}
