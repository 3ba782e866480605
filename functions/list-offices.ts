import { registryAdaptersFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { officeView } from '../shared/http/views';
import { route } from '../shared/routes/list-offices';
import { listOffices } from '../shared/use-cases/offices';

const { offices, targets } = registryAdaptersFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const { status, province } = context.request.query;
  const filter = { ...(status ? { status } : {}), ...(province ? { provinceCode: province } : {}) };
  const { items, network } = await listOffices(offices, targets, principalOf(context), filter);
  return ok({ items: items.map(officeView), network });
});
