import { resolve } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions } from '../../infra/bundling';
import { AUTH_FUNCTIONS, EVENT_FUNCTIONS, ROUTES } from '../../shared/routes';

/**
 * Each function's bundle carries its own route's module and no other route's (so no other
 * route's schemas): the route table is the sum of the route modules, and only the OpenAPI
 * function, which publishes them all, imports it whole. Bundled as the stack bundles them, with
 * packages left external: only our own modules are read.
 */
it("bundles each route's function with its own route module only", async () => {
  const result = await build({
    ...esbuildOptions,
    entryPoints: Object.fromEntries(ROUTES.map((route) => [route.id, resolve('functions', `${route.id}.ts`)])),
    outdir: resolve('bundles'),
    write: false,
    metafile: true,
    packages: 'external',
    // The docs renderer is imported as text; its content does not matter here.
    loader: { '.js': 'js' },
    external: ['redoc/*'],
  });
  const routeModulesOf = (entry: string) => {
    const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint === entry);
    return Object.keys(output?.inputs ?? {})
      .filter((input) => input.startsWith('shared/routes/') && !input.endsWith('/define.ts'))
      .sort();
  };

  // The openapi function too: it serves the committed document instead of building it from every route.
  for (const route of ROUTES) {
    expect({ route: route.id, modules: routeModulesOf(`functions/${route.id}.ts`) }).toEqual({
      route: route.id,
      modules: [`shared/routes/${route.id}.ts`],
    });
  }
});

/**
 * What a function loads at cold start: the S3 client only in the functions that touch documents or
 * report files (issue 16). Bundled whole, as shipped, since only a full bundle shows what
 * tree-shaking left of a package.
 */
it('bundles the S3 client only where a function uses S3', async () => {
  const specs = [...ROUTES, ...EVENT_FUNCTIONS, ...AUTH_FUNCTIONS];
  const result = await build({
    ...esbuildOptions,
    entryPoints: Object.fromEntries(specs.map((spec) => [spec.id, resolve('functions', `${spec.id}.ts`)])),
    outdir: resolve('bundles'),
    write: false,
    metafile: true,
    minify: false,
    nodePaths: [resolve('node_modules')],
  });
  const packagesOf = (id: string) => {
    const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint === `functions/${id}.ts`);
    return new Set(
      Object.entries(output?.inputs ?? {})
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1])
        .filter((name): name is string => name !== undefined),
    );
  };
  for (const spec of specs) {
    const loaded = packagesOf(spec.id);
    const usesS3 = Boolean(spec.documents?.length || ('reports' in spec && spec.reports));
    expect({ id: spec.id, s3: loaded.has('@aws-sdk/client-s3') }).toEqual({ id: spec.id, s3: usesS3 });
  }
}, 120_000);
