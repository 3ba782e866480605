import { registryAdaptersFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { officeView } from '../shared/http/views';
import { route } from '../shared/routes/list-offices';
import { listOffices } from '../shared/use-cases/offices';

const { offices, targets } = registryAdaptersFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { items, network } = await listOffices(offices, targets, context.request.query);
  return ok({ items: items.map(officeView), network });
});
