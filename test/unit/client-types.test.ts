import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * client/api-types.ts is committed for front ends to import. When the contract changes, this fails
 * until `npm run client` regenerates the file, so the change shows in review as a diff of types.
 */
function writeClient(flag: '--stdout' | '--stdout-document' | '--stdout-bundled') {
  return spawnSync(
    process.execPath,
    [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/write-client-types.ts', flag],
    {
      encoding: 'utf8',
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' },
    },
  );
}

it('has the committed client types that npm run client would write now', () => {
  const run = writeClient('--stdout');

  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  // A difference here means: run `npm run client` and commit client/api-types.ts.
  expect(run.stdout).toBe(readFileSync('client/api-types.ts', 'utf8'));
}, 30_000);

/** GET /v1/openapi.json serves this file as it is, so a stale one would publish an old contract. */
it('has the committed OpenAPI document that npm run client would write now', () => {
  const run = writeClient('--stdout-document');

  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  // A difference here means: run `npm run client` and commit client/openapi.json.
  expect(run.stdout).toBe(readFileSync('client/openapi.json', 'utf8'));
}, 30_000);

/** The copy the openapi function serves: the same document once unzipped, so the two cannot drift. */
it('has the committed compressed copy of the OpenAPI document that the function serves', () => {
  const run = writeClient('--stdout-bundled');
  const unzip = (base64: string) => gunzipSync(Buffer.from(base64, 'base64')).toString('utf8');

  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  // A difference here means: run `npm run client` and commit client/openapi.json.gz.b64.
  expect(unzip(readFileSync('client/openapi.json.gz.b64', 'utf8'))).toBe(unzip(run.stdout));
  expect(JSON.parse(unzip(run.stdout))).toEqual(JSON.parse(readFileSync('client/openapi.json', 'utf8')));
}, 30_000);
