import { bundleFunction } from './bundling';

/**
 * `tsx infra/bundle-function.ts <entry> <outdir>`: builds one function as it ships and prints its
 * description (`FunctionBundle`) as JSON. CDK's local bundling runs it (`bundleFunctionSync`).
 */
const [entry, outdir] = process.argv.slice(2);
if (!entry || !outdir) throw new Error('usage: tsx infra/bundle-function.ts <entry> <outdir>');
process.stdout.write(JSON.stringify(await bundleFunction(entry, outdir)));
