import { registryAdaptersFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { networkTargetSchema } from '../shared/schemas/report';
import { parseInput } from '../shared/schemas/validate';
import { setNetworkTarget } from '../shared/use-cases/reports';

// The target is one item of the data table: no S3 client needed at cold start.
const { targets } = registryAdaptersFromEnv();

export const handler = apiHandler().handler(async (_event, context) => {
  return ok(await setNetworkTarget(targets, parseInput(networkTargetSchema, context.body, 'body')));
});
