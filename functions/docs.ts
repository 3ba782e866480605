import { referencePage } from '../shared/docs/reference-page';
import { apiHandler } from '../shared/http/api-handler';
import { route } from '../shared/routes/docs';

export const handler = apiHandler(route).handler(async () => referencePage());
