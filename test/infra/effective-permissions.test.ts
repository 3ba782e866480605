import type { PolicyStatement } from '../../local/aws-edge/iam-evaluator';
import { instantiatePolicies, type PolicySet } from '../../local/aws-edge/policies';
import { synthesizedPolicies } from '../support/aws-edge';

/**
 * Each function's effective DynamoDB and S3 permissions, read from the synthesized templates the
 * way the local runtime reads them (so this also checks that extraction), printed as a table and
 * compared with the exact expectation below. A grant added, removed or widened shows up here.
 */
let policies: PolicySet;
beforeAll(() => {
  // Synthesized from the CDK app by the jest global setup (test/support/global-setup.ts).
  policies = instantiatePolicies(synthesizedPolicies(), {
    dataTable: 'data',
    idempotencyTable: 'idempotency',
    documentsBucket: 'documents',
    reportsBucket: 'reports',
  });
});

/** Tracking codes, petitions and offices: the partitions a citizen's request may read. */
const CITIZEN_READ =
  'dynamodb:GetItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys TRACK#*|PETITION#*|OFFICE#* ' +
  'AND Null dynamodb:LeadingKeys false';
const ITEMS = 'dynamodb:GetItem,dynamodb:PutItem on table/data';
const ITEMS_AND_COUNTERS = 'dynamodb:GetItem,dynamodb:PutItem,dynamodb:UpdateItem on table/data';
const REPORT_READS = [
  'dynamodb:BatchGetItem,dynamodb:GetItem on table/data',
  'dynamodb:Query on table/data/index/gsi3',
];
// Uploads carry the draft tag and no other; the keeper may only mark a scan kept.
const onlyTag = (value: string) =>
  `IF StringEquals s3:RequestObjectTag/lifecycle ${value} AND ForAllValues:StringEquals s3:RequestObjectTagKeys lifecycle`;
const UPLOADS = `s3:PutObject,s3:PutObjectTagging on documents/petitions/* ${onlyTag('draft')}`;
/** Only within the given partitions (a LeadingKeys condition). */
const within = (grant: string, ...prefixes: string[]) =>
  `${grant} on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys ${prefixes.join('|')} ` +
  'AND Null dynamodb:LeadingKeys false';
/** Quoting: the schedules of the quote day's year, and marking a version used. */
const QUOTING = within('dynamodb:Query,dynamodb:UpdateItem', 'FEESCHEDULE#*');
/** A petition's payments, beside it. */
const PAYMENTS = within('dynamodb:Query', 'PETITION#*');

