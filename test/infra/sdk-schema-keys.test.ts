import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleFunction, esbuildOptions } from '../../infra/bundling';
import { literalSchemaTraitKeys, literalTraitKeys, SDK_SCHEMA_FILE } from '../../infra/sdk-schema-keys';

/**
 * The bundles carry the AWS SDK's schemas with literal keys where the SDK writes computed ones
 * (infra/sdk-schema-keys.ts), so that esbuild drops the schemas of operations a function never
 * sends. The rewrite must leave no computed key behind and must not change a single schema.
 */
const workDir = mkdtempSync(join(tmpdir(), 'jeso-sdk-schemas-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const COMPUTED_KEY = /[{,]\s*\[[\w$]+\]\s*:/;
const clientSchemaFiles = [
  ...readdirSync(resolve('node_modules/@aws-sdk'))
    .filter((name) => name.startsWith('client-'))
    .map((client) => ({ client, dir: resolve('node_modules/@aws-sdk', client, 'dist-es/schemas') })),
  ...readdirSync(resolve('node_modules/@aws-sdk/nested-clients/dist-es/submodules')).map((nested) => ({
    client: `nested-clients/${nested}`,
    dir: resolve('node_modules/@aws-sdk/nested-clients/dist-es/submodules', nested, 'schemas'),
  })),
].flatMap(({ client, dir }) => readdirSync(dir).map((file) => ({ client, path: join(dir, file) })));

it('writes a computed key naming a string constant as that string, and leaves other brackets alone', () => {
  const source = [
    'const _e = "error";',
    'const _hE = "httpError";',
    'export var A$ = [-3, n0, _A, { [_e]: _c, [_hE]: 400 }, [], []];',
    'export var B$ = [3, n0, _B, {\n  [_unknown]: 1 }, [], []];',
    'const x = y[_e] ? z[_hE] : w;',
  ].join('\n');

  const rewritten = literalTraitKeys(source);

  expect(rewritten).toContain('{ "error": _c, "httpError": 400 }');
  expect(rewritten).toContain('[_unknown]: 1');
  expect(rewritten).toContain('const x = y[_e] ? z[_hE] : w;');
});

it.each(clientSchemaFiles)('leaves no computed key in $client’s schemas', ({ path }) => {
  const source = readFileSync(path, 'utf8');

  const rewritten = literalTraitKeys(source);

  // Once this fails for every client, the SDK writes literal keys itself: delete the plugin.
  expect(source).toMatch(COMPUTED_KEY);
  expect(SDK_SCHEMA_FILE.test(path)).toBe(true);
  expect(rewritten).not.toMatch(COMPUTED_KEY);
});

/** A client's exported schemas as data: functions (schema thunks, error classes) by name only. */
async function exportedSchemas(client: string, rewrite: boolean): Promise<string> {
  const outfile = join(workDir, `${client}-${rewrite ? 'literal' : 'computed'}.mjs`);
  await build({
    ...esbuildOptions,
    minify: false,
    plugins: rewrite ? [literalSchemaTraitKeys] : [],
    stdin: { contents: `export * from '@aws-sdk/${client}/dist-es/schemas/schemas_0.js';`, resolveDir: process.cwd() },
    outfile,
  });
  const print = `const schemas = await import(${JSON.stringify(pathToFileURL(outfile).href)});
    process.stdout.write(JSON.stringify(schemas, (_k, v) => (typeof v === 'function' ? 'function ' + v.name : v)));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', print], { encoding: 'utf8' });
}

it.each(['client-s3', 'client-dynamodb', 'client-cognito-identity-provider', 'client-secrets-manager'])(
  'gives the very schemas %s exports without the rewrite',
  async (client) => {
    const [computed, literal] = await Promise.all([exportedSchemas(client, false), exportedSchemas(client, true)]);

    expect(literal.length).toBeGreaterThan(10_000);
    expect(literal).toBe(computed);
  },
);

it('bundles only the schemas of the S3 operations a function sends', async () => {
  const bundle = await bundleFunction(resolve('functions/verify-document.ts'), join(workDir, 'verify-document'));
  const code = bundle.files.map((file) => readFileSync(file, 'utf8')).join('\n');

  expect(code).toContain('"GetObjectRequest"');
  expect(code).not.toContain('PutBucketLifecycleConfiguration');
  expect(code).not.toContain('SelectObjectContentRequest');
}, 60_000);
