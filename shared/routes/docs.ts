import { htmlPageSchema } from '../schemas/docs';
import { defineRoute } from './define';

export const route = defineRoute({
  id: 'docs',
  method: 'GET',
  path: '/v1/docs',
  auth: 'public',
  summary: 'This API reference, rendered from the OpenAPI document (HTML)',
  responses: { 200: { description: 'The reference page', schema: htmlPageSchema, contentType: 'text/html' } },
});
