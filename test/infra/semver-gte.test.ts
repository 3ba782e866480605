import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions } from '../../infra/bundling';

/**
 * The X-Ray SDK gets semver's `gte` alone (infra/semver-gte.ts), not the whole library. That the
 * Tracer still loads and traces in built functions, test/handlers/lambda-tracing.test.ts shows.
 */
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
