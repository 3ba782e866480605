import * as z from 'zod/mini';
import { FEE_SCHEDULE_VERSION_PATTERN, PAYEES } from '../domain/fees';
import { lazily } from '../domain/lazily';
import { PAYMENT_STATES } from '../domain/payments';
import { PETITION_STATUSES } from '../domain/petition';
import * as fieldTexts from '../i18n/field-messages';
import { fieldMessage } from '../i18n/field-text';
import { feeBalanceSchema, feeQuoteSchema, feeScheduleSchema } from './fee-schedule';
import { described, lazySchema } from './lazy';
import { indigencySchema, PETITION_LIMITS } from './petition';

/** Requests and answers of the fee schedule, fees and payment routes (the schedule itself: fee-schedule.ts). */

export const feeSchedulePathSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    versionId: described(
      z.string().check(z.regex(FEE_SCHEDULE_VERSION_PATTERN, { message: fieldMessage(fieldTexts.feeVersionId) })),
      '`<year>-r<revision>`, `demo-` first for demo data: 1404-r1, demo-1405-r1',
    ),
  }),
);

export const feeScheduleListQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    year: described(
      z.optional(z.coerce.number().check(z.int(), z.gte(1300), z.lte(1499))),
      'Solar Hijri year; the current one when absent',
    ),
  }),
);

const bilingual = /* @__PURE__ */ lazySchema(() => z.strictObject({ fa: z.string(), en: z.string() }));

const scheduleSummaryFields = /* @__PURE__ */ lazily(() => ({
  versionId: z.string(),
  year: z.number().check(z.int()),
  revision: z.number().check(z.int()),
  demo: described(z.boolean(), 'Demo data of the local runtime: not the official figures'),
  validFrom: described(z.string(), 'Solar Hijri day, inclusive'),
  validTo: described(z.string(), 'Solar Hijri day, inclusive'),
  title: bilingual,
  loadedAt: z.string(),
  usedAt: described(
    z.optional(z.string()),
    'When a quote first used this version: from then on it never changes (a correction is a new revision)',
  ),
}));

export const feeScheduleSummarySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject(scheduleSummaryFields()).register(z.globalRegistry, { id: 'FeeScheduleSummary' }),
);

export const feeScheduleListSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ year: z.number().check(z.int()), items: z.array(feeScheduleSummarySchema) })
    .register(z.globalRegistry, { id: 'FeeScheduleList' }),
);

export const feeScheduleDetailSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ ...scheduleSummaryFields(), schedule: feeScheduleSchema })
    .register(z.globalRegistry, { id: 'FeeScheduleDetail' }),
);

export const feeScheduleLoadedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      outcome: described(
        z.enum(['created', 'replaced', 'unchanged']),
        'replaced: an unused version corrected in place; unchanged: the same content again',
      ),
      schedule: feeScheduleSummarySchema,
    })
    .register(z.globalRegistry, { id: 'FeeScheduleLoaded' }),
);

export const paymentViewSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      paymentId: described(z.string(), 'Also the order id sent to the gateway'),
      payee: z.enum(PAYEES),
      amountRials: z.string(),
      state: described(
        z.enum(PAYMENT_STATES),
        'Only `verified` counts: confirmed by the gateway server to server, not just called back',
      ),
      createdAt: z.string(),
      scheduleVersionId: described(z.string(), 'The fee schedule version of the quote it pays'),
      refNum: z.optional(z.string()),
      verifiedAt: z.optional(z.string()),
      closedAt: z.optional(z.string()),
      reason: described(z.optional(z.string()), 'Why it ended without counting'),
    })
    .register(z.globalRegistry, { id: 'Payment' }),
);

export const receiptSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      paymentId: z.string(),
      petitionId: z.string(),
      payee: z.enum(PAYEES),
      payeeLabel: bilingual,
      amountRials: z.string(),
      refNum: described(z.string(), "The gateway's reference number"),
      traceNo: z.optional(z.string()),
      rrn: z.optional(z.string()),
      maskedPan: described(z.optional(z.string()), 'The card, masked by the gateway'),
      terminalId: z.string(),
      orderId: z.string(),
      paidAt: z.string(),
      verifiedAt: z.string(),
      scheduleVersionId: z.string(),
    })
    .register(z.globalRegistry, {
      id: 'Receipt',
      description: 'A verified payment: reference number, amount, payee and time',
    }),
);

export const feesSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      petitionId: z.string(),
      status: z.enum(PETITION_STATUSES),
      quote: described(z.nullable(feeQuoteSchema), 'Null for a petition stored before fees: edit it to get a quote'),
      balance: z.nullable(feeBalanceSchema),
      indigency: z.nullable(indigencySchema),
      payments: z.array(paymentViewSchema),
      receipts: described(z.array(receiptSchema), 'One per verified payment: both payees appear when both were paid'),
    })
    .register(z.globalRegistry, { id: 'Fees' }),
);

export const startPaymentSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      payee: described(
        z.enum(PAYEES),
        'judiciary: the court fee, to the judiciary terminal; office: the tariff, to the office terminal',
      ),
    })
    .register(z.globalRegistry, { id: 'StartPayment' }),
);

export const paymentStartedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      created: described(z.boolean(), 'False: an open payment for the same amount is offered again'),
      payment: paymentViewSchema,
      redirect: described(
        z.strictObject({
          method: z.enum(['GET', 'POST']),
          url: z.string(),
          fields: z.record(z.string(), z.string()),
        }),
        "Send the payer's browser here (a link, or a form to post with these fields)",
      ),
      expiresAt: described(z.string(), "Until when the gateway's page takes the payment"),
    })
    .register(z.globalRegistry, { id: 'PaymentStarted' }),
);

/**
 * The gateway's form fields, as the payer's browser posts them back: names and values only; what
 * they mean is the gateway adapter's to read, and everything is checked against the stored payment.
 */
export const paymentCallbackSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/)), z.string().check(z.maxLength(512)))
    .check(
      z.refine((fields) => Object.keys(fields).length <= 40, { message: fieldMessage(fieldTexts.paymentCallback) }),
    )
    .register(z.globalRegistry, {
      id: 'PaymentCallback',
      description: "The gateway's callback form (application/x-www-form-urlencoded)",
    }),
);

export const callbackResultSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      outcome: described(
        z.enum(['verified', 'failed', 'reversed']),
        'verified: confirmed by the gateway and counted; failed: cancelled or refused; reversed: given back',
      ),
      petitionId: z.string(),
      payment: paymentViewSchema,
      receipt: z.optional(receiptSchema),
    })
    .register(z.globalRegistry, { id: 'PaymentResult' }),
);

export const indigencyRequestSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      action: described(
        z.enum(['claim', 'grant', 'reject']),
        'claim: office staff, on a draft or returned petition; grant, reject: the court decides',
      ),
      note: z.optional(z.string().check(z.minLength(3), z.maxLength(PETITION_LIMITS.note))),
      expectedVersion: z.number().check(z.int(), z.positive()),
    })
    .register(z.globalRegistry, { id: 'IndigencyRequest' }),
);

export type PaymentCallbackInput = z.output<typeof paymentCallbackSchema>;
