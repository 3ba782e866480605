import * as z from 'zod';
import { containsLink, OFFICE_SHORT_NAME_MAX } from '../domain/sms';
import { DELIVERY_STATES } from '../domain/sms-port';
import { fieldMessage } from '../i18n/messages';
import { persianText } from './common';
import { lazySchema } from './lazy';

/**
 * The office's short name, the registry field SMS notices carry (issue 15): Persian, at most 30
 * characters so that every template fits two SMS parts, and nothing that reads as a link.
 */
export const officeShortNameSchema = /* @__PURE__ */ lazySchema(() =>
  persianText(2, OFFICE_SHORT_NAME_MAX)
    .refine((value) => !containsLink(value), { message: fieldMessage('persian-text') })
    .describe('Short Persian name used in SMS notices, at most 30 characters, no links'),
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
            providerMessageId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/),
            localId: z
              .string()
              .regex(/^\d{1,18}$/)
              .optional(),
            state: z.enum(DELIVERY_STATES),
            providerStatus: z.string().max(64),
            at: z.iso.datetime({ offset: true }).optional(),
          }),
        )
        .min(1)
        .max(500),
    })
    .meta({ id: 'SmsDeliveryReports', description: 'Delivery reports, signed with HMAC-SHA256 over the raw body' }),
);

export type DeliveryReportWebhook = z.infer<typeof deliveryReportWebhookSchema>;

export const deliveryReportsRecordedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      recorded: z.number().int().describe('Reports that changed a notice'),
      unchanged: z.number().int().describe('Reports already recorded, or after a final state'),
      unknown: z.number().int().describe('Reports for a message id we never sent'),
    })
    .meta({ id: 'SmsDeliveryReportsRecorded' }),
);
