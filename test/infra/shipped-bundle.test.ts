import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build } from 'esbuild';
import { esbuildOptions } from '../../infra/bundling';
import { LAMBDA_BUNDLING } from '../../infra/service-function';

/**
 * `npm run bench` measures bundles built with infra/bundling.ts; AWS runs what CDK's bundling
 * makes. They must be the same file, or the bench measures something that does not ship (it once
 * did: CDK left the SDK out for the runtime's copy and shipped a source map Node parsed at every
 * cold start).
 */
const outdir = mkdtempSync(join(tmpdir(), 'jeso-shipped-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** A bundle by its size and digest: a failure should not print half a megabyte. */
const fingerprint = (code: string | Uint8Array) => ({
  bytes: Buffer.byteLength(code),
  sha256: createHash('sha256').update(code).digest('hex'),
});

it('ships the very bundle the bench measures: the SDK inside, Persian as UTF-8, no source map', async () => {
  const entry = resolve('functions/get-office.ts');
  const app = new App({ outdir });
  new NodejsFunction(new Stack(app, 'Shipped'), 'Fn', {
    entry,
    handler: 'handler',
    runtime: Runtime.NODEJS_24_X,
    bundling: LAMBDA_BUNDLING,
  });
  const assembly = app.synth();
  const assetDir = readdirSync(assembly.directory).find((name) => name.startsWith('asset.'));
  const shipped = readdirSync(join(assembly.directory, assetDir ?? ''));

  const benched = await build({
    ...esbuildOptions,
    entryPoints: [entry],
    outfile: join(outdir, 'bench.mjs'),
    write: false,
  });

  expect(shipped).toEqual(['index.mjs']);
  expect(fingerprint(readFileSync(join(assembly.directory, assetDir ?? '', 'index.mjs')))).toEqual(
    fingerprint(benched.outputFiles[0]?.contents ?? ''),
  );
}, 120_000);
