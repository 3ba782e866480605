import './quiet';
import { resolve } from 'node:path';
import { EVENT_FUNCTIONS, limitsOf, ROUTES } from '../shared/routes';
import { measureBundles } from './bundles';
import { COLD_RUNS, measureColdStarts } from './cold-start';
import { measurePetitionLife } from './cost';
import { costPer1000Petitions, formatCostReport, petitionLife } from './cost-model';
import { startBenchStack } from './local-stack';
import { measureNationalReports, measureReports } from './reports';
import { measureSubmissions } from './submissions';

/**
 * `npm run bench`: figures measured side by side in one run, on this machine. Speed targets live
 * here rather than in timed tests, which would be flaky on shared CI machines.
 */
async function main(): Promise<void> {
  const workDir = resolve('.bench');
  // `npm run bench -- national reports` runs only those sections; no argument runs them all.
  const only = process.argv.slice(2);
  const want = (section: 'bundles' | 'cold' | 'submissions' | 'cost' | 'reports' | 'national') =>
    only.length === 0 || only.includes(section);
  console.log(`# Benchmarks (node ${process.version}, ${new Date().toISOString()})\n`);

  // The median module load, once measured, stands for INIT in the cost of cold invocations.
  const initMs = want('bundles') ? await bundles(workDir) : undefined;
  if (want('cold')) await coldStarts(workDir);
  if (want('submissions')) await submissions();
  if (want('cost')) await cost(initMs);
  if (want('reports')) await reports();
  if (want('national')) await national();
}

async function bundles(workDir: string): Promise<number> {
  const { baseline, functions } = await measureBundles(workDir);
  console.log(
    '## Function bundles against a bare DynamoDB client bundle (module load: median of 9 fresh processes, ' +
      'baseline and function alternately; the ratio is the median of the per-pair ratios)\n',
  );
  console.log('| bundle | loaded KiB | loaded ratio | all files KiB | load ms | load ratio |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const figure of [baseline, ...functions]) {
    console.log(
      `| ${figure.name} | ${(figure.bytes / 1024).toFixed(1)} | ${(figure.bytes / baseline.bytes).toFixed(2)} | ` +
        `${(figure.totalBytes / 1024).toFixed(1)} | ${figure.loadMs.toFixed(1)} | ${figure.loadRatio.toFixed(2)} |`,
    );
  }
  // The docs renderer is the Redoc file it serves: no target speaks of it.
  const largest = (chosen: typeof functions) =>
    Math.max(...chosen.filter((f) => f.name !== 'docs-renderer').map((f) => f.bytes / baseline.bytes)).toFixed(2);
  const loads = functions.map((f) => f.loadRatio).sort((a, b) => a - b);
  console.log(
    `\nLoaded size ratio (index.mjs and its static imports; chunks imported on demand are read at first use): ` +
      `largest ${largest(functions.filter((f) => f.clients.length <= 1))} with one SDK client (target ≤1.6), ` +
      `${largest(functions.filter((f) => f.clients.length > 1))} with two (S3's or Secrets Manager's besides ` +
      `DynamoDB's; target ≤2). ` +
      `Load ratio: median ${loads[Math.floor(loads.length / 2)]!.toFixed(2)} (target ≤1.3), ` +
      `largest ${loads[loads.length - 1]!.toFixed(2)} (target ≤1.6).`,
  );
  const times = functions.map((f) => f.loadMs).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function cost(initMs: number | undefined): Promise<void> {
  // A fresh engine: the petitions' stored bytes are read from a table holding only theirs.
  const stack = await startBenchStack();
  try {
    const figures = await measurePetitionLife(stack, initMs === undefined ? {} : { initMs });
    const report = costPer1000Petitions({
      operations: petitionLife(figures.life),
      petitionsPerMonth: figures.petitionsPerMonth,
      stored: figures.stored,
    });
    console.log(`\n${formatCostReport(report)}`);
    console.log('\nMeasured in this run:');
    for (const note of figures.notes) console.log(`- ${note}`);
    console.log(
      `- a petition keeps about ${(figures.stored.dynamoBytes / 1024).toFixed(1)} KiB in DynamoDB ` +
        `(items and index entries) and ${figures.stored.s3Objects} scans of 1 MiB in S3; the report job is shared ` +
        `by ${figures.petitionsPerMonth.toLocaleString('en-US')} petitions a month (22 offices, about 300 each: an assumption)`,
    );
  } finally {
    await stack.stop();
  }
}

async function coldStarts(workDir: string): Promise<void> {
  const stack = await startBenchStack();
  try {
    const figures = await measureColdStarts(stack, workDir);
    console.log(
      `\n## Cold start to first answer (process start, module load, config, clients, first request against ` +
        `DynamoDB Local; median of ${COLD_RUNS} fresh processes, each after a baseline process: a bare ` +
        'DynamoDB client answering one GetItem)\n',
    );
    // The two parts say where a ratio comes from: module load (the bundle) or the first call (the
    // Tracer's load, the middleware, the round trips); each is a median of its own, so the two
    // need not add up to the total exactly.
    console.log(
      '| function | kind | first request answered | ms | module loaded at | first call | baseline ms | ' +
        'its module loaded at | its first call | ratio |',
    );
    console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const f of figures)
      console.log(
        `| ${f.name} | ${f.kind} | ${f.answer} | ${[
          f.medianMs,
          f.loadedMs,
          f.firstCallMs,
          f.baselineMs,
          f.baselineLoadedMs,
          f.baselineFirstCallMs,
        ]
          .map((ms) => ms.toFixed(1))
          .join(' | ')} | ${f.ratio.toFixed(2)} |`,
      );
    const data = figures.filter((f) => f.kind === 'data').map((f) => f.ratio);
    console.log(`\nData functions: largest ratio ${Math.max(...data).toFixed(2)} (target ≤1.5).`);
  } finally {
    await stack.stop();
  }
}

