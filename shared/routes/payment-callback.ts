import { callbackResultSchema, paymentCallbackSchema } from '../schemas/fees';
import { defineRoute, PUBLIC_THROTTLE } from './define';

export const route = defineRoute({
  id: 'payment-callback',
  method: 'POST',
  path: '/v1/payments/callback',
  auth: 'public',
  // Anyone can post here (the gateway sends the payer's browser), so the grants name the key
  // families: the payment (PETITION#<id>/PAYMENT#…), its reference claim (PAYREF#…) and the
  // office's collected counters (OFFICE#<code>/COUNT#…). As for ratings, IAM sees partitions only:
  // the code writes the payment item with a version condition, claims a reference only where
  // none is (or this payment holds it) and ADDs to counters, and only after the callback matched
  // the stored payment and the gateway verified it server to server.
  // The payment-verified event goes to the outbox (OUTBOX#<eventId>) in the same transaction.
  // Query: the petition's payments, to judge before the verify whether it still owes this one.
  table: [
    { actions: ['GetItem', 'PutItem'], leadingKeys: ['PETITION#*', 'PAYREF#*'] },
    { actions: ['Query'], leadingKeys: ['PETITION#*'] },
    { actions: ['PutItem'], leadingKeys: ['OUTBOX#*'] },
    // Counters (OFFICE#) and the petition's paid totals (PETITION#<id> / PAID), in the verify transaction.
    { actions: ['UpdateItem'], leadingKeys: ['OFFICE#*', 'PETITION#*'] },
  ],
  throttle: PUBLIC_THROTTLE,
  paymentGateway: true,
  summary: "The gateway's return via the payer's browser: matched to the payment, then verified server to server",
  request: { body: paymentCallbackSchema, form: true },
  responses: {
    200: {
      description: 'The payment verified (with its receipt), failed or given back; HTML for a browser',
      schema: callbackResultSchema,
      otherContentTypes: ['text/html'],
    },
    404: { description: 'No such payment' },
    409: { description: 'Refused: the callback does not match the payment, or repeats one with another result' },
    502: { description: 'The gateway answered the verify with something unreadable' },
    503: { description: 'The gateway did not answer the verify: post the same callback again (it is kept)' },
  },
});
