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
const modules = readdirSync(SCHEMA_DIR).filter(
  (file) => file.endsWith('.ts') && file !== 'validate.ts' && file !== 'lazy.ts',
);

it.each(modules)('%s exports its schemas as pure lazySchema declarations only', async (file) => {
  const exports = (await import(resolve(SCHEMA_DIR, file))) as Record<string, unknown>;
  const source = readFileSync(resolve(SCHEMA_DIR, file), 'utf8');
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
