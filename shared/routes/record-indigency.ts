import { indigencyRequestSchema } from '../schemas/fees';
import { petitionPathSchema, petitionSchema } from '../schemas/petition';
import { defineRoute, READ_WRITE_ITEMS } from './define';

export const route = defineRoute({
  id: 'record-indigency',
  method: 'POST',
  path: '/v1/petitions/{petitionId}/indigency',
  auth: ['clerk', 'manager', 'court'],
  table: READ_WRITE_ITEMS,
  summary: 'Indigency claim (اعسار): the office records it (court fee deferred); the court grants or rejects it',
  request: { path: petitionPathSchema, body: indigencyRequestSchema },
  responses: {
    200: { description: 'The petition with its indigency claim', schema: petitionSchema },
    403: { description: 'Claims are for office staff, decisions for the court' },
    409: { description: 'Not possible in the petition state or the claim state, or a stale expectedVersion' },
  },
});
