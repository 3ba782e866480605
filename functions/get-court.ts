import { courtRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { courtView } from '../shared/http/views';
import { route } from '../shared/routes/get-court';
import { readCourt } from '../shared/use-cases/courts';

const courts = courtRepositoryFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) =>
  ok(courtView(await readCourt(courts, principalOf(context), context.request.path.courtCode))),
);
