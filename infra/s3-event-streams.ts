import { dirname, join } from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * The modules of `@smithy/core/event-streams` that S3's client imports at load, each for the one
 * function it names: `S3Client.js` the config resolver, `runtimeConfig.js` the marshaller's
 * provider. Relative to the submodule's index.
 */
const DEFINED_IN: Record<string, string> = {
  'S3Client.js': 'eventstream-serde-config-resolver/EventStreamSerdeConfig.js',
  'runtimeConfig.js': 'eventstream-serde/EventStreamMarshaller.js',
};

/**
 * S3's client imports two functions of `@smithy/core/event-streams` at load, for
 * SelectObjectContent, the one S3 operation with an event stream, which no function sends. The
 * SDK's protocols import the same submodule on demand (`HttpProtocol`, `await import(…)`), and a
 * module imported both ways is loaded at module load, whole: every S3 function's cold start read
 * EventStreamSerde and the message streams with it. Pointed at the two modules that define what it
 * imports, S3's client loads those, and the rest stays in the on-demand chunk, as it does in the
 * functions with DynamoDB's client only: 4.4 KiB less at verification's and the keeper's module
 * load (2026-11-29).
 *
 * Each module is resolved from the importing client's own `@smithy/core`. Should a later SDK import
 * another name there, the build fails ("No matching export"), and so it does when another file of
 * S3's client imports the submodule at load: this table then needs the module that defines it.
 * test/infra/s3-event-streams.test.ts checks that the S3 functions' bundles load none of the rest,
 * and the handler tests run S3's client through it (lambda-tracing, shipped-bundle).
 */
export const s3EventStreamsByModule: Plugin = {
  name: 's3-event-streams-by-module',
  setup(build) {
    build.onResolve({ filter: /^@smithy\/core\/event-streams$/ }, async (args) => {
      const importer = /node_modules[\\/]@aws-sdk[\\/]client-s3[\\/]dist-es[\\/](.+)$/.exec(args.importer)?.[1];
      if (!importer || args.kind !== 'import-statement') return undefined;
      const module = DEFINED_IN[importer];
      // A later SDK importing it from another file would quietly load the whole submodule again.
      if (!module)
        return { errors: [{ text: `S3's ${importer} imports @smithy/core/event-streams: add it to DEFINED_IN` }] };
      const index = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir });
      if (index.errors.length > 0) return { errors: index.errors };
      return { path: join(dirname(index.path), module) };
    });
  },
};
