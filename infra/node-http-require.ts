import http from 'node:http';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'node-http-through-require';

/**
 * `node:http`'s exports that are plain values, read here at build time: its getters are left out,
 * `WebSocket` and the like, which would load undici (a named import of one fails the build).
 */
const PLAIN_EXPORTS = Object.entries(Object.getOwnPropertyDescriptors(http))
  .filter(([name, descriptor]) => 'value' in descriptor && /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default')
  .map(([name]) => name);

/**
 * `node:http`, imported by the bundle's ES modules, is read through `require` instead. The same
 * module object either way; what differs is the cost. An ES import of a built-in makes Node build
 * a module facade, and building it reads every export, lazy getters included: `node:http`'s
 * `WebSocket` getter loads undici, Node's fetch, which nothing here uses (nodejs/node#57649 and
 * #59686, both open). In a fresh process an ES import of `node:http` took 62 ms here, a `require`
 * 10 (median of 5, 2026-11-29). Of Node 24's built-ins only `node:http` does this (each imported
 * alone in a fresh process), so only it is rewritten: the same treatment for every built-in made
 * module load 3-4% slower (esbuild's interop copies each module's exports), for nothing.
 *
 * Who imports it: Powertools' Tracer (its ProviderService), loaded by every function's first
 * call, whose chunk loaded in 74 ms with undici and 30 without (31 alternating pairs); and the
 * SDK's HTTP handler, dynamically, for an `http://` endpoint: never in AWS, whose endpoints are
 * HTTPS, but at the first call to DynamoDB Local, so local runs and `npm run bench` paid for
 * undici where AWS does not (the bare client's cold start as well as every function's).
 *
 * The plugin points each static or dynamic import of `node:http` at a small ES module that takes
 * the module from `require` and exports it as the default and its plain values by name, so a
 * named import and a dynamic import's namespace work as they did (test/infra/node-http-require.test.ts,
 * in a code-split build as shipped). The `require` is the one the banner makes (`ESM_REQUIRE_SHIM`
 * in bundling.ts), the one the bundled CommonJS packages use.
 */
export const nodeHttpThroughRequire: Plugin = {
  name: 'node-http-through-require',
  setup(build) {
    build.onResolve({ filter: /^(node:)?http$/ }, (args) => {
      if (args.namespace === NAMESPACE || args.kind === 'require-call') return { path: 'node:http', external: true };
      if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
      return { path: 'node:http', namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({
      contents: [
        "const http = require('node:http');",
        'export default http;',
        `export const { ${PLAIN_EXPORTS.join(', ')} } = http;`,
      ].join('\n'),
      loader: 'js',
    }));
  },
};
