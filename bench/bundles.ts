import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions } from '../infra/bundling';
import { AUTH_FUNCTIONS, EVENT_FUNCTIONS, ROUTES } from '../shared/routes';

const RUNS = 7;

export interface BundleFigure {
  name: string;
  bytes: number;
  loadMs: number;
}

/**
 * Each function bundled exactly as the CDK stack bundles it, next to a bundle holding only a bare
 * DynamoDB client: size on disk, and the median time for a fresh Node process to import it (the
 * module-load part of a cold start), both measured in this run.
 */
export async function measureBundles(workDir: string): Promise<{ baseline: BundleFigure; functions: BundleFigure[] }> {
  mkdirSync(workDir, { recursive: true });
  const baselineEntry = resolve(workDir, 'bare-dynamodb-client.ts');
  writeFileSync(
    baselineEntry,
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nconst client = new DynamoDBClient({});\nexport " +
      'const handler = async () => client.config.region;\n',
  );
  const baseline = await measure('bare DynamoDB client', baselineEntry, workDir);
  const functions: BundleFigure[] = [];
  for (const spec of [...ROUTES, ...EVENT_FUNCTIONS, ...AUTH_FUNCTIONS])
    functions.push(await measure(spec.id, resolve('functions', `${spec.id}.ts`), workDir));
  return { baseline, functions };
}

async function measure(name: string, entry: string, workDir: string): Promise<BundleFigure> {
  const outfile = resolve(workDir, `${name.replace(/\W+/g, '-')}.mjs`);
  await build({ ...esbuildOptions, entryPoints: [entry], outfile, nodePaths: [resolve('node_modules')] });
  const bytes = statSync(outfile).size;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(performance.now() - t);`,
      ],
      // The configuration a deployed function has, so that cold-start config parsing succeeds.
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          AWS_REGION: 'me-central-1',
          TABLE_NAME: 'bench-table',
          IDEMPOTENCY_TABLE_NAME: 'bench-idempotency',
          DOCUMENTS_BUCKET: 'bench-documents',
          REPORTS_BUCKET: 'bench-reports',
          POWERTOOLS_LOG_LEVEL: 'ERROR',
        },
      },
    );
    if (run.status !== 0)
      throw new Error(
        `loading ${name} failed: ${run.stderr
          .split('\n')
          .filter((l) => l.startsWith('Error'))
          .join(' ')}`,
      );
    times.push(Number(run.stdout.trim()));
  }
  times.sort((a, b) => a - b);
  return { name, bytes, loadMs: times[Math.floor(times.length / 2)]! };
}
