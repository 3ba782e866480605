import { apiHandler } from '../shared/http/api-handler';
import { ok } from '../shared/http/response';

export const handler = apiHandler().handler(async () => ok({ status: 'ok' }));
