import { trackingSchema, trackPathSchema, trackQuerySchema } from '../schemas/petition';
import { CITIZEN_READS, defineRoute, PUBLIC_THROTTLE } from './define';

export const route = defineRoute({
  id: 'track-petition',
  method: 'GET',
  path: '/v1/track/{trackingCode}',
  auth: 'public',
  table: [
    CITIZEN_READS,
    // The guessing limit counts tries per code (and address); it writes nothing else.
    { actions: ['UpdateItem'], leadingKeys: ['GUESS#*'] },
    // The petition with its payments (the receipts), one Query of its partition.
    { actions: ['Query'], leadingKeys: ['PETITION#*'] },
  ],
  throttle: PUBLIC_THROTTLE,
  summary: 'A citizen follows a petition: status and dates, given the national ID of a party it may tell',
  request: { path: trackPathSchema, query: trackQuerySchema },
  responses: {
    200: {
      description:
        "Status and dates; the petitioner's side also sees its receipts and a return's note, defects and deadline",
      schema: trackingSchema,
    },
    404: {
      description:
        'No such petition for this national ID: also the accused of a complaint, and a defendant before registration',
    },
    429: { description: 'Too many tries on this code from this address (or from all): Retry-After says when' },
  },
});
