import { feesSchema } from '../schemas/fees';
import { petitionPathSchema } from '../schemas/petition';
import { ALL_STAFF, defineRoute } from './define';

export const route = defineRoute({
  id: 'get-petition-fees',
  method: 'GET',
  path: '/v1/petitions/{petitionId}/fees',
  auth: ALL_STAFF,
  // The petition (with its quote), then its payments beside it.
  table: [{ actions: ['GetItem', 'Query'], leadingKeys: ['PETITION#*'] }],
  summary:
    "A petition's fees: court-fee and tariff lines, totals per payee, what was paid and is due, payments and receipts",
  request: { path: petitionPathSchema },
  responses: {
    200: { description: 'The quote, the balance per payee, the payments and their receipts', schema: feesSchema },
    404: { description: 'Unknown, or not yours to see' },
  },
});
