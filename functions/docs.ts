import { referencePage } from '../shared/docs/reference-page';
import { apiHandler } from '../shared/http/api-handler';

export const handler = apiHandler().handler(async () => referencePage());
