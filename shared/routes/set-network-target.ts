import { networkTargetSchema } from '../schemas/report';
import { defineRoute, PROVINCE_ADMIN } from './define';

export const route = defineRoute({
  id: 'set-network-target',
  method: 'PUT',
  path: '/v1/network/target',
  auth: PROVINCE_ADMIN,
  table: [{ actions: ['PutItem'] }],
  summary: 'Set the network target (active offices by a date) that monthly reports measure progress against',
  request: { body: networkTargetSchema },
  responses: { 200: { description: 'The target', schema: networkTargetSchema } },
});
