import { officeRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { officeView } from '../shared/http/views';
import { route } from '../shared/routes/get-office';
import { readOffice } from '../shared/use-cases/offices';

const offices = officeRepositoryFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) =>
  ok(officeView(await readOffice(offices, principalOf(context), context.request.path.officeCode))),
);
