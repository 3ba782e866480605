import { builtinModules } from 'node:module';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'node-builtin-through-require';
const BUILTINS = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

/**
 * Node's built-in modules, imported by the bundle's ES modules, are read through `require`
 * instead. The same module object either way; what differs is the cost. An ES import of a
 * built-in makes Node build a module facade, and building it reads every export, lazy getters
 * included: `node:http`'s `WebSocket` getter loads undici, Node's fetch, which is not otherwise
 * loaded. An ES import of `node:http` took 62 ms here, a `require` 10 (median of 5 fresh
 * processes, 2026-11-29; nodejs/node#57649 and #59686, both open). The Tracer imports
 * `node:http` (Powertools' ProviderService), so every function's first call paid it; `node:process`,
 * `node:fs` and `node:util` cost a few milliseconds more as facades too.
 *
 * The SDK's HTTP handler imports `node:http` dynamically for an `http://` endpoint: never in AWS,
 * whose endpoints are HTTPS, but at the first call to DynamoDB Local. Left as it was, the local
 * runs and `npm run bench` paid for undici where AWS does not (the bare client's cold start as
 * well as every function's).
 *
 * The plugin points each static or dynamic import of a built-in at a one-line CommonJS module,
 * `module.exports = require('node:…')`, which esbuild bundles with its usual interop (the default
 * import is the module, a named import one of its properties; a dynamic import is a chunk of one
 * line). The `require` is the one the banner makes (`ESM_REQUIRE_SHIM` in bundling.ts), the one
 * the bundled CommonJS packages use.
 */
export const builtinsThroughRequire: Plugin = {
  name: 'node-builtins-through-require',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_]+(\/[a-z_]+)?$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!BUILTINS.has(name)) return undefined;
      if (args.namespace === NAMESPACE || args.kind === 'require-call') return { path: `node:${name}`, external: true };
      if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
      return { path: name, namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(`node:${path}`)});`,
      loader: 'js',
    }));
  },
};
