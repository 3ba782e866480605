import { reportDepsFromEnv } from '../shared/adapters/report-deps';
import { apiHandler } from '../shared/http/api-handler';
import { requireMonth } from '../shared/http/report-month';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { route } from '../shared/routes/generate-monthly-report';
import { generateReport, scopeOf } from '../shared/use-cases/reports';

const deps = reportDepsFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { path, query } = context.request;
  const principal = principalOf(context);
  // The national administrator produces the national report unless they name a province.
  const scope = principal.kind === 'national' && !query.province ? 'national' : scopeOf(principal, query.province);
  return ok(await generateReport(deps, requireMonth(query.calendar, path.month), scope));
});