const EXPECTED: Record<string, string[]> = {
  // The province's calendar read before a change, to refuse one that leaves a year without an open day;
  // the cure periods the change closes counted again and their later deadlines stored with their events.
  'add-provincial-holiday': [
    within('dynamodb:BatchGetItem', 'CALENDAR#*'),
    within('dynamodb:PutItem', 'PETITION#*', 'OUTBOX#*'),
    'dynamodb:Query on table/data/index/gsi3 IF ForAllValues:StringLike dynamodb:LeadingKeys CURE-DUE#* ' +
      'AND Null dynamodb:LeadingKeys false',
    'dynamodb:UpdateItem on table/data',
  ],
  'create-court': ['dynamodb:PutItem on table/data'],
  // The office, its payment terminal's claim and its province in the set the report job reads, in one transaction.
  'create-office': [
    within('dynamodb:PutItem', 'OFFICE#*', 'TERMINAL#*'),
    within('dynamodb:UpdateItem', 'OFFICE-PROVINCES'),
  ],
  'create-petition': [ITEMS, QUOTING, UPLOADS],
  // The province's calendar too: a period is counted again before it lapses.
  'cure-lapse-job': [
    within('dynamodb:BatchGetItem', 'CALENDAR#*'),
    'dynamodb:PutItem,dynamodb:UpdateItem on table/data',
    'dynamodb:Query on table/data/index/gsi3',
  ],
  'declare-documents': [ITEMS, QUOTING, UPLOADS],
  'download-document': [ITEMS, 's3:GetObject on documents/petitions/*'],
  'generate-monthly-report': [
    ...REPORT_READS,
    'dynamodb:UpdateItem on table/data',
    's3:PutObject on reports/monthly/*',
  ],
  'get-court-inbox': [
    'dynamodb:BatchGetItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys OFFICE#* AND Null dynamodb:LeadingKeys false',
    'dynamodb:GetItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys COURT#* AND Null dynamodb:LeadingKeys false',
    'dynamodb:Query on table/data/index/gsi4',
  ],
  'get-monthly-report': [
    ...REPORT_READS,
    'dynamodb:Query on table/data/index/gsi5',
    's3:GetObject on reports/monthly/*',
    's3:ListBucket on reports',
  ],
  'get-national-report': [...REPORT_READS, 's3:GetObject on reports/monthly/*', 's3:ListBucket on reports'],
  'get-court': ['dynamodb:GetItem on table/data'],
  'get-office': ['dynamodb:GetItem on table/data'],
  'get-fee-schedule': [within('dynamodb:GetItem', 'FEESCHEDULE#*')],
  'get-petition': ['dynamodb:GetItem,dynamodb:Query on table/data'],
  'get-petition-fees': [within('dynamodb:GetItem,dynamodb:Query', 'PETITION#*')],
  'get-work-calendar': ['dynamodb:BatchGetItem on table/data'],
  'give-feedback': [
    CITIZEN_READ,
    'dynamodb:PutItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys PETITION#* ' +
      'AND Null dynamodb:LeadingKeys false',
    'dynamodb:UpdateItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys GUESS#*|OFFICE#* ' +
      'AND Null dynamodb:LeadingKeys false',
  ],
  docs: [],
  'docs-renderer': [],
  health: [],
  'list-fee-schedules': [within('dynamodb:Query', 'FEESCHEDULE#*')],
  'keep-documents': [
    'dynamodb:GetItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys PETITION#* AND Null dynamodb:LeadingKeys false',
    's3:DeleteObject on documents/petitions/*',
    `s3:PutObjectTagging on documents/petitions/* ${onlyTag('kept')}`,
  ],
  'list-courts': ['dynamodb:GetItem on table/data', 'dynamodb:Query on table/data/index/gsi3'],
  'list-offices': ['dynamodb:GetItem on table/data', 'dynamodb:Query on table/data/index/gsi3'],
  'list-petitions': ['dynamodb:GetItem on table/data', 'dynamodb:Query on table/data/index/gsi1 table/data/index/gsi2'],
  'load-lunar-holidays': [ITEMS],
  'monthly-report-job': [
    'dynamodb:BatchGetItem,dynamodb:GetItem on table/data',
    'dynamodb:PutItem,dynamodb:UpdateItem on table/data',
    'dynamodb:Query on table/data/index/gsi3',
    's3:PutObject on reports/monthly/*',
  ],
  openapi: [],
  'payment-callback': [
    within('dynamodb:GetItem,dynamodb:PutItem', 'PETITION#*', 'PAYREF#*'),
    within('dynamodb:PutItem', 'OUTBOX#*'),
    within('dynamodb:Query', 'PETITION#*'),
    within('dynamodb:UpdateItem', 'OFFICE#*', 'PETITION#*'),
  ],
  'pre-token-generation': [],
  'put-fee-schedule': [within('dynamodb:GetItem,dynamodb:PutItem', 'FEESCHEDULE#*')],
  'record-indigency': [ITEMS],
  'set-court-fallbacks': [ITEMS],
  'set-network-target': ['dynamodb:PutItem on table/data'],
  'reassign-petition': [ITEMS],
  'remove-document': [ITEMS, QUOTING],
  'set-work-week': [
    within('dynamodb:BatchGetItem', 'CALENDAR#*'),
    'dynamodb:PutItem on table/data',
    'dynamodb:Query on table/data/index/gsi3 IF ForAllValues:StringLike dynamodb:LeadingKeys CURE-DUE#* ' +
      'AND Null dynamodb:LeadingKeys false',
  ],
  'start-payment': [
    within('dynamodb:GetItem', 'PETITION#*', 'OFFICE#*', 'TERMINAL#*'),
    within('dynamodb:PutItem,dynamodb:Query', 'PETITION#*'),
  ],
  'submit-petition': [
    'dynamodb:BatchGetItem,dynamodb:GetItem,dynamodb:PutItem on table/idempotency',
    'dynamodb:BatchGetItem,dynamodb:GetItem,dynamodb:PutItem,dynamodb:UpdateItem on table/data',
    PAYMENTS,
    'dynamodb:Query on table/data/index/gsi3',
  ],
  'track-petition': [
    CITIZEN_READ,
    PAYMENTS,
    'dynamodb:UpdateItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys GUESS#* ' +
      'AND Null dynamodb:LeadingKeys false',
  ],
  'transition-petition': [
    'dynamodb:BatchGetItem,dynamodb:GetItem,dynamodb:PutItem,dynamodb:UpdateItem on table/data',
    PAYMENTS,
    'dynamodb:Query on table/data/index/gsi3',
  ],
  'update-court': [ITEMS],
  // The office; a new terminal's claim put and the old one's deleted with it, and no other item deleted.
  'update-office': [
    within('dynamodb:DeleteItem', 'TERMINAL#*'),
    within('dynamodb:GetItem', 'OFFICE#*'),
    within('dynamodb:PutItem', 'OFFICE#*', 'TERMINAL#*'),
  ],
  'update-petition': [ITEMS, QUOTING],
  'read-own-notices': [
    'dynamodb:GetItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys TRACK#*|PETITION#*|OFFICE#* ' +
      'AND Null dynamodb:LeadingKeys false',
    'dynamodb:Query on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys ENOTICE#* ' +
      'AND Null dynamodb:LeadingKeys false',
    'dynamodb:UpdateItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys GUESS#*|ENOTICE#* ' +
      'AND Null dynamodb:LeadingKeys false',
  ],
  'list-petition-notices': [
    'dynamodb:GetItem on table/data',
    'dynamodb:Query on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys ENOTICE#* ' +
      'AND Null dynamodb:LeadingKeys false',
  ],
  'print-notice': [
    'dynamodb:GetItem on table/data',
    'dynamodb:Query,dynamodb:UpdateItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys ENOTICE#* ' +
      'AND Null dynamodb:LeadingKeys false',
  ],
  'sms-delivery-reports': [
    'dynamodb:GetItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys SMS-MSG#* ' +
      'AND Null dynamodb:LeadingKeys false',
    'dynamodb:UpdateItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys NOTICE-SMS#*|ENOTICE#* ' +
      'AND Null dynamodb:LeadingKeys false',
  ],
  'notify-parties': [
    'dynamodb:GetItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys PETITION#*|OFFICE#* ' +
      'AND Null dynamodb:LeadingKeys false',
    'dynamodb:PutItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys SMS-MSG#* ' +
      'AND Null dynamodb:LeadingKeys false',
    'dynamodb:PutItem,dynamodb:UpdateItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys NOTICE-SMS#* ' +
      'AND Null dynamodb:LeadingKeys false',
  ],
  'dispatch-sms': [
    'dynamodb:GetItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys PETITION#* ' +
      'AND Null dynamodb:LeadingKeys false',
    'dynamodb:PutItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys SMS-MSG#* ' +
      'AND Null dynamodb:LeadingKeys false',
    'dynamodb:Query on table/data/index/gsi3 IF ForAllValues:StringLike dynamodb:LeadingKeys SMS-DUE#* ' +
      'AND Null dynamodb:LeadingKeys false',
    'dynamodb:UpdateItem on table/data IF ForAllValues:StringLike dynamodb:LeadingKeys NOTICE-SMS#* ' +
      'AND Null dynamodb:LeadingKeys false',
  ],
  // Not a function: the outbox pipe's role, which the local runtime also holds its stream reads to.
  'outbox-pipe': [
    'dynamodb:DescribeStream,dynamodb:GetRecords,dynamodb:GetShardIterator,dynamodb:ListStreams on table/data/stream/*',
  ],
  'verify-document': [
    ITEMS_AND_COUNTERS,
    's3:DeleteObject,s3:GetObject,s3:GetObjectTagging on documents/petitions/*',
    's3:ListBucket on documents',
    's3:PutObject,s3:PutObjectTagging on documents/quarantine/*',
    // A submitted petition's scan uploaded again is kept, as the keeper keeps it: never set to draft.
    `s3:PutObjectTagging on documents/petitions/* ${onlyTag('kept')}`,
  ],
};

