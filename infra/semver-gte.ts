import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'semver-gte';
/** The X-Ray SDK's own semver (7.x), whose `functions/gte` loads without the rest of the library. */
const SEMVER_DIR = dirname(createRequire(import.meta.url).resolve('aws-xray-sdk-core/package.json'));

/**
 * The X-Ray SDK and its context library (cls-hooked) each `require('semver')` for one call of
 * `semver.gte` (is Node at least 8; is the AWS SDK v2 recent enough), and semver's index loads all
 * of semver: every class, every range function, all their regular expressions. In the Tracer's
 * chunk, which every function loads at its first call, that was 28 KiB, now 9. Those two packages
 * get `{ gte }` from semver's own `functions/gte` (the SDK's semver 7; cls-hooked's own is 5.7,
 * whose `gte` means the same). The chunk loaded in 10.9 ms instead of 13.6 (median of 25
 * alternating pairs, get-office, 2026-11-29). A new version of either package that calls another
 * semver function fails test/handlers/lambda-tracing.test.ts, which loads the Tracer in built functions.
 */
export const semverGteOnly: Plugin = {
  name: NAMESPACE,
  setup(build) {
    build.onResolve({ filter: /^semver$/ }, (args) =>
      /node_modules[\\/](aws-xray-sdk-core|cls-hooked)[\\/]/.test(args.importer) && args.namespace === 'file'
        ? { path: 'semver', namespace: NAMESPACE }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({
      contents: "module.exports = { gte: require('semver/functions/gte') };",
      resolveDir: SEMVER_DIR,
      loader: 'js',
    }));
  },
};
