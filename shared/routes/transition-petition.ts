import { petitionPathSchema, petitionSchema, transitionSchema } from '../schemas/petition';
import { defineRoute, PAYMENT_READS } from './define';

export const route = defineRoute({
  id: 'transition-petition',
  method: 'POST',
  path: '/v1/petitions/{petitionId}/transitions',
  auth: ['clerk', 'manager', 'court'],
  // The petition and its counters; BatchGetItem: the court's province's work calendar for a period.
  // A resubmission reads the petition's payments: the fees must be paid again in full.
  // Query gsi3: a resubmission is routed again, by the province's court registry.
  table: [
    { actions: ['GetItem', 'PutItem', 'UpdateItem', 'BatchGetItem'] },
    PAYMENT_READS,
    { actions: ['Query'], indexes: ['gsi3'] },
  ],
  summary: 'A life-cycle step: dispatch, register, return, reject, reinstate (court); resubmit, withdraw (office)',
  request: { path: petitionPathSchema, body: transitionSchema },
  responses: {
    200: { description: 'The petition after the step', schema: petitionSchema },
    403: { description: 'Not a step for this role; the allowed actions are listed' },
    409: {
      description:
        'Not allowed now, a stale expectedVersion, a period over, (resubmit) fees due, or no open day to end a period',
    },
  },
});
