import { randomUUID } from 'node:crypto';
import { DeleteItemCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { credentialsOf, runAsFunction } from '../../local/aws-edge/identity';
import { createDynamoClient } from '../../shared/adapters/aws-clients';
import { createS3Client } from '../../shared/adapters/s3-client';
import { dropStores, provisionStores } from '../support/stores';

/**
 * How the local edge refuses requests: in DynamoDB's own JSON error format, with the
 * exception names and messages AWS uses (Programming.Errors.html, CommonErrors.html in the
 * DynamoDB docs; SigV4's five-minute window: reference_sigv-signing-elements.html, IAM guide).
 */
beforeAll(provisionStores);
afterAll(dropStores);

const endpoint = () => process.env.DYNAMODB_ENDPOINT!;
const rawClient = (credentials: { accessKeyId: string; secretAccessKey: string }, extra = {}) =>
  new DynamoDBClient({ region: process.env.AWS_REGION!, endpoint: endpoint(), credentials, maxAttempts: 1, ...extra });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => ({ name: 'none', message: '' }),
    (error: Error) => ({ name: error.name, message: error.message }),
  );

it('refuses an unknown access key, a wrong secret and a request signed ten minutes ago', async () => {
  const operator = credentialsOf(process.env.LOCAL_EDGE_SECRET!, { kind: 'operator' });

  const unknown = await failure(
    rawClient({ accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' }).send(new ListTablesCommand({})),
  );
  const wrongSecret = await failure(
    rawClient({ ...operator, secretAccessKey: 'not-the-secret' }).send(new ListTablesCommand({})),
  );
  const late = await failure(rawClient(operator, { systemClockOffset: -10 * 60_000 }).send(new ListTablesCommand({})));
  const fine = await failure(rawClient(operator).send(new ListTablesCommand({})));

  expect(unknown).toEqual({
    name: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
  });
  expect(wrongSecret.name).toBe('InvalidSignatureException');
  expect(late.name).toBe('InvalidSignatureException');
  expect(late.message).toMatch(
    /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
  );
  expect(fine.name).toBe('none');
});

it('answers AccessDeniedException naming the role session, the action and the table, as AWS does', async () => {
  const client = createDynamoClient({ AWS_REGION: process.env.AWS_REGION!, DYNAMODB_ENDPOINT: endpoint() });

  const denied = await runAsFunction('give-feedback', () =>
    failure(
      client.send(
        new DeleteItemCommand({
          TableName: process.env.TABLE_NAME!,
          Key: { pk: { S: 'GUESS#x' }, sk: { S: 'GUESS' } },
        }),
      ),
    ),
  );

  expect(denied.name).toBe('AccessDeniedException');
  expect(denied.message).toMatch(
    new RegExp(
      '^User: arn:aws:sts::000000000000:assumed-role/JudicialEServices-Api-Fngivefeedback\\w+/give-feedback is not ' +
        `authorized to perform: dynamodb:DeleteItem on resource: arn:aws:dynamodb:${process.env.AWS_REGION}:000000000000:` +
        `table/${process.env.TABLE_NAME} because no identity-based policy allows the dynamodb:DeleteItem action$`,
    ),
  );
});

it('answers a GET of a missing key with 404 only to a function that may list the bucket (API_GetObject.html)', async () => {
  const s3 = createS3Client({ AWS_REGION: process.env.AWS_REGION!, S3_ENDPOINT: process.env.S3_ENDPOINT });
  const get = (Bucket: string, Key: string) => failure(s3.send(new GetObjectCommand({ Bucket, Key })));

  const report = await runAsFunction('get-monthly-report', () =>
    get(process.env.REPORTS_BUCKET!, 'monthly/J/1398-01/report.json'),
  );
  // download-document may read document objects but not list their bucket.
  const document = await runAsFunction('download-document', () =>
    get(process.env.DOCUMENTS_BUCKET!, `petitions/${randomUUID()}/${randomUUID()}`),
  );

  expect(report.name).toBe('NoSuchKey');
  expect(document.name).toBe('AccessDenied');
});
