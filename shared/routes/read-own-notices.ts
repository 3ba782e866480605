import { ownNoticesPathSchema, ownNoticesQuerySchema, ownNoticesSchema } from '../schemas/e-notices';
import { CITIZEN_READS, defineRoute, PUBLIC_THROTTLE } from './define';

export const route = defineRoute({
  id: 'read-own-notices',
  method: 'GET',
  path: '/v1/track/{trackingCode}/notices',
  auth: 'public',
  table: [
    CITIZEN_READS,
    // The tracking route's guessing budget (shared), and the views recorded on the party's notices.
    { actions: ['UpdateItem'], leadingKeys: ['GUESS#*', 'ENOTICE#*'] },
    { actions: ['Query'], leadingKeys: ['ENOTICE#*'] },
  ],
  throttle: PUBLIC_THROTTLE,
  summary: 'A party reads their served notices (a recorded view), given their national ID',
  request: { path: ownNoticesPathSchema, query: ownNoticesQuerySchema },
  responses: {
    200: { description: "The party's notices, each now viewed", schema: ownNoticesSchema },
    404: {
      description: 'No such petition for this national ID: also the accused, and a defendant before registration',
    },
    429: { description: "Too many tries on this code (the tracking route's budget): Retry-After says when" },
  },
});
