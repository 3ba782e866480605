import { parseArgs } from 'node:util';
import { isProvinceCode, PROVINCE_CODES } from '../shared/domain/provinces';
import { isOfficeRole, isRole, STAFF_ROLES } from '../shared/domain/roles';
import { COURT_CODE_PATTERN } from '../shared/schemas/common';
import { loadOrCreateKeys, signToken } from './auth';
import { localSettings } from './settings';

const usage =
  `usage: npm run token -- --role <${STAFF_ROLES.join('|')}> [--office <code>] [--court <code>] [--province <code>] ` +
  '[--user <id>] [--lifetime <seconds, 3600 by default as in Cognito>]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      office: { type: 'string' },
      court: { type: 'string' },
      province: { type: 'string' },
      user: { type: 'string' },
      lifetime: { type: 'string' },
    },
  });
  const role = values.role ?? '';
  if (!isRole(role)) throw new Error(usage);
  if (isOfficeRole(role) && !values.office) throw new Error(`--office <code> is needed for ${role}. ${usage}`);
  if (values.office && !/^\d{4,10}$/.test(values.office))
    throw new Error('--office must be an office code (4 to 10 digits)');
  if (role === 'court' && !values.court) {
    throw new Error(
      `--court <code> is needed for court (D29-01-CIVIL is Birjand's demo general civil court). ${usage}`,
    );
  }
  if (values.court && !COURT_CODE_PATTERN.test(values.court)) {
    throw new Error('--court must be a court code (2 to 20 upper-case letters, digits and hyphens)');
  }
  if (role === 'province-admin' && !values.province) {
    throw new Error(`--province <code> is needed for province-admin (29 is South Khorasan). ${usage}`);
  }
  if (values.province && !isProvinceCode(values.province)) {
    throw new Error(`--province must be a province code: ${PROVINCE_CODES.join(' ')}`);
  }
  if (values.lifetime && !(Number.isInteger(Number(values.lifetime)) && Number(values.lifetime) > 0)) {
    throw new Error('--lifetime must be a whole number of seconds');
  }
  const keys = await loadOrCreateKeys(localSettings().authDir);
  const token = await signToken(keys, {
    role,
    ...(values.office ? { officeCode: values.office } : {}),
    ...(values.court ? { courtCode: values.court } : {}),
    ...(values.province ? { provinceCode: values.province } : {}),
    ...(values.user ? { userId: values.user } : {}),
    ...(values.lifetime ? { lifetime: Number(values.lifetime) } : {}),
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
