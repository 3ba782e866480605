import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { runAsFunction, scopedCredentialProvider } from '../../local/aws-edge/identity';
import { createDynamoClient } from '../../shared/adapters/aws-clients';
import { createS3Client } from '../../shared/adapters/s3-client';

/**
 * The SDK memoizes credentials providers; the local one must still give every request the key of
 * the function running it. A client whose transport records the Authorization header shows it.
 */
const provider = scopedCredentialProvider({ masterSecret: 'test-secret', tenant: 'unit' });

function recordingDynamo() {
  const seen: string[] = [];
  const client = createDynamoClient({ AWS_REGION: 'me-central-1', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' });
  client.middlewareStack.add(
    (_next) => async (args) => {
      const headers = (args.request as { headers: Record<string, string> }).headers;
      seen.push(/Credential=([^/]+)\//.exec(headers.authorization ?? '')?.[1] ?? 'unsigned');
      throw new Error('recorded');
    },
    { step: 'finalizeRequest', priority: 'low', name: 'record' },
  );
  return { client, seen };
}

beforeAll(async () => {
  const { injectCredentials } = await import('../../shared/adapters/aws-clients');
  injectCredentials(provider);
});
afterAll(async () => {
  const { injectCredentials } = await import('../../shared/adapters/aws-clients');
  injectCredentials(undefined);
});

it('signs each request with the key of the function running it, even concurrently on one client', async () => {
  const { client, seen } = recordingDynamo();
  const get = () => client.send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'x' } } })).catch(() => undefined);

  await Promise.all([runAsFunction('create-office', get), runAsFunction('get-office', get), get()]);
  await runAsFunction('create-office', get);

  expect(seen.sort()).toEqual(
    ['LOCAL.fn.unit.create-office', 'LOCAL.fn.unit.create-office', 'LOCAL.fn.unit.get-office', 'LOCAL.operator'].sort(),
  );
});

it('presigns with the key of the function running it', async () => {
  const s3 = createS3Client({ AWS_REGION: 'me-central-1', S3_ENDPOINT: 'http://127.0.0.1:9' });
  const presign = () => getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: 'k' }), { expiresIn: 60 });

  const [a, b] = await Promise.all([
    runAsFunction('create-petition', presign),
    runAsFunction('declare-documents', presign),
  ]);

  expect(new URL(a).searchParams.get('X-Amz-Credential')).toMatch(/^LOCAL\.fn\.unit\.create-petition\//);
  expect(new URL(b).searchParams.get('X-Amz-Credential')).toMatch(/^LOCAL\.fn\.unit\.declare-documents\//);
});
