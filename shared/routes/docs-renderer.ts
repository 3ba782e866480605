import { javascriptSchema } from '../schemas/docs';
import { defineRoute } from './define';

export const route = defineRoute({
  id: 'docs-renderer',
  method: 'GET',
  path: '/v1/docs/redoc.standalone.js',
  auth: 'public',
  summary: "The reference page's renderer (Redoc), served by this API rather than a CDN",
  responses: {
    200: {
      description: 'The renderer (gzip when accepted)',
      schema: javascriptSchema,
      contentType: 'text/javascript',
    },
    304: { description: 'The copy named by If-None-Match is current' },
  },
});
