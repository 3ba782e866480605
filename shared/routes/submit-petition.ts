import { petitionPathSchema, submissionSchema, submitPetitionSchema } from '../schemas/petition';
import { defineRoute, OFFICE_STAFF, PAYMENT_READS } from './define';

export const route = defineRoute({
  id: 'submit-petition',
  method: 'POST',
  path: '/v1/petitions/{petitionId}/submit',
  auth: OFFICE_STAFF,
  // The petition and its office read together (BatchGetItem), then one transaction: the petition,
  // its tracking code and the counters (UpdateItem); the key's record is in the idempotency table.
  // Then its payments (Query), which must cover the quote.
  table: [{ actions: ['BatchGetItem', 'PutItem', 'UpdateItem'] }, PAYMENT_READS],
  idempotent: true,
  documents: ['keep'],
  summary: 'Submit a draft: tracking code, Solar Hijri month, counted once (Idempotency-Key required)',
  request: { path: petitionPathSchema, body: submitPetitionSchema, bodyOptional: true },
  responses: {
    200: { description: 'Submitted (a retry with the same key returns the same answer)', schema: submissionSchema },
    409: {
      description:
        'Not a draft, a document not verified, the fees not paid (with the amount due), or the same key still in progress',
    },
    422: { description: 'The Idempotency-Key was used with another request' },
  },
});
