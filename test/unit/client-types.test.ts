import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * client/api-types.ts is committed for front ends to import. When the contract changes, this fails
 * until `npm run client` regenerates the file, so the change shows in review as a diff of types.
 */
it('has the committed client types that npm run client would write now', () => {
  const run = spawnSync(
    process.execPath,
    [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/write-client-types.ts', '--stdout'],
    { encoding: 'utf8', env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' } },
  );

  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  // A difference here means: run `npm run client` and commit client/api-types.ts.
  expect(run.stdout).toBe(readFileSync('client/api-types.ts', 'utf8'));
}, 30_000);
