import { resolve } from 'node:path';
import { measureBundles } from './bundles';

/**
 * `npm run bench`: figures measured side by side in one run, on this machine. Speed targets live
 * here rather than in timed tests, which would be flaky on shared CI machines.
 */
async function main(): Promise<void> {
  const workDir = resolve('.bench');
  console.log(`# Benchmarks (node ${process.version}, ${new Date().toISOString()})\n`);

  const { baseline, functions } = await measureBundles(workDir);
  console.log('## Function bundles against a bare DynamoDB client bundle (median module load of 7 fresh processes)\n');
  console.log('| bundle | size KiB | size ratio | load ms | load ratio |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const figure of [baseline, ...functions]) {
    console.log(
      `| ${figure.name} | ${(figure.bytes / 1024).toFixed(1)} | ${(figure.bytes / baseline.bytes).toFixed(2)} | ${figure.loadMs.toFixed(1)} | ${(figure.loadMs / baseline.loadMs).toFixed(2)} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
