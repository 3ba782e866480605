import * as z from 'zod/mini';
import { readEnv, tableEnvShape } from '../config';
import { type ReportFileStore, systemClock } from '../ports';
import type { ReportReadDeps } from '../use-cases/reports';
import { createDocumentClient } from './aws-clients';
import { cryptoIds } from './crypto-ids';
import { DynamoAttentionList } from './dynamo-attention-list';
import { DynamoOfficeRepository } from './dynamo-office-repository';
import { DynamoReportRepository } from './dynamo-report-repository';
import type { ReportFilesConfig } from './s3-report-store';

/** What the report functions need, from their environment (the reports bucket besides the table). */
export function reportDepsFromEnv(): ReportReadDeps {
  const config = readEnv({ ...tableEnvShape, REPORTS_BUCKET: z.string().check(z.minLength(3)) });
  const db = createDocumentClient(config);
  return {
    offices: new DynamoOfficeRepository(db, config.TABLE_NAME),
    attention: new DynamoAttentionList(db, config.TABLE_NAME),
    reports: new DynamoReportRepository(db, config.TABLE_NAME),
    files: reportFilesOnFirstUse(config),
    clock: systemClock,
    ids: cryptoIds,
  };
}

/**
 * The report files, their S3 client loaded with them at the first file read or written: a chunk
 * of its own in the split bundle (infra/bundling.ts). The report job's daily run that finds every
 * closed month's report made, and a current month's report (built live), never load it. Only the
 * report functions import this module: a dynamic import makes its target part of every bundle
 * that holds the importing module.
 */
function reportFilesOnFirstUse(config: ReportFilesConfig) {
  let loading: Promise<ReportFileStore> | undefined;
  const files = () => {
    loading ??= import('./s3-report-store').then((module) => module.reportStoreFor(config));
    return loading;
  };
  const store: ReportFileStore = {
    put: async (...args) => (await files()).put(...args),
    getJson: async (...args) => (await files()).getJson(...args),
  };
  return store;
}
