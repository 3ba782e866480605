import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';
import { route } from '../shared/routes/health';

export const handler = apiHandler(route).handler(async () => ok({ status: 'ok' }));
