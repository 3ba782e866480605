import { officeRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { officeView } from '../shared/http/views';
import { officePathSchema } from '../shared/schemas/office';
import { parseInput } from '../shared/schemas/validate';
import { readOffice } from '../shared/use-cases/offices';

const offices = officeRepositoryFromEnv();

export const handler = apiHandler().handler(async (event) => {
  const { officeCode } = parseInput(officePathSchema, event.pathParameters, 'path');
  return ok(officeView(await readOffice(offices, officeCode)));
});
