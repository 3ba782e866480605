import { reportDepsFromEnv } from '../shared/adapters/from-env';
import { formatMonth } from '../shared/domain/months';
import { reportFileName } from '../shared/domain/report-files';
import { apiHandler } from '../shared/http/api-handler';
import { requireMonth } from '../shared/http/report-month';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/get-monthly-report';
import { readReport } from '../shared/use-cases/reports';

const deps = reportDepsFromEnv();

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
};

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, query } = context.request;
  const month = requireMonth(query.calendar, path.month);
  const body = await readReport(deps, principalOf(context), month, query.format);
  const headers: Record<string, string> = { 'content-type': CONTENT_TYPES[query.format] };
  if (query.format !== 'json') {
    const fileName = reportFileName({ month: formatMonth(month), calendar: month.calendar }, query.format);
    headers['content-disposition'] = `${query.format === 'csv' ? 'attachment' : 'inline'}; filename="${fileName}"`;
  }
  return { statusCode: 200, headers, body };
});
