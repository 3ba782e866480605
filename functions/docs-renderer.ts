import { rendererResponse } from '../shared/docs/renderer-script';
import { apiHandler } from '../shared/http/api-handler';
import { route } from '../shared/routes/docs-renderer';

// The only function that imports the renderer (437 KB, gzipped at build), so no other bundle carries it.
export const handler = apiHandler(route).handler(async (event) => rendererResponse(event.headers ?? {}));
