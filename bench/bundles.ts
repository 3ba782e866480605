import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { bundleFunction } from '../infra/bundling';
import { lambdaRuntimeVariables } from '../local/lambda-environment';
import { AUTH_FUNCTIONS, EVENT_FUNCTIONS, ROUTES } from '../shared/routes';

const RUNS = 9;

export interface BundleFigure {
  name: string;
  /** What module load reads: index.mjs and the chunks it imports statically. */
  bytes: number;
  /** The whole bundle, chunks loaded on demand included. */
  totalBytes: number;
  /** The AWS SDK clients module load brings (the issue allows 2× for a second one). */
  clients: string[];
  /** Median module load of RUNS fresh processes. */
  loadMs: number;
  /** Median of per-pair ratios against the baseline sample taken just before each sample. */
  loadRatio: number;
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
  const baselineFile = await bundle('bare DynamoDB client', baselineEntry, workDir);
  const files = [];
  for (const spec of [...ROUTES, ...EVENT_FUNCTIONS, ...AUTH_FUNCTIONS])
    files.push(await bundle(spec.id, resolve('functions', `${spec.id}.ts`), workDir));
  // Baseline and function alternate, sample by sample, so that the machine's drift falls on both.
  const baseTimes: number[] = [];
  const functions: BundleFigure[] = [];
  for (const file of files) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < RUNS; i++) {
      const base = loadTime(baselineFile);
      baseTimes.push(base);
      pairs.push([base, loadTime(file)]);
    }
    functions.push({
      name: file.name,
      bytes: file.bytes,
      totalBytes: file.totalBytes,
      clients: file.clients,
      loadMs: median(pairs.map(([, f]) => f)),
      loadRatio: median(pairs.map(([b, f]) => f / b)),
    });
  }
  const baseline = {
    name: baselineFile.name,
    bytes: baselineFile.bytes,
    totalBytes: baselineFile.totalBytes,
    clients: baselineFile.clients,
    loadMs: median(baseTimes),
    loadRatio: 1,
  };
  return { baseline, functions };
}

interface Bundle {
  name: string;
  outfile: string;
  bytes: number;
  totalBytes: number;
  clients: string[];
}

/** Built as the stack ships it (infra/bundling.ts), in a directory of its own. */
async function bundle(name: string, entry: string, workDir: string): Promise<Bundle> {
  const built = await bundleFunction(entry, resolve(workDir, 'bundles', name.replace(/\W+/g, '-')));
  return { name, outfile: built.entry, bytes: built.loadedBytes, totalBytes: built.totalBytes, clients: built.clients };
}

function loadTime({ name, outfile }: Bundle): number {
  {
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(performance.now() - t);`,
      ],
      // The configuration a deployed function has, so that cold-start config parsing succeeds, in a
      // process set up as Lambda's (the Tracer loads at the first invocation, as it does there).
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          ...lambdaRuntimeVariables({ functionName: 'bench', taskRoot: dirname(outfile) }),
          AWS_REGION: 'me-central-1',
          TABLE_NAME: 'bench-table',
          IDEMPOTENCY_TABLE_NAME: 'bench-idempotency',
          DOCUMENTS_BUCKET: 'bench-documents',
          REPORTS_BUCKET: 'bench-reports',
          POWERTOOLS_LOG_LEVEL: 'ERROR',
          SMS_PROVIDER: 'local-sink',
          SMS_WEBHOOK_SECRET: 'b'.repeat(40),
          PAYMENT_GATEWAY_URL: 'https://sep.shaparak.ir',
          JUDICIARY_TERMINAL_ID: '13000000',
          PAYMENT_CALLBACK_URL: 'https://api.example.ir/v1/payments/callback',
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
    return Number(run.stdout.trim());
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
