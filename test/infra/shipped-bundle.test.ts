import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { bundleFunction } from '../../infra/bundling';
import { functionCode } from '../../infra/service-function';

/**
 * `npm run bench` measures bundles built with infra/bundling.ts; AWS runs what the stack's
 * bundling makes. They must be the same files, or the bench measures something that does not
 * ship (it once did: CDK left the SDK out for the runtime's copy and shipped a source map Node
 * parsed at every cold start).
 */
const outdir = mkdtempSync(join(tmpdir(), 'jeso-shipped-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Each file of a bundle by its size and digest: a failure should not print half a megabyte. */
const fingerprints = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => {
        const code = readFileSync(join(dir, name));
        return [name, { bytes: code.length, sha256: createHash('sha256').update(code).digest('hex') }];
      }),
  );

it('ships each function the very files the bench measures: index.mjs and its chunks, the SDK inside, no map', async () => {
  const ids = ['get-office', 'health'];
  const app = new App({ outdir: join(outdir, 'cdk') });
  const stack = new Stack(app, 'Shipped');
  for (const id of ids)
    new LambdaFunction(stack, id, {
      code: functionCode(process.cwd(), id),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_24_X,
    });
  const assembly = app.synth();
  const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  const assetOf = (id: string) => {
    const key = Object.entries(functions).find(([logicalId]) => logicalId.startsWith(id.replace(/\W/g, '')))?.[1]
      .Properties.Code.S3Key as string;
    return join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
  };

  for (const id of ids) {
    const benched = await bundleFunction(resolve('functions', `${id}.ts`), join(outdir, 'bench', id));
    const shipped = fingerprints(assetOf(id));
    expect(Object.keys(shipped)).toContain('index.mjs');
    expect(Object.keys(shipped).some((name) => name.endsWith('.map'))).toBe(false);
    // The SDK is bundled, not left to the runtime's copy: no file imports an @aws-sdk package by name.
    for (const file of benched.files) expect(readFileSync(file, 'utf8')).not.toMatch(/from\s*["']@aws-sdk\//);
    expect({ id, files: shipped }).toEqual({ id, files: fingerprints(join(outdir, 'bench', id)) });
  }
}, 120_000);

it('loads the report functions’ S3 client at their first report file, and verification’s at once', async () => {
  const [job, verification] = await Promise.all(
    ['monthly-report-job', 'verify-document'].map((id) =>
      bundleFunction(resolve('functions', `${id}.ts`), join(outdir, 'clients', id)),
    ),
  );
  const s3Chunk = (files: string[]) => files.some((file) => readFileSync(file, 'utf8').includes('"PutObject"'));

  expect(job?.clients).toEqual(['client-dynamodb']);
  expect(s3Chunk(job?.files ?? [])).toBe(true);
  expect(verification?.clients).toEqual(['client-dynamodb', 'client-s3']);
}, 120_000);
