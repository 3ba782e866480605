import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions } from '../infra/bundling';

/**
 * A function's bundle as it ships, with its source map beside it, for reading a stack trace from
 * the logs (functions ship without a map: parsing it would cost every cold start). esbuild's
 * output is deterministic, so on the deployed commit, after `npm ci`, the bundle is byte for byte
 * the shipped one but for its last line (naming the map). Run: `npm run sourcemap -- <function id>`.
 */
const id = process.argv[2];
if (!id) {
  console.error('usage: npm run sourcemap -- <function id, as in functions/<id>.ts>');
  process.exit(2);
}
const outfile = resolve('.sourcemap', `${id}.mjs`);
await build({ ...esbuildOptions, sourcemap: true, entryPoints: [resolve('functions', `${id}.ts`)], outfile });
// Compare with the deployed code's size (aws lambda get-function): a different size is a different build.
const code = readFileSync(outfile, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
console.log(`wrote ${outfile} and ${outfile}.map`);
console.log(
  `the shipped bundle would be ${Buffer.byteLength(code)} bytes, sha256 ${createHash('sha256').update(code).digest('hex')}`,
);
