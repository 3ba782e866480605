import { reportDepsFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { networkTargetSchema } from '../shared/schemas/report';
import { parseInput } from '../shared/schemas/validate';
import { setNetworkTarget } from '../shared/use-cases/reports';

const deps = reportDepsFromEnv();

export const handler = apiHandler().handler(async (_event, context) => {
  return ok(await setNetworkTarget(deps, parseInput(networkTargetSchema, context.body, 'body')));
});
