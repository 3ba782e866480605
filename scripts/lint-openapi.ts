import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildOpenApiDocument } from '../shared/openapi';

/**
 * `npm run lint:openapi`: the document GET /v1/openapi.json serves, written to a temporary file
 * and checked by Redocly CLI against its recommended rules (redocly.yaml says which are off and
 * why). Offline: the rules ship with the CLI, and telemetry and the update check are off.
 */
const dir = mkdtempSync(join(tmpdir(), 'jeso-openapi-'));
const file = join(dir, 'openapi.json');
try {
  writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
  const run = spawnSync(
    process.execPath,
    [resolve('node_modules/@redocly/cli/bin/cli.js'), 'lint', 'openapi.json', '--config', resolve('redocly.yaml')],
    {
      cwd: dir,
      stdio: 'inherit',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    },
  );
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
