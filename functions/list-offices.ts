import { registryAdaptersFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { officeView } from '../shared/http/views';
import { listOfficesQuerySchema } from '../shared/schemas/office';
import { parseInput } from '../shared/schemas/validate';
import { listOffices } from '../shared/use-cases/offices';

const { offices, targets } = registryAdaptersFromEnv();

export const handler = apiHandler().handler(async (event) => {
  const filter = parseInput(listOfficesQuerySchema, event.queryStringParameters ?? {}, 'query');
  const { items, network } = await listOffices(offices, targets, filter);
  return ok({ items: items.map(officeView), network });
});
