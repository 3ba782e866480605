import { courtRepositoryFromEnv } from '../shared/adapters/from-env';
import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { principalOf } from '../shared/http/types';
import { courtView } from '../shared/http/views';
import { route } from '../shared/routes/list-courts';
import { listCourts } from '../shared/use-cases/courts';

const courts = courtRepositoryFromEnv();

export const handler = apiHandler(route).handler(async (_event, context) => {
  const list = await listCourts(courts, principalOf(context), context.request.query);
  return ok({ ...list, items: list.items.map(courtView) });
});
