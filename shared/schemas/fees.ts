import * as z from 'zod';
import { FEE_SCHEDULE_VERSION_PATTERN, PAYEES } from '../domain/fees';
import { lazily } from '../domain/lazily';
import { PAYMENT_STATES } from '../domain/payments';
import { PETITION_STATUSES } from '../domain/petition';
import { fieldMessage } from '../i18n/messages';
import { feeBalanceSchema, feeQuoteSchema, feeScheduleSchema } from './fee-schedule';
import { lazySchema } from './lazy';
import { indigencySchema, PETITION_LIMITS } from './petition';

/** Requests and answers of the fee schedule, fees and payment routes (the schedule itself: fee-schedule.ts). */

export const feeSchedulePathSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    versionId: z
      .string()
      .regex(FEE_SCHEDULE_VERSION_PATTERN, { message: fieldMessage('fee-version-id') })
      .describe('`<year>-r<revision>`, `demo-` first for demo data: 1404-r1, demo-1405-r1'),
  }),
);

export const feeScheduleListQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    year: z.coerce
      .number()
      .int()
      .min(1300)
      .max(1499)
      .optional()
      .describe('Solar Hijri year; the current one when absent'),
  }),
);

const bilingual = /* @__PURE__ */ lazySchema(() => z.strictObject({ fa: z.string(), en: z.string() }));

const scheduleSummaryFields = /* @__PURE__ */ lazily(() => ({
  versionId: z.string(),
  year: z.number().int(),
  revision: z.number().int(),
  demo: z.boolean().describe('Demo data of the local runtime: not the official figures'),
  validFrom: z.string().describe('Solar Hijri day, inclusive'),
  validTo: z.string().describe('Solar Hijri day, inclusive'),
  title: bilingual,
  loadedAt: z.string(),
  usedAt: z
    .string()
    .optional()
    .describe('When a quote first used this version: from then on it never changes (a correction is a new revision)'),
}));

export const feeScheduleSummarySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject(scheduleSummaryFields()).meta({ id: 'FeeScheduleSummary' }),
);

export const feeScheduleListSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ year: z.number().int(), items: z.array(feeScheduleSummarySchema) }).meta({ id: 'FeeScheduleList' }),
);

export const feeScheduleDetailSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ ...scheduleSummaryFields(), schedule: feeScheduleSchema }).meta({ id: 'FeeScheduleDetail' }),
);

export const feeScheduleLoadedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      outcome: z
        .enum(['created', 'replaced', 'unchanged'])
        .describe('replaced: an unused version corrected in place; unchanged: the same content again'),
      schedule: feeScheduleSummarySchema,
    })
    .meta({ id: 'FeeScheduleLoaded' }),
);

export const paymentViewSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      paymentId: z.string().describe('Also the order id sent to the gateway'),
      payee: z.enum(PAYEES),
      amountRials: z.string(),
      state: z
        .enum(PAYMENT_STATES)
        .describe('Only `verified` counts: confirmed by the gateway server to server, not just called back'),
      createdAt: z.string(),
      scheduleVersionId: z.string().describe('The fee schedule version of the quote it pays'),
      refNum: z.string().optional(),
      verifiedAt: z.string().optional(),
      closedAt: z.string().optional(),
      reason: z.string().optional().describe('Why it ended without counting'),
    })
    .meta({ id: 'Payment' }),
);

export const receiptSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      paymentId: z.string(),
      petitionId: z.string(),
      payee: z.enum(PAYEES),
      payeeLabel: bilingual,
      amountRials: z.string(),
      refNum: z.string().describe("The gateway's reference number"),
      traceNo: z.string().optional(),
      rrn: z.string().optional(),
      maskedPan: z.string().optional().describe('The card, masked by the gateway'),
      terminalId: z.string(),
      orderId: z.string(),
      paidAt: z.string(),
      verifiedAt: z.string(),
      scheduleVersionId: z.string(),
    })
    .meta({ id: 'Receipt', description: 'A verified payment: reference number, amount, payee and time' }),
);

export const feesSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      petitionId: z.string(),
      status: z.enum(PETITION_STATUSES),
      quote: feeQuoteSchema.nullable().describe('Null for a petition stored before fees: edit it to get a quote'),
      balance: feeBalanceSchema.nullable(),
      indigency: indigencySchema.nullable(),
      payments: z.array(paymentViewSchema),
      receipts: z.array(receiptSchema).describe('One per verified payment: both payees appear when both were paid'),
    })
    .meta({ id: 'Fees' }),
);

export const startPaymentSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      payee: z
        .enum(PAYEES)
        .describe('judiciary: the court fee, to the judiciary terminal; office: the tariff, to the office terminal'),
    })
    .meta({ id: 'StartPayment' }),
);

export const paymentStartedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      created: z.boolean().describe('False: an open payment for the same amount is offered again'),
      payment: paymentViewSchema,
      redirect: z
        .strictObject({
          method: z.enum(['GET', 'POST']),
          url: z.string(),
          fields: z.record(z.string(), z.string()),
        })
        .describe("Send the payer's browser here (a link, or a form to post with these fields)"),
      expiresAt: z.string().describe("Until when the gateway's page takes the payment"),
    })
    .meta({ id: 'PaymentStarted' }),
);

/**
 * The gateway's form fields, as the payer's browser posts them back: names and values only; what
 * they mean is the gateway adapter's to read, and everything is checked against the stored payment.
 */
export const paymentCallbackSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/), z.string().max(512))
    .refine((fields) => Object.keys(fields).length <= 40, { message: fieldMessage('payment-callback') })
    .meta({ id: 'PaymentCallback', description: "The gateway's callback form (application/x-www-form-urlencoded)" }),
);

export const callbackResultSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      outcome: z
        .enum(['verified', 'failed', 'reversed'])
        .describe('verified: confirmed by the gateway and counted; failed: cancelled or refused; reversed: given back'),
      petitionId: z.string(),
      payment: paymentViewSchema,
      receipt: receiptSchema.optional(),
    })
    .meta({ id: 'PaymentResult' }),
);

export const indigencyRequestSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      action: z
        .enum(['claim', 'grant', 'reject'])
        .describe('claim: office staff, on a draft or returned petition; grant, reject: the court decides'),
      note: z.string().min(3).max(PETITION_LIMITS.note).optional(),
      expectedVersion: z.number().int().positive(),
    })
    .meta({ id: 'IndigencyRequest' }),
);

export type PaymentCallbackInput = z.output<typeof paymentCallbackSchema>;
