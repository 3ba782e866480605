import { AWS_PRICES, type AwsPrice } from '../../bench/aws-prices';
import {
  billedMs,
  type CostInput,
  costPer1000Petitions,
  formatCostReport,
  gbSeconds,
  type LineItem,
  NOT_MEASURED,
  type OperationUse,
  petitionLife,
} from '../../bench/cost-model';

const MiB = 2 ** 20;
const GB = 2 ** 30;

/** One API operation, twice per petition, half its invocations cold. */
const apiUse: OperationUse = {
  invocations: 1,
  durationMs: 10.2,
  memoryMb: 512,
  initMs: 149.9,
  coldStartShare: 0.5,
  readUnits: 1,
  writeUnits: 4,
  s3ClassA: 1,
  s3ClassB: 2,
  apiRequests: 1,
  busEvents: 1,
  logBytes: 1024,
  accessLogBytes: 512,
  traces: 1,
};

/** The month's report job: 30 runs of 99.5 ms writing 6 files, shared by 500 petitions a month. */
const reportsUse: OperationUse = { ...NOT_MEASURED, invocations: 30, durationMs: 99.5, memoryMb: 512, s3ClassA: 6 };

const example: CostInput = {
  operations: [
    { name: 'api', occurs: { perPetition: 2 }, use: apiUse },
    { name: 'reports', occurs: { perMonth: 1 }, use: reportsUse },
  ],
  petitionsPerMonth: 500,
  stored: { dynamoBytes: MiB, s3Bytes: 3 * MiB, s3Objects: 3 },
};

function line(items: LineItem[], id: LineItem['priceId']): LineItem {
  const found = items.find((i) => i.priceId === id);
  if (!found) throw new Error(`no line for ${id}`);
  return found;
}

describe('Lambda billed duration', () => {
  it('rounds each invocation up to the next millisecond, and a whole millisecond stays as it is', () => {
    expect(billedMs({ durationMs: 10.2 })).toBe(11);
    expect(billedMs({ durationMs: 10 })).toBe(10);
    expect(billedMs({ durationMs: 0.01 })).toBe(1);
  });

  it('bills a cold invocation its INIT and handler as one rounded duration, weighted by the cold share', () => {
    // Warm ⌈10.2⌉ = 11 ms, cold ⌈149.9 + 10.2⌉ = ⌈160.1⌉ = 161 ms; half and half: 86 ms.
    expect(billedMs(apiUse)).toBe(86);
    // 512 MB = 0.5 GB, times 0.086 s.
    expect(gbSeconds(apiUse)).toBeCloseTo(0.043, 12);
  });

  it('refuses a cold-start share outside 0 to 1', () => {
    expect(() => billedMs({ durationMs: 1, coldStartShare: 1.5 })).toThrow('coldStartShare');
  });
});

describe('cost per 1,000 petitions', () => {
  const report = costPer1000Petitions(example);
  const month = report.firstMonth.items;

  it('scales per-petition operations by 1,000 and per-month ones by 1,000 / petitions a month', () => {
    // api: 2 × 1,000 = 2,000 invocations; reports: 30 runs × 1,000 / 500 = 60.
    expect(line(month, 'lambdaRequests').quantity).toBe(2_060);
    // api: 2,000 × 0.043 GB-s = 86; reports: 60 × 0.5 GB × 0.100 s = 3.
    expect(line(month, 'lambdaArmGbSecond').quantity).toBeCloseTo(89, 9);
    expect(line(month, 'dynamoWriteRequestUnits').quantity).toBe(8_000);
    // api: 2,000 PUTs; reports: 6 × 2 = 12.
    expect(line(month, 's3PutCopyPostList').quantity).toBe(2_012);
    expect(line(month, 's3GetAndOther').quantity).toBe(4_000);
  });

  it('prices the first month as computed by hand', () => {
    const expected = {
      lambdaRequests: 2_060 * (0.2 / 1e6), // 0.000412
      lambdaArmGbSecond: 89 * 0.0000133334, // 0.0011866726
      dynamoReadRequestUnits: 2_000 * (0.125 / 1e6), // 0.00025
      dynamoWriteRequestUnits: 8_000 * (0.625 / 1e6), // 0.005
      s3PutCopyPostList: 2_012 * (0.005 / 1_000), // 0.01006
      s3GetAndOther: 4_000 * (0.0004 / 1_000), // 0.0016
      apiGatewayHttpRequests: 2_000 * (1 / 1e6), // 0.002
      eventBridgeCustomEvents: 2_000 * (1 / 1e6), // 0.002
      cloudWatchLogsIngestion: ((1_536 * 2_000) / GB) * 0.5, // 3,072,000 bytes: 0.0014305115
      xRayTracesRecorded: 2_000 * (5 / 1e6), // 0.01
      dynamoStorage: ((MiB * 1_000) / GB) * 0.25, // 0.9765625 GB: 0.244140625
      dynamoPitr: ((MiB * 1_000) / GB) * 0.2, // 0.1953125
      s3Standard: ((3 * MiB * 1_000) / GB) * 0.023, // 90 days in Standard covers the month: 0.0673828125
      cloudWatchLogsStorage: ((1_536 * 2_000) / GB) * 0.03, // one month of both log groups
    };
    for (const [id, usd] of Object.entries(expected)) {
      expect([id, line(month, id as LineItem['priceId']).usd]).toEqual([id, expect.closeTo(usd, 12)]);
    }
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(report.firstMonth.totalUsd).toBeCloseTo(total, 12);
    // Requests $0.0339391841 + storage $0.5069217682.
    expect(report.firstMonth.totalUsd).toBeCloseTo(0.5408609523, 10);
  });

  it('keeps scans in S3 Standard for 90 days and in Standard-IA to day 365 in the first year', () => {
    const year = report.storageFirstYear.items;
    const s3Gb = (3 * MiB * 1_000) / GB; // 2.9296875
    // A month is 365/12 days: 90 days = 2.9589 months, 275 days = 9.0411 months.
    expect(line(year, 's3Standard').usd).toBeCloseTo(s3Gb * (90 / (365 / 12)) * 0.023, 12);
    expect(line(year, 's3StandardIa').usd).toBeCloseTo(s3Gb * (275 / (365 / 12)) * 0.0125, 12);
    expect(line(year, 'dynamoStorage').usd).toBeCloseTo(0.9765625 * 12 * 0.25, 12);
    expect(line(year, 'dynamoPitr').usd).toBeCloseTo(0.9765625 * 12 * 0.2, 12);
    // Function logs are kept 3 months, API access logs 12.
    expect(line(year, 'cloudWatchLogsStorage').quantity).toBeCloseTo(
      ((1_024 * 2_000) / GB) * 3 + ((512 * 2_000) / GB) * 12,
      12,
    );
  });

  it('keeps scans in Glacier Instant Retrieval in later years, and logs no longer', () => {
    const later = report.storageLaterYear.items;
    expect(line(later, 's3GlacierInstantRetrieval').usd).toBeCloseTo(2.9296875 * 12 * 0.004, 12);
    expect(later.map((i) => i.priceId)).toEqual(['dynamoStorage', 'dynamoPitr', 's3GlacierInstantRetrieval']);
  });

  it('reports a quantity whose price AWS did not let us read as not priced, outside the total', () => {
    const transitions = line(report.storageFirstYear.items, 's3TransitionToStandardIa');

    expect(transitions).toMatchObject({ quantity: 3_000, usd: null });
    // No Glacier storage within the first year: day 365 is where it starts.
    expect(report.storageFirstYear.items.some((i) => i.priceId === 's3GlacierInstantRetrieval')).toBe(false);
    expect(report.storageFirstYear.unpriced).toContainEqual(transitions);
    const priced = report.storageFirstYear.items.reduce((sum, i) => sum + (i.usd ?? 0), 0);
    expect(report.storageFirstYear.totalUsd).toBeCloseTo(priced, 12);
  });

  it('itemises by service, and the services add up to the total', () => {
    const services = report.firstMonth.byService.map((s) => s.service);
    expect(services).toEqual(['Lambda', 'DynamoDB', 'S3', 'API Gateway', 'EventBridge', 'CloudWatch Logs', 'X-Ray']);
    const sum = report.firstMonth.byService.reduce((a, s) => a + s.usd, 0);
    expect(sum).toBeCloseTo(report.firstMonth.totalUsd, 12);
  });
});

