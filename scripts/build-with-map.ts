import { appendFileSync, copyFileSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { functionBuildOptions } from '../infra/bundling';

/**
 * A function's bundle as it ships, each file with its source map beside it, for reading a stack
 * trace from the logs (functions ship without maps: parsing one would cost every cold start).
 * esbuild's output is deterministic, so on the deployed commit, after `npm ci`, the files are
 * byte for byte the shipped ones but for a last line naming the map. A build with maps names its
 * chunks otherwise (their hash counts the map) but places every line and column as the shipped
 * build does (the names are as long), so each map is written under the shipped file's name,
 * matched by what the file holds. Run: `npm run sourcemap -- <function id>`.
 */
const id = process.argv[2];
if (!id) {
  console.error('usage: npm run sourcemap -- <function id, as in functions/<id>.ts>');
  process.exit(2);
}
const entry = resolve('functions', `${id}.ts`);
const outdir = resolve('.sourcemap', id);
// Beside it, at the same depth: a map's sources are paths relative to its own directory.
const mapsDir = resolve('.sourcemap', `${id}.maps`);
for (const dir of [outdir, mapsDir]) rmSync(dir, { recursive: true, force: true });
const shipped = await build(functionBuildOptions(entry, outdir));
const withMaps = await build({ ...functionBuildOptions(entry, mapsDir), sourcemap: 'external' });

/** Each JavaScript output by what it holds: the same chunk in both builds holds the same modules. */
const byContents = (metafile: Metafile) =>
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
const shippedNames = byContents(shipped.metafile);
if (shippedNames.size !== Object.keys(shipped.metafile.outputs).length)
  throw new Error('two shipped files hold the same modules: their maps cannot be told apart');
for (const [contents, name] of byContents(withMaps.metafile)) {
  const shippedName = shippedNames.get(contents);
  if (!shippedName) throw new Error(`${name} matches no shipped file: is this the deployed commit after npm ci?`);
  copyFileSync(join(mapsDir, `${name}.map`), join(outdir, `${shippedName}.map`));
  // After the code, so no line or column moves; editors then find the map by themselves.
  appendFileSync(join(outdir, shippedName), `//# sourceMappingURL=${shippedName}.map\n`);
}
rmSync(mapsDir, { recursive: true, force: true });
console.log(
  `wrote ${outdir}: the shipped files, each with its map (their sizes less the last line are the deployed code's)`,
);
