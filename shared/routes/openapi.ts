import { openApiDocumentSchema } from '../schemas/common';
import { defineRoute } from './define';

export const route = defineRoute({
  id: 'openapi',
  method: 'GET',
  path: '/v1/openapi.json',
  auth: 'public',
  summary: 'This OpenAPI 3.1 document',
  responses: { 200: { description: 'The OpenAPI document', schema: openApiDocumentSchema } },
});
