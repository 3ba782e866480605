import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import { PREPARED_RENDERER, prepareRenderer } from '../shared/docs/prepare-renderer';

/**
 * `import renderer from '…redoc.standalone.js' with { type: 'prepared-renderer' }` bundles the
 * renderer as the docs function serves it (gzipped, with its ETag), made here once rather than at
 * each cold start. esbuild refuses an attribute no plugin handles, so a build without this fails.
 */
export const preparedRenderer: Plugin = {
  name: PREPARED_RENDERER,
  setup(build) {
    build.onLoad({ filter: /[\\/]redoc[\\/]bundles[\\/]redoc\.standalone\.js$/ }, async (args) => {
      if (args.with.type !== PREPARED_RENDERER) return undefined;
      const prepared = prepareRenderer(await readFile(args.path, 'utf8'));
      return { contents: `export default ${JSON.stringify(prepared)};`, loader: 'js' };
    });
  },
};
