import { officeRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { officeView } from '../shared/http/views';
import { systemClock } from '../shared/ports';
import { officePathSchema, updateOfficeSchema } from '../shared/schemas/office';
import { parseRequest } from '../shared/schemas/validate';
import { changeOffice } from '../shared/use-cases/offices';

const offices = officeRepositoryFromEnv();

export const handler = apiHandler().handler(async (event, context) => {
  const { path, body } = parseRequest({
    path: { schema: officePathSchema, value: event.pathParameters },
    body: { schema: updateOfficeSchema, value: context.body },
  });
  return ok(officeView(await changeOffice(offices, systemClock, path.officeCode, body)));
});
