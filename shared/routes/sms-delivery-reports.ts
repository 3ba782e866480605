import { deliveryReportsRecordedSchema, deliveryReportWebhookSchema } from '../schemas/notices';
import { defineRoute, PUBLIC_THROTTLE } from './define';

export const route = defineRoute({
  id: 'sms-delivery-reports',
  method: 'POST',
  path: '/v1/sms/delivery-reports',
  // Public to API Gateway (the provider has no Cognito user); the HMAC signature over the raw
  // body with a shared secret is checked before anything else (docs/sms-provider-contract.md).
  auth: 'public',
  table: [
    { actions: ['GetItem'], leadingKeys: ['SMS-MSG#*'] },
    // The SMS notice, and the served notice's record (its delivery time) when the SMS was about one.
    { actions: ['UpdateItem'], leadingKeys: ['NOTICE-SMS#*', 'ENOTICE#*'] },
  ],
  throttle: PUBLIC_THROTTLE,
  summary: "The SMS provider's delivery reports (signed webhook)",
  request: { body: deliveryReportWebhookSchema },
  responses: {
    200: {
      description: 'Reports recorded, already known, or for no message of ours',
      schema: deliveryReportsRecordedSchema,
    },
    401: { description: 'Missing, stale or wrong signature: nothing recorded' },
  },
});
