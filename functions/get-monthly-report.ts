import { reportDepsFromEnv } from '../shared/adapters/report-deps';
import { formatMonth } from '../shared/domain/months';
import { reportFileName } from '../shared/domain/report-files';
import { apiHandler } from '../shared/http/api-handler';
import { requireMonth } from '../shared/http/report-month';
import { reportFile } from '../shared/http/report-response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/get-monthly-report';
import { readReport } from '../shared/use-cases/reports';

const deps = reportDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, query } = context.request;
  const month = requireMonth(query.calendar, path.month);
  const body = await readReport(deps, principalOf(context), month, query.format, query.province);
  const fileName = reportFileName({ month: formatMonth(month), calendar: month.calendar }, 'csv', query.province);
  return reportFile(body, query.format, fileName);
});
