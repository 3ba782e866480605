import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Every schema a schema module exports is a `z.lazy`, built on its first parse (issue 16): a
 * function imports the modules of its route's schemas, and with them every other schema those
 * modules hold. Built eagerly, those cost a cold start 20–30 ms of construction it never uses
 * (zod's classic schemas are costly to make); lazily, a function builds only what it parses, and
 * the response schemas, which only the OpenAPI document reads, never.
 */
const SCHEMA_DIR = resolve(__dirname, '../../shared/schemas');
const modules = readdirSync(SCHEMA_DIR).filter((file) => file.endsWith('.ts') && file !== 'validate.ts');

it.each(modules)('%s exports its schemas as z.lazy only', async (file) => {
  const exports = (await import(resolve(SCHEMA_DIR, file))) as Record<string, unknown>;
  const schemas = Object.entries(exports).filter(
    ([, value]) => typeof value === 'object' && value !== null && '_zod' in value,
  ) as [string, { _zod: { def: { type: string } } }][];

  const eager = schemas.filter(([, schema]) => schema._zod.def.type !== 'lazy').map(([name]) => name);

  expect(schemas.length).toBeGreaterThan(0);
  expect(eager).toEqual([]);
});
