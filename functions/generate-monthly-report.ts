import { reportDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { requireMonth } from '../shared/http/report-month';
import { ok } from '../shared/http/response';
import { route } from '../shared/routes/generate-monthly-report';
import { generateReport } from '../shared/use-cases/reports';

const deps = reportDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, query } = context.request;
  return ok(await generateReport(deps, requireMonth(query.calendar, path.month)));
});