/** `table/data`, `documents/petitions/*`: the ARN's resource part, enough to read. */
const short = (arn: string) => arn.replace(/^arn:aws:dynamodb:[^:]+:\d+:/, '').replace(/^arn:aws:s3:::/, '');

function conditionText(condition: PolicyStatement['Condition']): string {
  return Object.entries(condition ?? {})
    .flatMap(([operator, keys]) =>
      Object.entries(keys).map(([key, values]) => `${operator} ${key} ${[values].flat().join('|')}`),
    )
    .join(' AND ');
}

function effective(functionId: string): string[] {
  const policy = policies.functions[functionId];
  if (!policy) throw new Error(`no policy for ${functionId}`);
  return policy.statements
    .filter((s) => [s.Action ?? []].flat().some((a) => /^(dynamodb|s3):/.test(a)))
    .map((s) => {
      const actions = [s.Action ?? []].flat().sort().join(',');
      const resources = [s.Resource ?? []].flat().map(short).sort().join(' ');
      const condition = conditionText(s.Condition);
      return `${actions} on ${resources}${condition ? ` IF ${condition}` : ''}`;
    })
    .sort();
}

it('gives each function exactly these DynamoDB and S3 permissions (the services the local runtime enforces)', () => {
  const table = Object.keys(policies.functions)
    .sort()
    .flatMap((id) => effective(id).map((line) => `${id.padEnd(24)} ${line}`));
  console.log(`effective permissions, from the synthesized templates:\n${table.join('\n')}`);

  expect(
    Object.fromEntries(
      Object.keys(policies.functions)
        .sort()
        .map((id) => [id, effective(id)]),
    ),
  ).toEqual(EXPECTED);
});
