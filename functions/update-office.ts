import { officeRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { systemClock } from '../shared/ports';
import { officePathSchema, updateOfficeSchema } from '../shared/schemas/office';
import { parseInput } from '../shared/schemas/validate';
import { changeOffice } from '../shared/use-cases/offices';

const offices = officeRepositoryFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const { officeCode } = parseInput(officePathSchema, event.pathParameters, 'path');
  const changes = parseInput(updateOfficeSchema, context.body, 'body');
  return ok(await changeOffice(offices, systemClock, officeCode, changes));
});
