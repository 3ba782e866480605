import { randomBytes } from 'node:crypto';

// Runs before each test file loads: every file gets its own table and buckets, so no test depends
// on another's data or order. Handlers read these names at module load, exactly as in Lambda.
const suffix = `${process.env.JEST_WORKER_ID ?? '0'}-${randomBytes(4).toString('hex')}`;
process.env.TABLE_NAME = `test-data-${suffix}`;
process.env.IDEMPOTENCY_TABLE_NAME = `test-idempotency-${suffix}`;
process.env.DOCUMENTS_BUCKET = `test-documents-${suffix}`;
process.env.REPORTS_BUCKET = `test-reports-${suffix}`;
