import { petitionPathSchema, submissionSchema, submitPetitionSchema } from '../schemas/petition';
import { defineRoute, OFFICE_STAFF, PAYMENT_READS } from './define';

export const route = defineRoute({
  id: 'submit-petition',
  method: 'POST',
  path: '/v1/petitions/{petitionId}/submit',
  auth: OFFICE_STAFF,
  // The petition and its office read together (BatchGetItem), the province's court registry for
  // routing (Query of gsi3; GetItem: a case's court of another province), the petition's payments
  // (Query), which must cover the quote, then one transaction: the petition, its tracking code, the
  // counters (UpdateItem) and the events; the key's record is in the idempotency table.
  table: [
    { actions: ['BatchGetItem', 'GetItem', 'PutItem', 'UpdateItem'] },
    { actions: ['Query'], indexes: ['gsi3'] },
    PAYMENT_READS,
  ],
  idempotent: true,
  summary: 'Submit a draft: tracking code, month, routed to a court, counted once (Idempotency-Key required)',
  request: { path: petitionPathSchema, body: submitPetitionSchema, bodyOptional: true },
  responses: {
    200: { description: 'Submitted (a retry with the same key returns the same answer)', schema: submissionSchema },
    409: {
      description:
        'Not a draft, a document not verified, fees due (with the amount), no court to route to, or the key in progress',
    },
    422: { description: 'The Idempotency-Key was used with another request' },
  },
});
