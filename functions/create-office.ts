import { officeRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { created } from '../shared/http/response';
import { officeView } from '../shared/http/views';
import { systemClock } from '../shared/ports';
import { createOfficeSchema } from '../shared/schemas/office';
import { parseInput } from '../shared/schemas/validate';
import { registerOffice } from '../shared/use-cases/offices';

const offices = officeRepositoryFromEnv();

export const handler = apiHandler().handler(async (_event, context) => {
  const input = parseInput(createOfficeSchema, context.body, 'body');
  const office = await registerOffice(offices, systemClock, input);
  return created(officeView(office), `/v1/offices/${office.officeCode}`);
});