async function submissions(): Promise<void> {
  const stack = await startBenchStack();
  try {
    const s = await measureSubmissions(stack);
    console.log(
      '\n## Submission through the local gateway against a raw DynamoDB Local PutItem (same engine, same run)\n',
    );
    console.log('| operation | n | p50 ms | p99 ms |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(
      `| raw PutItem (petition-sized item) | ${s.raw.n} | ${s.raw.p50.toFixed(1)} | ${s.raw.p99.toFixed(1)} |`,
    );
    console.log(
      `| POST /v1/petitions/{id}/submit, sequential | ${s.submit.n} | ${s.submit.p50.toFixed(1)} | ${s.submit.p99.toFixed(1)} |`,
    );
    console.log(
      `\nSubmit against raw PutItem, p50: ${(s.submit.p50 / s.raw.p50).toFixed(2)}× ` +
        '(no regression: compare with the README run of the same command).',
    );
    console.log(
      `\nThroughput: ${s.throughput.perSecond.toFixed(0)} submissions/s (${s.throughput.n} submissions, ` +
        `${s.throughput.concurrency} concurrent clients, one office).`,
    );
    console.log(
      `One submission: ${s.perSubmission.calls} DynamoDB calls (${s.perSubmission.commands.join(', ')}), ` +
        `${s.perSubmission.readUnits} read units, ${s.perSubmission.writeUnits} write units (ReturnConsumedCapacity; ` +
        'targets ≤3 calls, ≤20 write units with the court inbox entry; the paid totals come in the BatchGetItem).',
    );
    console.log('\n| written by one submission | write units |');
    console.log('| --- | ---: |');
    for (const { item, units } of s.perSubmission.writeUnitsByItem) console.log(`| ${item} | ${units} |`);
  } finally {
    await stack.stop();
  }
}

