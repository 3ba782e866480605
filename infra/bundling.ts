import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { nodeHttpThroughRequire } from './node-http-require';
import { preparedRenderer } from './prepared-renderer';
import { s3EventStreamsByModule } from './s3-event-streams';
import { literalSchemaTraitKeys } from './sdk-schema-keys';
import { semverGteOnly } from './semver-gte';

/**
 * How a function entry becomes a Lambda bundle: ES modules, minified, the AWS SDK bundled in (so
 * its version is ours, not the runtime's, and tree-shaking trims it), code split per function
 * (`functionBuildOptions` below). The CDK stack (`functionCode` in service-function.ts), `npm run
 * bench` and the tests build with these, so the bench measures what ships;
 * test/infra/shipped-bundle.test.ts checks the files are the same. `esbuildOptions` alone (one
 * file per entry) serves the tests that read which modules a function's bundle holds.
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
  // The SDK's schemas with string keys esbuild can tree-shake: S3's functions load 53 KiB less.
  // node:http through `require`: an ES import of it loads undici (node-http-require.ts).
  // The docs renderer gzipped at build, not at each of its cold starts (prepared-renderer.ts).
  // The X-Ray SDK's one semver function without the rest of semver (semver-gte.ts).
  // S3's client without the event-stream parts its one streaming operation needs (s3-event-streams.ts).
  plugins: [literalSchemaTraitKeys, nodeHttpThroughRequire, preparedRenderer, semverGteOnly, s3EventStreamsByModule],
  // The X-Ray SDK's context store in Node's AsyncLocalStorage instead of cls-hooked's async hook,
  // which slowed each first call by 9–13 ms, a tenth of a cold start
  // (shared/observability/async-local-namespace.ts). An alias is resolved from the working
  // directory: every build here runs from the project root, and a build elsewhere fails to resolve.
  alias: { 'cls-hooked/context': './shared/observability/async-local-namespace.ts' },
} satisfies BuildOptions;

/**
 * One function's bundle as it ships: `index.mjs` (Lambda's `index.handler`) and the chunks it
 * imports, in a directory of its own. Code split: what the function imports only on demand is a
 * chunk read only when first used. That is the Tracer with the X-Ray SDK (loaded at the first
 * invocation, shared/observability/tracing.ts) and, above all, the AWS SDK's own on-demand parts:
 * the credential providers a function with Lambda's environment credentials never runs (SSO,
 * STS, the sign-in flow, the user-agent parser), which a single-file bundle made every cold start
 * read. One file per function, get-office's module load took 179 ms, split 93 (median of 15
 * alternating runs, the Tracer loaded on first use in both).
 */
export function functionBuildOptions(entry: string, outdir: string) {
  return {
    ...esbuildOptions,
    entryPoints: { index: entry },
    outdir,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    metafile: true,
  } satisfies BuildOptions;
}

/** A built function: its entry file, and the bytes read at module load and in all. */
export interface FunctionBundle {
  /** `<outdir>/index.mjs`. */
  entry: string;
  files: string[];
  /** index.mjs and every chunk it imports statically: what module load reads. */
  loadedBytes: number;
  /** Every file of the bundle, the chunks imported on demand included. */
  totalBytes: number;
  /** The AWS SDK clients module load brings (`client-dynamodb`, `client-s3`, …). */
  clients: string[];
}

/** Builds the function at `entry` into `outdir` (emptied first), as the stack ships it. */
export async function bundleFunction(entry: string, outdir: string): Promise<FunctionBundle> {
  rmSync(outdir, { recursive: true, force: true });
  return describeBundle(outdir, (await build(functionBuildOptions(entry, outdir))).metafile);
}

/**
 * The same, synchronously, for CDK's local bundling (an empty output directory it made), whose
 * `tryBundle` cannot wait for a promise. esbuild's `buildSync` takes no plugins, so a child
 * process (`infra/bundle-function.ts`) makes the bundle with `build`, and the bundle is the same.
 */
export function bundleFunctionSync(projectRoot: string, entry: string, outdir: string): FunctionBundle {
  const printed = execFileSync(process.execPath, ['--import', 'tsx', 'infra/bundle-function.ts', entry, outdir], {
    cwd: projectRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(printed) as FunctionBundle;
}

/**
 * A bundle's output files by absolute path, and those module load reads: `index.mjs` and every
 * chunk it imports statically, not those imported on demand. The metafile's paths are relative to
 * the working directory (these builds set no `absWorkingDir`).
 */
export function outputsOf(outdir: string, metafile: Metafile) {
  const outputs = new Map(Object.entries(metafile.outputs).map(([path, output]) => [resolvePath(path), output]));
  const entry = resolvePath(outdir, 'index.mjs');
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const imported of outputs.get(file)?.imports ?? [])
      if (imported.kind === 'import-statement' && !imported.external) visit(resolvePath(imported.path));
  };
  visit(entry);
  return { entry, outputs, loaded };
}

function describeBundle(outdir: string, metafile: Metafile): FunctionBundle {
  const { entry, outputs, loaded } = outputsOf(outdir, metafile);
  const bytesOf = (files: Iterable<string>) =>
    [...files].reduce((sum, file) => sum + (outputs.get(file)?.bytes ?? 0), 0);
  const clients = new Set(
    [...loaded].flatMap((file) =>
      Object.keys(outputs.get(file)?.inputs ?? {}).flatMap(
        (input) => /node_modules\/@aws-sdk\/(client-[^/]+)\//.exec(input)?.[1] ?? [],
      ),
    ),
  );
  return {
    entry,
    files: [...outputs.keys()].sort(),
    loadedBytes: bytesOf(loaded),
    totalBytes: bytesOf(outputs.keys()),
    clients: [...clients].sort(),
  };
}
