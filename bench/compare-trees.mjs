// Usage: node bench/compare-trees.mjs <tree before> <tree after> [runs] — module load of each function's bundle
// in two checkouts (git worktrees with node_modules), measured alternately; medians of <runs> fresh processes.
// Used for issue 11's check (no bench ratio more than 10% worse across a change); prints a Markdown table.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const [before, after, runsArg] = process.argv.slice(2);
const RUNS = Number(runsArg ?? 9);
const out = resolve(process.env.TMPDIR ?? '/tmp', 'compare-trees');
mkdirSync(out, { recursive: true });
const env = {
  ...process.env,
  AWS_REGION: 'me-central-1',
  TABLE_NAME: 'bench-table',
  IDEMPOTENCY_TABLE_NAME: 'bench-idempotency',
  DOCUMENTS_BUCKET: 'bench-documents',
  REPORTS_BUCKET: 'bench-reports',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  SMS_PROVIDER: 'kavenegar',
  SMS_API_BASE_URL: 'https://api.kavenegar.com/v1',
  SMS_API_KEY_SECRET_ARN: 'arn:x',
  SMS_WEBHOOK_SECRET_ARN: 'arn:y',
  // Lambda's own variables (local/lambda-environment.ts has them all): Powertools acts on them.
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
  LAMBDA_TASK_ROOT: out,
  _HANDLER: 'index.handler',
};
function load(file) {
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`,
    ],
    { encoding: 'utf8', env },
  );
  if (r.status !== 0) throw new Error(`${file}: ${r.stderr.slice(0, 300)}`);
  return Number(r.stdout.trim());
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ids = readdirSync(resolve(before, 'functions'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .filter((id) => readdirSync(resolve(after, 'functions')).includes(`${id}.ts`));
console.log('| function | KiB before | KiB after | load ms before | load ms after | after/before |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const id of ids) {
  const files = {};
  for (const [name, tree] of [
    ['before', before],
    ['after', after],
  ]) {
    // Each tree builds as it ships: split into a directory (bundleFunction) where it has that,
    // else one file; either way `<dir>/index.mjs` is what Lambda loads.
    const dir = `${out}/${name}-${id}`;
    files[name] = `${dir}/index.mjs`;
    spawnSync(
      'npx',
      [
        'tsx',
        '-e',
        [
          "import { build } from 'esbuild';",
          "import * as bundling from './infra/bundling';",
          `const entry = 'functions/${id}.ts';`,
          `(bundling.bundleFunction ? bundling.bundleFunction(entry, '${dir}')`,
          `: build({ ...bundling.esbuildOptions, entryPoints: [entry], outfile: '${files[name]}' }))`,
          '.catch((e) => { console.error(e); process.exit(1); });',
        ].join(' '),
      ],
      { cwd: tree, stdio: 'inherit' },
    );
  }
  const t = { before: [], after: [] };
  for (let i = 0; i < RUNS; i++) {
    t.before.push(load(files.before));
    t.after.push(load(files.after));
  }
  const b = median(t.before),
    a = median(t.after);
  // The whole bundle: every file of its directory.
  const kib = (file) => {
    const dir = dirname(file);
    return (readdirSync(dir).reduce((sum, name) => sum + statSync(`${dir}/${name}`).size, 0) / 1024).toFixed(1);
  };
  const [beforeKiB, afterKiB] = [files.before, files.after].map(kib);
  console.log(`| ${id} | ${beforeKiB} | ${afterKiB} | ${b.toFixed(1)} | ${a.toFixed(1)} | ${(a / b).toFixed(2)} |`);
}
