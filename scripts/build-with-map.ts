import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { bundleFunction, functionBuildOptions } from '../infra/bundling';

/**
 * A function's bundle as it ships, each file with its source map beside it, for reading a stack
 * trace from the logs (functions ship without maps: parsing one would cost every cold start).
 * esbuild's output is deterministic, so on the deployed commit, after `npm ci`, the files are
 * byte for byte the shipped ones. A build with maps names its chunks otherwise (their hash counts
 * the map) but places every line and column as the shipped build does (the names are as long), so
 * each map is written under the shipped file's name, matched by the modules the file holds.
 * Run: `npm run sourcemap -- <function id>`.
 */
const id = process.argv[2];
if (!id) {
  console.error('usage: npm run sourcemap -- <function id, as in functions/<id>.ts>');
  process.exit(2);
}
const entry = resolve('functions', `${id}.ts`);
const outdir = resolve('.sourcemap', id);
const shipped = await build({ ...functionBuildOptions(entry, join(outdir, 'shipped')), write: false });
await bundleFunction(entry, outdir);
const mapped = join(outdir, 'with-maps');
rmSync(mapped, { recursive: true, force: true });
const withMaps = await build({ ...functionBuildOptions(entry, mapped), sourcemap: 'external' });
mkdirSync(mapped, { recursive: true });

/** Each JavaScript output by what it holds: the same chunk in both builds holds the same modules. */
const byModules = (metafile: Metafile) =>
  new Map(
    Object.entries(metafile.outputs)
      .filter(([path]) => path.endsWith('.mjs'))
      .map(([path, output]) => [
        // A chunk of re-exports holds no module: its name's stem and its exports tell it apart.
        [basename(path).replace(/-[A-Z0-9]+\.mjs$/, ''), ...Object.keys(output.inputs).sort(), ...output.exports].join(
          '\n',
        ),
        basename(path),
      ]),
  );
const shippedNames = byModules(shipped.metafile);
if (shippedNames.size !== shipped.outputFiles.filter((file) => file.path.endsWith('.mjs')).length)
  throw new Error('two shipped files hold the same modules: their maps cannot be told apart');
for (const [modules, name] of byModules(withMaps.metafile)) {
  const shippedName = shippedNames.get(modules);
  if (!shippedName) throw new Error(`${name} matches no shipped file: is this the deployed commit after npm ci?`);
  copyFileSync(join(mapped, `${name}.map`), join(outdir, `${shippedName}.map`));
}
rmSync(mapped, { recursive: true, force: true });
console.log(`wrote ${outdir}: the shipped files (compare their sizes with the deployed code), each with its map`);