async function reports(): Promise<void> {
  // A fresh engine, so the report bench reads a table holding only its own petitions.
  const reportStack = await startBenchStack();
  try {
    // 5,000 and 50,000: seeding DynamoDB Local slows as its tables grow (50,000 petitions took 85 s
    // to 150 s in a second table, 26 s in the first; 220,000 more than 55 minutes).
    const small = Number(process.env.BENCH_REPORT_PETITIONS ?? 5_000);
    const r = await measureReports([small, small * 10]);
    console.log(
      `\n## Monthly report generation: same offices, two months ten times apart in one table of ` +
        `${r.tablePetitions} petitions (median of 11)\n`,
    );
    console.log(
      '| month | its petitions | seeding s | report generation ms (read counters, build, store JSON/CSV/SVG) | ' +
        'its own CPU ms | its DynamoDB calls | its read units |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const [volume, seeded, m] of [
      [r.volumes[0], r.seedSeconds[0], r.small],
      [r.volumes[1], r.seedSeconds[1], r.large],
    ] as const)
      console.log(
        `| ${m.month} | ${volume} | ${seeded.toFixed(1)} | ${m.medianMs.toFixed(1)} | ${m.cpuMs.toFixed(1)} | ` +
          `${m.calls} | ${m.units} |`,
      );
    const [before, after] = r.smallerMonthReads;
    const sameAsTableGrew = before.calls === after.calls && before.units === after.units;
    console.log(
      `\nRatio large/small: ${(r.large.medianMs / r.small.medianMs).toFixed(2)} (target ≤1.2); the same DynamoDB calls ` +
        `and read units for both months: ${r.small.calls === r.large.calls && r.small.units === r.large.units ? 'yes' : 'NO'}; ` +
        `the same for ${r.small.month} with ${before.petitions} and ${after.petitions} petitions in the table ` +
        `(${before.calls} and ${after.calls} calls, ${before.units} and ${after.units} read units): ` +
        `${sameAsTableGrew ? 'yes' : 'NO'}; ` +
        `the report's own CPU time (this process, not the engine's): ${(r.large.cpuMs / r.small.cpuMs).toFixed(2)}. ` +
        `(${r.offices} offices; the report counted ${r.small.province} and ${r.large.province} petitions. Both months ` +
        `share one table (with the month before the smaller one, which holds as many as it), so that ` +
        `DynamoDB Local's slowdown as a table grows, which DynamoDB does not have, falls on both.)`,
    );
  } finally {
    await reportStack.stop();
  }
}

async function national(): Promise<void> {
  const nationalStack = await startBenchStack();
  try {
    const n = await measureNationalReports(3000);
    console.log(
      `\n## National scale: ${n.offices} offices in ${n.provinces} provinces, counters written directly ` +
        `(seeded in ${n.seedSeconds.toFixed(1)} s; median of ${11})\n`,
    );
    console.log('| report | offices read | generation ms (read counters, build, store JSON/CSV/SVG) |');
    console.log('| --- | ---: | ---: |');
    console.log(`| national (31 provinces ranked) | ${n.offices} | ${n.medianMs.national.toFixed(1)} |`);
    console.log(`| Tehran (07) | ${n.officesIn('07')} | ${n.medianMs['07'].toFixed(1)} |`);
    console.log(`| South Khorasan (29) | ${n.officesIn('29')} | ${n.medianMs['29'].toFixed(1)} |`);
    // The tightest function that builds a national report: the API's (the job has minutes).
    const { timeoutSeconds, memoryMb } = limitsOf(ROUTES.find((r) => r.id === 'get-national-report')!);
    const job = limitsOf(EVENT_FUNCTIONS.find((f) => f.id === 'monthly-report-job')!);
    console.log(
      `\nLimits (shared/routes): the national report's routes ${timeoutSeconds} s, ${memoryMb} MB; ` +
        `the report job ${job.timeoutSeconds} s, ${job.memoryMb} MB. ` +
        `Slowest national report ${n.slowestMs.national.toFixed(0)} ms ` +
        `(${((100 * n.slowestMs.national) / (timeoutSeconds * 1000)).toFixed(0)}% of the routes' timeout); ` +
        `peak resident memory of the whole bench process meanwhile ${n.peakRssMb.toFixed(0)} MB ` +
        `(${n.peakRssMb <= memoryMb ? 'within' : 'OVER'} the memory; it also holds the local S3 server).`,
    );
  } finally {
    await nationalStack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
