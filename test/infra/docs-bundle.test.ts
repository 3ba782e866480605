import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { bundleFunction, esbuildOptions } from '../../infra/bundling';
import { prepareRenderer, withoutVendorLogo } from '../../shared/docs/prepare-renderer';
import { AUTH_FUNCTIONS, EVENT_FUNCTIONS, ROUTES } from '../../shared/routes';

/**
 * The renderer is a megabyte of JavaScript: only the function that serves it may carry it, or
 * every cold start would pay for it. Each function is bundled as the stack bundles it
 * (infra/bundling.ts), with packages left external: only our own modules import the renderer,
 * so this reads each function's import graph in well under a second.
 */
it('puts the docs renderer in the docs-renderer bundle and in no other', async () => {
  const ids = [...ROUTES, ...EVENT_FUNCTIONS, ...AUTH_FUNCTIONS].map((spec) => spec.id);

  const result = await build({
    ...esbuildOptions,
    entryPoints: Object.fromEntries(ids.map((id) => [id, resolve('functions', `${id}.ts`)])),
    outdir: resolve('bundles'),
    write: false,
    metafile: true,
    packages: 'external',
  });
  const withRenderer = Object.values(result.metafile.outputs)
    .filter((output) => output.imports.some((imported) => imported.path.startsWith('redoc/')))
    .map((output) => output.entryPoint);

  expect(ids).toContain('docs-renderer');
  expect(withRenderer).toEqual(['functions/docs-renderer.ts']);
});

/**
 * The renderer is gzipped and hashed when the function is built (infra/prepared-renderer.ts):
 * done at each cold start, that took 35 ms of its module load, and the bundle held the script
 * itself, three times the size of its gzip.
 */
it('bundles the docs renderer gzipped with its ETag, and not the script itself', async () => {
  const workDir = mkdtempSync(join(tmpdir(), 'jeso-docs-bundle-'));
  try {
    const redoc = readFileSync(require.resolve('redoc/bundles/redoc.standalone.js'), 'utf8');
    const prepared = prepareRenderer(redoc);

    const bundle = await bundleFunction(resolve('functions/docs-renderer.ts'), workDir);
    const shipped = bundle.files.map((file) => readFileSync(file, 'utf8')).join('\n');

    // Booleans: a failure would otherwise print the megabyte.
    const script = withoutVendorLogo(redoc);
    expect(shipped.includes(prepared.gzipBase64)).toBe(true);
    expect(shipped.includes(prepared.etag.slice(1, -1))).toBe(true);
    // A stretch from the middle of the script, where Redoc's own code is.
    expect(shipped.includes(script.slice(script.length / 2, script.length / 2 + 200))).toBe(false);
    // With the script in it, the bundle would be larger than the script alone.
    expect(bundle.totalBytes).toBeLessThan(script.length);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
});
