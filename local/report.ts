import { parseArgs } from 'node:util';
import { type Calendar, parseMonth } from '../shared/domain/months';
import { isProvinceCode } from '../shared/domain/provinces';
import { runAsFunction } from './aws-edge/identity';
import { readEdgeSecret, useLocalCredentials } from './aws-edge/runtime';
import { engineEnvironment } from './engines';
import { localSettings, runningBackend } from './settings';

const usage =
  'usage: npm run report -- <YYYY-MM> [--province <code>|national] [--calendar solar-hijri|gregorian]   (or --scheduled: the daily job)';

/**
 * Runs the monthly report job against the running local backend (`npm start` in another
 * terminal): the same use case the scheduled Lambda and the generate route run.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { calendar: { type: 'string' }, province: { type: 'string' }, scheduled: { type: 'boolean' } },
  });
  const settings = localSettings();
  // The running backend's own endpoints, whatever ports it was started with.
  const backend = runningBackend(settings);
  const masterSecret = readEdgeSecret(settings.dataDir);
  if (!backend || !masterSecret) {
    throw new Error(`No local backend is running on ${settings.dataDir}: run \`npm start\` in another terminal first.`);
  }
  // Signs as the report functions do in AWS (below), held to their IAM policies by the running edge.
  const operator = useLocalCredentials(masterSecret);
  Object.assign(process.env, {
    ...engineEnvironment({ dynamo: backend.dynamoEndpoint, s3: backend.s3Endpoint }, operator),
    TABLE_NAME: backend.tableName,
    REPORTS_BUCKET: backend.reportsBucket,
    POWERTOOLS_LOG_LEVEL: 'WARN',
  });
  const { reportDepsFromEnv } = await import('../shared/adapters/report-deps');
  const { generateReport, runScheduledReports } = await import('../shared/use-cases/reports');
  const deps = reportDepsFromEnv();
  if (values.scheduled) {
    const produced = await runAsFunction('monthly-report-job', () => runScheduledReports(deps));
    console.log(
      produced.length
        ? `produced: ${produced.join(', ')}`
        : 'every closed month of the last year already has its report',
    );
    return;
  }
  const calendar = (values.calendar ?? 'solar-hijri') as Calendar;
  const month =
    positionals[0] && (calendar === 'solar-hijri' || calendar === 'gregorian')
      ? parseMonth(calendar, positionals[0])
      : undefined;
  if (!month) throw new Error(usage);
  const scope = values.province ?? '29';
  if (scope !== 'national' && !isProvinceCode(scope))
    throw new Error(`--province must be a province code or national. ${usage}`);
  const report = await runAsFunction('generate-monthly-report', () => generateReport(deps, month, scope));
  const totals = 'scope' in report ? report.country : report.province;
  console.log(
    `${report.calendar} ${report.month} ${scope} (${report.from} to ` +
      `${report.to})${report.provisional ? ', provisional: the month is still running' : ''}\n` +
      `  ${totals.registered} petitions in ${totals.offices} offices (previous month ${totals.previous})\n` +
      `  stored in bucket ${settings.reportsBucket} under ` +
      `monthly/${calendar === 'solar-hijri' ? 'J' : 'G'}/${report.month}/${scope}/report.{json,csv,svg}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
