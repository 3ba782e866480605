import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { esbuildOptions } from '../../infra/bundling';

/**
 * The X-Ray SDK gets semver's `gte` alone (infra/semver-gte.ts), not the whole library. That the
 * Tracer still loads and traces in built functions, test/handlers/lambda-tracing.test.ts shows.
 */
const run = promisify(execFile);
const xraySdk = dirname(require.resolve('aws-xray-sdk-core/package.json'));

function sourcesOf(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

it('finds no semver function but gte used by the X-Ray SDK, so gte alone can stand for semver', () => {
  const sources = sourcesOf(join(xraySdk, 'dist', 'lib'));

  const used = new Set(sources.flatMap((source) => [...source.matchAll(/\bsemver\.(\w+)/g)].map((m) => m[1])));
  const requiring = sources.filter((source) => /require\(['"]semver['"]\)/.test(source));

  expect([...used]).toEqual(['gte']);
  expect(requiring).toHaveLength(1);
});

it("bundles semver's gte and what it needs for the Tracer, and not semver's index or ranges", async () => {
  const graph = await build({
    ...esbuildOptions,
    entryPoints: [resolve('functions/health.ts')],
    write: false,
    metafile: true,
  });

  const semverFiles = Object.keys(graph.metafile.inputs)
    .filter((input) => /[\\/]semver[\\/]/.test(input))
    .map((input) => input.replace(/.*[\\/]semver[\\/]/, ''));

  expect(Object.keys(graph.metafile.inputs).some((input) => input.includes('aws-xray-sdk-core'))).toBe(true);
  expect(semverFiles).toContain('functions/gte.js');
  expect(semverFiles.filter((file) => file === 'index.js' || file.startsWith('ranges/'))).toEqual([]);
});

it("answers the SDK's version check through the bundled gte, and builds semver's patterns only then", async () => {
  // Prepare: the X-Ray SDK bundled as the functions get it. semver logs each pattern it compiles
  // when NODE_DEBUG names it, so stderr shows when that happens against a mark after the import.
  const probe = await build({
    ...esbuildOptions,
    stdin: {
      contents: [
        "import { captureAWS } from 'aws-xray-sdk-core';",
        "console.error('IMPORTED');",
        'const check = (VERSION) => { try { captureAWS({ VERSION }); return "accepted"; } catch (e) { return e.message; } };',
        'console.log(JSON.stringify([check("1.0.0"), check("99.0.0")]));',
      ].join('\n'),
      resolveDir: process.cwd(),
      loader: 'js',
    },
    write: false,
  });
  const directory = mkdtempSync(join(tmpdir(), 'jeso-semver-'));
  const file = join(directory, 'probe.mjs');
  writeFileSync(file, probe.outputFiles[0]?.text ?? '');

  // Act
  const { stdout, stderr } = await run(process.execPath, [file], {
    env: { ...process.env, NODE_DEBUG: 'semver' },
  }).finally(() => rmSync(directory, { recursive: true, force: true }));

  // Assess
  expect(JSON.parse(stdout)).toEqual([
    expect.stringMatching(/^AWS SDK version [\d.]+ or greater required\.$/),
    'accepted',
  ]);
  const [atLoad = '', afterLoad = ''] = stderr.split('IMPORTED');
  expect(atLoad).not.toContain('SEMVER');
  expect(afterLoad).toContain('SEMVER');
});
