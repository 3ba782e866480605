import { healthSchema } from '../schemas/common';
import { defineRoute } from './define';

export const route = defineRoute({
  id: 'health',
  method: 'GET',
  path: '/v1/health',
  auth: 'public',
  summary: 'Liveness check',
  responses: { 200: { description: 'The API answers', schema: healthSchema } },
});
