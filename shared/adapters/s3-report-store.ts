import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ReportFileStore, ReportFormat, ReportScope } from '../ports';
import type { ClientConfig } from './aws-clients';
import { createS3Client } from './s3-client';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
};

/** `monthly/J/1398-06/29/report.json|csv|svg` (a province) or `…/national/…` in the reports bucket. */
const keyOf = (period: string, scope: ReportScope, format: ReportFormat) =>
  `monthly/${period.replace('#', '/')}/${scope}/report.${format}`;

export class S3ReportStore implements ReportFileStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(period: string, scope: ReportScope, files: Record<ReportFormat, string>): Promise<void> {
    await Promise.all(
      (Object.keys(files) as ReportFormat[]).map((format) =>
        this.s3.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: keyOf(period, scope, format),
            Body: files[format],
            ContentType: CONTENT_TYPES[format],
          }),
        ),
      ),
    );
  }

  async getJson(period: string, scope: ReportScope): Promise<string | undefined> {
    try {
      const object = await this.s3.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: keyOf(period, scope, 'json') }),
      );
      return await object.Body!.transformToString('utf-8');
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }
}

export { keyOf as reportKey };

/** The store with an S3 client of its own (report-deps.ts loads this module on first use). */
/** Where the report files go: the client's settings and the reports bucket. */
export type ReportFilesConfig = ClientConfig & { REPORTS_BUCKET: string };

export function reportStoreFor(config: ReportFilesConfig) {
  return new S3ReportStore(createS3Client(config), config.REPORTS_BUCKET);
}
