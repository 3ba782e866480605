import { reportDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { requireMonth } from '../shared/http/report-month';
import { principalOf } from '../shared/http/types';
import { reportPathSchema, reportQuerySchema } from '../shared/schemas/report';
import { parseRequest } from '../shared/schemas/validate';
import { readReport } from '../shared/use-cases/reports';

const deps = reportDepsFromEnv();

const CONTENT = {
  json: { 'content-type': 'application/json; charset=utf-8' },
  csv: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="monthly-report.csv"',
  },
  svg: { 'content-type': 'image/svg+xml; charset=utf-8' },
};

export const handler = apiHandler().handler(async (event, context) => {
  const { path, query } = parseRequest({
    path: { schema: reportPathSchema, value: event.pathParameters },
    query: { schema: reportQuerySchema, value: event.queryStringParameters ?? {} },
  });
  const month = requireMonth(query.calendar, path.month);
  const body = await readReport(deps, principalOf(context), month, query.format);
  return { statusCode: 200, headers: CONTENT[query.format], body };
});
