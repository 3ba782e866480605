import { resolve } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions } from '../../infra/bundling';
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
