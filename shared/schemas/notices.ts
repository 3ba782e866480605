import * as z from 'zod/mini';
import { containsLink, OFFICE_SHORT_NAME_MAX } from '../domain/sms';
import { DELIVERY_STATES } from '../domain/sms-port';
import * as fieldTexts from '../i18n/field-messages';
import { fieldMessage } from '../i18n/field-text';
import { persianText } from './common';
import { described, lazySchema } from './lazy';

/**
 * The office's short name, the registry field SMS notices carry (issue 15): Persian, at most 30
 * characters so that every template fits two SMS parts, and nothing that reads as a link.
 */
export const officeShortNameSchema = /* @__PURE__ */ lazySchema(() =>
  described(
    persianText(2, OFFICE_SHORT_NAME_MAX).check(
      z.refine((value) => !containsLink(value), { message: fieldMessage(fieldTexts.persianText) }),
    ),
    'Short Persian name used in SMS notices, at most 30 characters, no links',
  ),
);

/**
 * The body of the delivery-report webhook a provider posts to us (docs/sms-provider-contract.md),
 * once its signature has been verified over the raw body.
 */
export const deliveryReportWebhookSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      reports: z
        .array(
          z.strictObject({
            providerMessageId: z.string().check(z.regex(/^[0-9A-Za-z_-]{1,64}$/)),
            localId: z.optional(z.string().check(z.regex(/^\d{1,18}$/))),
            state: z.enum(DELIVERY_STATES),
            providerStatus: z.string().check(z.maxLength(64)),
            at: z.optional(z.iso.datetime({ offset: true })),
          }),
        )
        .check(z.minLength(1), z.maxLength(500)),
    })
    .register(z.globalRegistry, {
      id: 'SmsDeliveryReports',
      description: 'Delivery reports, signed with HMAC-SHA256 over the raw body',
    }),
);

export type DeliveryReportWebhook = z.infer<typeof deliveryReportWebhookSchema>;

export const deliveryReportsRecordedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      recorded: described(z.number().check(z.int()), 'Reports that changed a notice'),
      unchanged: described(z.number().check(z.int()), 'Reports already recorded, or after a final state'),
      unknown: described(z.number().check(z.int()), 'Reports for a message id we never sent'),
    })
    .register(z.globalRegistry, { id: 'SmsDeliveryReportsRecorded' }),
);
