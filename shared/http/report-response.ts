import type { ReportFormat } from '../ports';
import type { ApiResult } from './types';

const CONTENT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
};

/**
 * A report as the answer: JSON, or the file with its name (the month in it, so two downloads never
 * clash): the CSV as an attachment for Excel, the chart inline.
 */
export function reportFile(body: string, format: ReportFormat, csvFileName: string): ApiResult {
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPES[format] };
  if (format === 'csv') headers['content-disposition'] = `attachment; filename="${csvFileName}"`;
  if (format === 'svg') {
    headers['content-disposition'] = `inline; filename="${csvFileName.replace(/\.csv$/, '.svg')}"`;
    // Opened inline from the API's own origin, the chart may draw and style itself, nothing more:
    // an office name in it is escaped text, and this keeps it so should escaping ever slip.
    headers['content-security-policy'] = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
  }
  return { statusCode: 200, headers, body };
}
