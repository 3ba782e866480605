import type { BuildOptions } from 'esbuild';

/**
 * How a function entry becomes a Lambda bundle: one ES module per function, minified, the AWS SDK
 * bundled in (so its version is ours, not the runtime's, and tree-shaking trims it). The CDK stack
 * (LAMBDA_BUNDLING in service-function.ts) and `npm run bench` both use these settings, so the
 * bench measures what ships; test/infra/shipped-bundle.test.ts checks the bytes are the same.
 */
export const LAMBDA_NODE_TARGET = 'node24';

/** esbuild can bundle ESM that still calls `require` (some SDK dependencies do) only with this shim. */
export const ESM_REQUIRE_SHIM =
  "import { createRequire as topLevelCreateRequire } from 'module';const require = topLevelCreateRequire(import.meta.url);";

export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: LAMBDA_NODE_TARGET,
  minify: true,
  // Persian text as UTF-8, two bytes a letter, instead of esbuild's default \u escapes of six:
  // a data function's bundle is 30 KiB smaller, and loads no slower (31 alternating runs).
  charset: 'utf8',
  sourcemap: false,
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_SHIM },
  logLevel: 'error',
  // The one exception to bundling the SDK: AWS End User Messaging's client, which only the SMS
  // functions load, and only when configured for it (shared/adapters/notices-from-env.ts). The
  // runtime's copy serves then, and no bundle carries a client it never uses.
  external: ['@aws-sdk/client-pinpoint-sms-voice-v2'],
} satisfies BuildOptions;
