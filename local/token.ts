import { parseArgs } from 'node:util';
import { isOfficeRole, isRole, STAFF_ROLES } from '../shared/domain/roles';
import { loadOrCreateKeys, signToken } from './auth';
import { localSettings } from './settings';

const usage = `usage: npm run token -- --role <${STAFF_ROLES.join('|')}> [--office <code>] [--user <id>] [--lifetime <seconds>]`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      office: { type: 'string' },
      user: { type: 'string' },
      lifetime: { type: 'string' },
    },
  });
  const role = values.role ?? '';
  if (!isRole(role)) throw new Error(usage);
  if (isOfficeRole(role) && !values.office) throw new Error(`--office <code> is needed for ${role}. ${usage}`);
  if (values.office && !/^\d{4,10}$/.test(values.office))
    throw new Error('--office must be an office code (4 to 10 digits)');
  const keys = await loadOrCreateKeys(localSettings().authDir);
  const token = await signToken(keys, {
    role,
    ...(values.office ? { officeCode: values.office } : {}),
    ...(values.user ? { userId: values.user } : {}),
    ...(values.lifetime ? { lifetime: Number(values.lifetime) } : {}),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
