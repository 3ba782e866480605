import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'semver-gte';

/**
 * The X-Ray SDK requires `semver` for one call of `semver.gte` (is an AWS SDK v2 recent enough to
 * patch; never run here), and semver's index loads all of semver: every class, every range
 * function, all their patterns. In the Tracer's chunk, which every function loads at its first
 * call, that was 28 KiB, now 9: the SDK gets `{ gte }` from its own semver's `functions/gte`. The
 * chunk loaded in 10.9 ms instead of 13.6 (median of 25 alternating pairs, get-office,
 * 2026-11-29). Not a workaround of a bug: an optimisation for as long as the Tracer uses the
 * X-Ray SDK. test/infra/semver-gte.test.ts checks the SDK calls no other semver function.
 *
 * `functions/gte` is resolved from the SDK's own directory, so the SDK gets the semver it
 * declares wherever npm puts it; an older semver without that file is left whole.
 */
export const semverGteOnly: Plugin = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: /^semver$/ }, async (args) => {
      if (args.namespace !== 'file' || !/node_modules[\\/]aws-xray-sdk-core[\\/]/.test(args.importer)) return undefined;
      const gte = await build.resolve('semver/functions/gte', {
        kind: 'require-call',
        resolveDir: dirname(args.importer),
      });
      return gte.errors.length > 0 ? undefined : { path: gte.path, namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      // Required at the call, not at load: esbuild evaluates a bundled CommonJS module at its first
      // `require`, and semver's patterns, compiled at load, cost the first call about a millisecond.
      contents: `module.exports = { gte: (...versions) => require(${JSON.stringify(args.path)})(...versions) };`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};
