import { parseArgs } from 'node:util';
import { isProvinceCode } from '../shared/domain/provinces';

const usage =
  'usage: npm run backfill -- --local | --table <data table name> --judiciary-terminal <id> [--region <region>] ' +
  '[--target-province <code>]';

/**
 * Brings a data table written by an earlier version up to date (see backfill-provinces.ts,
 * backfill-attention.ts, backfill-tracking-entries.ts and backfill-terminals.ts). Safe to run
 * more than once and while the application runs. In AWS it uses the caller's credentials (an
 * operator's: Scan, GetItem, PutItem, UpdateItem and ConditionCheckItem on the table); `--local`
 * works on the running `npm start` backend.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      local: { type: 'boolean' },
      table: { type: 'string' },
      region: { type: 'string' },
      'target-province': { type: 'string' },
      // The deployment's judiciaryTerminalId setting: offices stored with it are reported, never given it.
      'judiciary-terminal': { type: 'string' },
    },
  });
  const targetProvince = values['target-province'];
  if (targetProvince !== undefined && !isProvinceCode(targetProvince))
    throw new Error(`--target-province: not a province code. ${usage}`);
  let tableName = values.table;
  let judiciaryTerminalId = values['judiciary-terminal'];
  if (values.local) {
    tableName = await useRunningBackend();
    judiciaryTerminalId ??= (await import('../local/seed')).DEMO_JUDICIARY_TERMINAL;
  } else if (!tableName || !judiciaryTerminalId) throw new Error(usage);
  else if (values.region) process.env.AWS_REGION = values.region;
  if (!process.env.AWS_REGION) throw new Error(`Name the table's region with --region or AWS_REGION. ${usage}`);
  if (!/^\d{4,12}$/.test(judiciaryTerminalId ?? '')) throw new Error(`--judiciary-terminal: 4 to 12 digits. ${usage}`);

  const { createDocumentClient } = await import('../shared/adapters/aws-clients');
  const { backfillProvinces } = await import('./backfill-provinces');
  const { backfillAttention } = await import('./backfill-attention');
  const { backfillTrackingEntries } = await import('./backfill-tracking-entries');
  const { backfillTerminalClaims } = await import('./backfill-terminals');
  const db = createDocumentClient({
    AWS_REGION: process.env.AWS_REGION,
    DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT,
  });
  const result = await backfillProvinces(
    db,
    tableName!,
    targetProvince ? { legacyTargetProvince: targetProvince } : {},
  );
  // After the provinces: a petition is listed under its province, so it needs its code first.
  const listed = await backfillAttention(db, tableName!);
  // The terminals before the long walk of every tracking entry: until an old office's terminal is
  // claimed, a new office could claim it first.
  const terminals = await backfillTerminalClaims(db, tableName!, { judiciaryTerminalId: judiciaryTerminalId! });
  const completed = await backfillTrackingEntries(db, tableName!);
  console.log(
    `${tableName}: ${result.offices} offices, ${result.petitions} petitions and ${result.targets} targets brought up to date; ` +
      `${listed} petitions put on their province's attention list; ` +
      `${completed} tracking codes given the keys of the parties who may track; ` +
      `${terminals.claimed} payment terminals claimed for their offices.`,
  );
  if (terminals.conflicts.length > 0) {
    // Their tariff would be paid into another's account: the province administrator gives each its own terminal.
    const held = terminals.conflicts.map((c) =>
      c.heldBy === 'judiciary'
        ? `${c.officeCode} (the judiciary's)`
        : c.heldBy === 'misspelt'
          ? `${c.officeCode} (stored with a leading zero: enter it again)`
          : `${c.officeCode} (office ${c.heldBy}'s)`,
    );
    console.log(`Offices whose payment terminal is another's (give each its own and run again): ${held.join(', ')}.`);
    process.exitCode = 1;
  }
  if (result.unplacedOffices.length > 0) {
    console.log(
      `Offices whose province name matches no province (fix their province and run again): ${result.unplacedOffices.join(', ')}; ` +
        `${result.petitionsOfUnplacedOffices} of their petitions wait for them.`,
    );
    process.exitCode = 1;
  }
}

/** The running local backend's table, through its edge with the operator's key. */
async function useRunningBackend(): Promise<string> {
  const { readEdgeSecret, useLocalCredentials } = await import('../local/aws-edge/runtime');
  const { engineEnvironment } = await import('../local/engines');
  const { localSettings, runningBackend } = await import('../local/settings');
  const settings = localSettings();
  const backend = runningBackend(settings);
  const masterSecret = readEdgeSecret(settings.dataDir);
  if (!backend || !masterSecret) {
    throw new Error(`No local backend is running on ${settings.dataDir}: run \`npm start\` in another terminal first.`);
  }
  Object.assign(
    process.env,
    engineEnvironment({ dynamo: backend.dynamoEndpoint, s3: backend.s3Endpoint }, useLocalCredentials(masterSecret)),
  );
  return backend.tableName;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
