import { randomBytes } from 'node:crypto';
import { scopedCredentialProvider } from '../../local/aws-edge/identity';
import { injectCredentials } from '../../shared/adapters/aws-clients';
import { storeNames } from './store-names';

// Runs before each test file loads: every file gets its own table and buckets, so no test depends
// on another's data or order. Handlers read these names at module load, exactly as in Lambda.
const tenant = `${process.env.JEST_WORKER_ID ?? '0'}-${randomBytes(4).toString('hex')}`;
const names = storeNames(tenant);
process.env.TEST_TENANT = tenant;
process.env.TABLE_NAME = names.dataTable;
process.env.IDEMPOTENCY_TABLE_NAME = names.idempotencyTable;
process.env.DOCUMENTS_BUCKET = names.documentsBucket;
process.env.REPORTS_BUCKET = names.reportsBucket;
// As in `npm start`: SMS go to a sink the test injects (shared/adapters/notices-from-env.ts), never out.
process.env.SMS_PROVIDER = 'local-sink';
// The delivery-report webhook's shared secret (test/handlers/sms-delivery-reports.test.ts signs with it).
process.env.SMS_WEBHOOK_SECRET = 'test-webhook-secret-0123456789abcdef0123456789';

// As in `npm start`: handlers sign with their function's key (inside `call()` and `invoke()`),
// fixtures outside any invocation with the operator's, and the local AWS edge started by
// global-setup.ts applies each function's policy from the synthesized templates.
if (process.env.LOCAL_EDGE_SECRET)
  injectCredentials(scopedCredentialProvider({ masterSecret: process.env.LOCAL_EDGE_SECRET, tenant }));
