import { feedbackReceivedSchema, feedbackSchema } from '../schemas/petition';
import { CITIZEN_READS, defineRoute, PUBLIC_THROTTLE } from './define';

export const route = defineRoute({
  id: 'give-feedback',
  method: 'POST',
  path: '/v1/feedback',
  auth: 'public',
  table: [
    CITIZEN_READS,
    // Cannot be narrowed to the rating alone: IAM sees only the partition key, and a rating
    // (PETITION#<id>/FEEDBACK) shares its petition's partition, the counters (OFFICE#<code>/COUNT#…)
    // their office's. So this role could overwrite a petition or office item if its code did.
    // Acceptable: the code writes only the rating (a conditional put: never over an existing
    // item) and ADDs to the counters, and only after a tracking code and the national ID of the
    // petitioner's side matched; changing that is a code change, which review and the tests (running under this
    // very policy) see. It can touch no tracking code, report, setting or idempotency record.
    { actions: ['PutItem'], leadingKeys: ['PETITION#*'] },
    { actions: ['UpdateItem'], leadingKeys: ['GUESS#*', 'OFFICE#*'] },
  ],
  throttle: PUBLIC_THROTTLE,
  summary: "The petitioner's side rates the office's service, once per petition",
  request: { body: feedbackSchema },
  responses: {
    201: { description: 'Rating stored', schema: feedbackReceivedSchema },
    403: { description: "Not the petitioner's side: a registered case's defendant follows it but does not rate" },
    404: { description: 'No such petition for this national ID' },
    409: { description: 'Already rated' },
    429: { description: 'Too many tries on this code from this address (or from all): Retry-After says when' },
  },
});
