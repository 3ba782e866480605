import { paymentStartedSchema, startPaymentSchema } from '../schemas/fees';
import { petitionPathSchema } from '../schemas/petition';
import { defineRoute, OFFICE_STAFF } from './define';

export const route = defineRoute({
  id: 'start-payment',
  method: 'POST',
  path: '/v1/petitions/{petitionId}/payments',
  auth: OFFICE_STAFF,
  // The petition, its office (the tariff terminal) and its payments; a new attempt is a conditional
  // put, a lapsed one is closed with a versioned put (in a transaction, which needs PutItem only).
  table: [
    // TERMINAL#: the office's terminal claim, read before a tariff payment starts.
    { actions: ['GetItem'], leadingKeys: ['PETITION#*', 'OFFICE#*', 'TERMINAL#*'] },
    { actions: ['Query', 'PutItem'], leadingKeys: ['PETITION#*'] },
  ],
  paymentGateway: true,
  summary:
    'Start paying what a petition owes one payee: a gateway token for the amount due, and where to send the payer',
  request: { path: petitionPathSchema, body: startPaymentSchema },
  responses: {
    200: { description: 'An open payment for the same amount, offered again', schema: paymentStartedSchema },
    201: { description: 'A new payment; send the payer to the redirect', schema: paymentStartedSchema },
    409: {
      description:
        'Nothing due to this payee, another payment to it still open, no terminal for the office, or no quote',
    },
    502: { description: 'The gateway refused the token or answered something unreadable' },
    503: { description: 'The gateway or a store did not answer: retry after Retry-After' },
  },
});