describe('the price table', () => {
  const prices: Array<[string, AwsPrice]> = Object.entries(AWS_PRICES);

  it.each(prices)('%s names the AWS pricing page it comes from and the day it was read', (_id, price) => {
    expect(price.source).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9-]+\/pricing\//);
    expect(price.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (!price.seenOnAwsPage) expect(price.seenAt ?? price.missing).toMatch(/^(https:\/\/|\S)/);
  });

  it.each(prices)('%s is an exact decimal in USD, or null with the reason it is missing', (_id, price) => {
    if (price.usd === null) expect(price.missing).toMatch(/\w/);
    else expect(price.usd).toMatch(/^\d+\.\d+$/);
  });

  it('says which region each figure is from: us-east-1 for all, since no me-central-1 figure was found', () => {
    expect(new Set(prices.map(([, p]) => p.region))).toEqual(new Set(['us-east-1']));
  });
});

describe('the printed report', () => {
  const measured: OperationUse = { ...NOT_MEASURED, invocations: 1, durationMs: 20, apiRequests: 1, writeUnits: 2 };
  const report = costPer1000Petitions({
    operations: petitionLife({
      draft: measured,
      scanUpload: { ...NOT_MEASURED, s3ClassA: 1, s3BusEvents: 1 },
      scanVerification: measured,
      submit: measured,
      courtAction: measured,
      event: { ...NOT_MEASURED, busEvents: 1, pipesRequests: 1 },
      events: 4,
      notice: measured,
      notices: 3,
      track: measured,
      rating: measured,
      monthlyReports: { ...NOT_MEASURED, invocations: 30, durationMs: 50, s3ClassA: 6 },
    }),
    petitionsPerMonth: 2_000,
    stored: { dynamoBytes: 8_192, s3Bytes: 3 * MiB, s3Objects: 3 },
  });
  const markdown = formatCostReport(report);

  it('says the prices are us-east-1’s, cites every price it used with its page and date', () => {
    expect(markdown).toContain("Every price is us-east-1's");
    for (const { price } of report.prices) expect(markdown).toContain(`${price.source} | ${price.read} |`);
  });

  it('names the operations not measured yet, and the scan events it could not price', () => {
    expect(markdown).toMatch(/\| quote \| 1 \| 0 \| \$0 \| not measured yet: counted as zero \|/);
    expect(markdown).toMatch(/Not priced \(AWS's figure not found\): AWS opt-in data events .*, 3,000/);
  });

  it('counts the average petition of issue 16: 3 scans, 2 court actions, 5 tracks, 1 rating', () => {
    const perPetition = Object.fromEntries(report.byOperation.map((o) => [o.name, o.perPetition]));
    expect(perPetition).toMatchObject({
      'scan verification': 3,
      'court action': 2,
      'citizen track': 5,
      rating: 1,
      'petition event (pipe and bus)': 4,
      'notice (AWS side)': 3,
      'monthly reports (share)': 1 / 2_000,
    });
  });
});
