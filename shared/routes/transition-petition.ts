import { petitionPathSchema, petitionSchema, transitionSchema } from '../schemas/petition';
import { defineRoute, PAYMENT_READS, READ_WRITE_COUNT } from './define';

export const route = defineRoute({
  id: 'transition-petition',
  method: 'POST',
  path: '/v1/petitions/{petitionId}/transitions',
  auth: ['clerk', 'manager', 'court'],
  // A resubmission reads the petition's payments: the fees must be paid again in full.
  table: [...READ_WRITE_COUNT, PAYMENT_READS],
  documents: ['keep'],
  summary: 'A life-cycle step: dispatch, register, return, reject (court); resubmit, withdraw (office)',
  request: { path: petitionPathSchema, body: transitionSchema },
  responses: {
    200: { description: 'The petition after the step', schema: petitionSchema },
    403: { description: 'Not a step for this role; the allowed actions are listed' },
    409: { description: 'Not allowed from the current state, a stale expectedVersion, or (resubmit) fees due' },
  },
});
