import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFunction } from '../../infra/bundling';

/**
 * node:http is bundled through `require` (infra/node-http-require.ts), since an ES import of it
 * loads undici. The imports must still mean what they meant: the default import the module, a
 * named import its value, a dynamic import a namespace with both, in a code-split build as
 * shipped (where a dynamic import is a chunk of its own).
 */
const workDir = mkdtempSync(join(tmpdir(), 'jeso-node-http-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

it('keeps the default, named and dynamic imports of node:http, and loads no undici', async () => {
  const entry = join(workDir, 'entry.ts');
  writeFileSync(
    entry,
    [
      "import http, { STATUS_CODES, request } from 'node:http';",
      'export const handler = async () => {',
      "  const dynamic = await import('node:http');",
      '  return {',
      "    defaultIsModule: typeof http.request === 'function' && http.STATUS_CODES === STATUS_CODES,",
      "    named: STATUS_CODES[404] === 'Not Found' && request === http.request,",
      '    dynamic: dynamic.request === http.request && dynamic.default === http,',
      "    undici: process.moduleLoadList.some((name) => name.includes('undici')),",
      '  };',
      '};',
    ].join('\n'),
  );
  const bundle = await bundleFunction(entry, join(workDir, 'bundle'));
  const code = bundle.files.map((file) => readFileSync(file, 'utf8')).join('\n');

  const answer = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { handler } = await import(${JSON.stringify(bundle.entry)}); console.log(JSON.stringify(await handler()));`,
    ],
    { encoding: 'utf8' },
  );

  expect(code).not.toMatch(/from\s*["'](node:)?http["']/);
  expect(JSON.parse(answer)).toEqual({ defaultIsModule: true, named: true, dynamic: true, undici: false });
}, 60_000);
