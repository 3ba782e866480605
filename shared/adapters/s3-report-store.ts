import { GetObjectCommand, NoSuchKey, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { ReportFileStore, ReportFormat } from '../ports';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
};

/** `monthly/J/1398-06/report.json|csv|svg` in the reports bucket. */
const keyOf = (period: string, format: ReportFormat) => `monthly/${period.replace('#', '/')}/report.${format}`;

export class S3ReportStore implements ReportFileStore {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(period: string, files: Record<ReportFormat, string>): Promise<void> {
    await Promise.all(
      (Object.keys(files) as ReportFormat[]).map((format) =>
        this.s3.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: keyOf(period, format),
            Body: files[format],
            ContentType: CONTENT_TYPES[format],
          }),
        ),
      ),
    );
  }

  async getJson(period: string): Promise<string | undefined> {
    try {
      const object = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: keyOf(period, 'json') }));
      return await object.Body!.transformToString('utf-8');
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }
}

export { keyOf as reportKey };
