import { reportDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { requireMonth } from '../shared/http/report-month';
import { ok } from '../shared/http/response';
import { generateQuerySchema, reportPathSchema } from '../shared/schemas/report';
import { parseRequest } from '../shared/schemas/validate';
import { generateReport } from '../shared/use-cases/reports';

const deps = reportDepsFromEnv();

export const handler = apiHandler().handler(async (event) => {
  const { path, query } = parseRequest({
    path: { schema: reportPathSchema, value: event.pathParameters },
    query: { schema: generateQuerySchema, value: event.queryStringParameters ?? {} },
  });
  return ok(await generateReport(deps, requireMonth(query.calendar, path.month)));
});
