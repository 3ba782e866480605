import { petitionPathSchema, petitionSchema, transitionSchema } from '../schemas/petition';
import { defineRoute } from './define';

export const route = defineRoute({
  id: 'transition-petition',
  method: 'POST',
  path: '/v1/petitions/{petitionId}/transitions',
  auth: ['clerk', 'manager', 'court'],
  // The petition and its counters; BatchGetItem: the court's province's work calendar for a period.
  table: [{ actions: ['GetItem', 'PutItem', 'UpdateItem', 'BatchGetItem'] }],
  documents: ['keep'],
  summary: 'A life-cycle step: dispatch, register, return, reject, reinstate (court); resubmit, withdraw (office)',
  request: { path: petitionPathSchema, body: transitionSchema },
  responses: {
    200: { description: 'The petition after the step', schema: petitionSchema },
    403: { description: 'Not a step for this role; the allowed actions are listed' },
    409: { description: 'Not allowed now, a stale expectedVersion, or the cure or objection period is over' },
  },
});
