import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Every schema a schema module exports is declared `/* @__PURE__ *\/ lazySchema(() => …)`
 * (shared/schemas/lazy.ts, issue 16): built on its first parse, and dropped by esbuild from every
 * bundle whose code never reaches it. Built eagerly, the schemas of a function's modules cost its
 * cold start 20–30 ms of construction it never uses (zod's classic schemas are costly to make);
 * without the annotation, every bundle that imports the module keeps them all.
 * test/infra/bundle-routes.test.ts checks what each bundle then holds.
 */
const SCHEMA_DIR = resolve(__dirname, '../../shared/schemas');
const modules = [
  ...readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.ts') && file !== 'validate.ts' && file !== 'lazy.ts')
    .map((file) => resolve(SCHEMA_DIR, file)),
  resolve(__dirname, '../../shared/events/petition-events.ts'),
];

it.each(modules)('%s exports its schemas as pure lazySchema declarations only', async (path) => {
  const exports = (await import(path)) as Record<string, unknown>;
  const source = readFileSync(path, 'utf8');
  const schemas = Object.entries(exports).filter(
    ([, value]) => typeof value === 'object' && value !== null && '_zod' in value,
  ) as [string, { _zod: { def: { type: string } } }][];

  const eager = schemas.filter(([, schema]) => schema._zod.def.type !== 'lazy').map(([name]) => name);
  const reexported = (name: string) => new RegExp(`export \\{[^}]*\\b${name}\\b[^}]*\\}`).test(source);
  const unannotated = schemas
    .filter(([name]) => !reexported(name))
    .filter(([name]) => !source.includes(`export const ${name} = /* @__PURE__ */ lazySchema(`))
    .map(([name]) => name);

  expect(schemas.length).toBeGreaterThan(0);
  expect(eager).toEqual([]);
  expect(unannotated).toEqual([]);
});

it('builds none of those schemas when their modules are imported', () => {
  // Prepare: a fresh process, since this one's contract guard has built them all for the OpenAPI document.
  const script = `
    const built = [];
    for (const path of ${JSON.stringify(modules)}) {
      const exports = await import(path);
      for (const [name, value] of Object.entries(exports))
        if (value?._zod?.def?.type === 'lazy' && value._zod.def._cachedInner !== undefined) built.push(name);
    }
    console.log(JSON.stringify(built));`;

  // Act
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    cwd: resolve(__dirname, '../..'),
  });

  // Assess
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout.trim())).toEqual([]);
}, 60_000);
