import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { functionBuildOptions, outputsOf } from '../../infra/bundling';

/**
 * S3's client loads only the two event-stream modules it imports for its config, and the rest of
 * `@smithy/core/event-streams` stays in the chunk the SDK's protocols import on demand
 * (infra/s3-event-streams.ts). That S3's client still reads and writes objects once bundled,
 * test/handlers/lambda-tracing.test.ts shows (verification, as shipped).
 */
const run = promisify(execFile);
const workDir = mkdtempSync(join(tmpdir(), 'jeso-s3-event-streams-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The event-stream modules in the files module load reads, and in the whole bundle. */
function eventStreamModules(metafile: Metafile, outdir: string) {
  const { outputs, loaded } = outputsOf(outdir, metafile);
  const modulesOf = (files: Iterable<string>) =>
    [...files]
      .flatMap((file) => Object.keys(outputs.get(file)?.inputs ?? {}))
      .filter((input) => input.includes('/submodules/event-streams/'))
      .map((input) => input.replace(/.*\/submodules\/event-streams\//, ''));
  return { atLoad: modulesOf(loaded), inAll: modulesOf(outputs.keys()) };
}

it.each(['verify-document', 'keep-documents'])(
  "loads S3's event-stream config alone in %s, leaving the rest of the submodule to the on-demand chunk",
  async (functionId) => {
    // Prepare
    const outdir = join(workDir, functionId);

    // Act
    const { metafile } = await build({
      ...functionBuildOptions(resolve(`functions/${functionId}.ts`), outdir),
      write: false,
    });

    // Assess: the config resolver and the marshaller with its codec at load, not the protocol's
    // serde nor the submodule's index, which stay in the whole bundle for the protocols' import
    const { atLoad, inAll } = eventStreamModules(metafile, outdir);
    expect(atLoad).toEqual(
      expect.arrayContaining([
        'eventstream-serde-config-resolver/EventStreamSerdeConfig.js',
        'eventstream-serde/EventStreamMarshaller.js',
      ]),
    );
    expect(atLoad.filter((module) => module === 'EventStreamSerde.js' || module === 'index.js')).toEqual([]);
    expect(inAll).toEqual(expect.arrayContaining(['EventStreamSerde.js', 'index.js']));
  },
);

it('makes an S3 client whose event-stream marshaller is in place, as before', async () => {
  // Prepare: S3's client bundled as the functions get it
  const entry = join(workDir, 'probe.ts');
  writeFileSync(
    entry,
    [
      "import { S3Client } from '@aws-sdk/client-s3';",
      "const { eventStreamMarshaller } = new S3Client({ region: 'me-central-1' }).config;",
      'console.log(JSON.stringify([typeof eventStreamMarshaller.serialize, typeof eventStreamMarshaller.deserialize]));',
    ].join('\n'),
  );
  const outdir = join(workDir, 'probe');
  await build({ ...functionBuildOptions(entry, outdir), nodePaths: [resolve('node_modules')] });

  // Act
  const { stdout } = await run(process.execPath, [join(outdir, 'index.mjs')]);

  // Assess
  expect(JSON.parse(stdout)).toEqual(['function', 'function']);
});
