import { resolve } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions } from '../../infra/bundling';

/**
 * The X-Ray SDK and cls-hooked get semver's `gte` alone (infra/semver-gte.ts), not the whole
 * library. That they still work, the Tracer loaded at a function's first call with its context
 * library, test/handlers/lambda-tracing.test.ts shows with traces of built functions.
 */
it("bundles semver's gte and what it needs for the Tracer, and no other part of semver", async () => {
  const graph = await build({
    ...esbuildOptions,
    entryPoints: [resolve('functions/health.ts')],
    write: false,
    metafile: true,
  });
  const semverFiles = Object.keys(graph.metafile.inputs)
    .filter((input) => /[\\/]semver[\\/]/.test(input))
    .map((input) => input.replace(/.*[\\/]semver[\\/]/, ''))
    .sort();

  expect(Object.keys(graph.metafile.inputs).some((input) => input.includes('aws-xray-sdk-core'))).toBe(true);
  expect(semverFiles).toEqual([
    'classes/semver.js',
    'functions/compare.js',
    'functions/gte.js',
    'internal/constants.js',
    'internal/debug.js',
    'internal/identifiers.js',
    'internal/parse-options.js',
    'internal/re.js',
  ]);
});
