import * as z from 'zod';
import { lazily } from '../domain/lazily';
import { OFFICE_STATUSES } from '../domain/office';
import { PROVINCE_CODES } from '../domain/provinces';
import { fieldMessage } from '../i18n/messages';
import { isoDate, officeCodeSchema, persianText, provinceCodeSchema, targetProgressSchema } from './common';
import { lazySchema } from './lazy';
import { officeShortNameSchema } from './notices';

export const officePathSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ officeCode: officeCodeSchema }));

const contactSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    phone: z
      .string()
      .regex(/^0\d{10}$/, { message: fieldMessage('phone') })
      .optional(),
    address: z.string().min(5).max(300).optional(),
  }),
);

const paymentTerminal = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .regex(/^\d{4,12}$/, { message: fieldMessage('payment-terminal') })
    .describe("The office's own payment gateway terminal id, which its service tariff is paid to"),
);

const officeFields = /* @__PURE__ */ lazily(() => ({
  name: persianText(3, 120).describe('Office name in Persian'),
  shortName: officeShortNameSchema.optional(),
  judicialDistrict: persianText(2, 60).describe('حوزه قضایی'),
  county: persianText(2, 60).describe('شهرستان'),
  bakhsh: persianText(2, 60).optional().describe('بخش'),
  deprivedArea: z.boolean().describe('Office serves a deprived district (bakhsh) without its own court'),
  status: z.enum(OFFICE_STATUSES),
  statusSince: isoDate.optional().describe('Date the status took effect; today when omitted'),
  plannedOpeningBy: isoDate.optional(),
  contact: contactSchema.default({}),
  paymentTerminalId: paymentTerminal.optional(),
}));

export const createOfficeSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      officeCode: officeCodeSchema,
      provinceCode: provinceCodeSchema
        .optional()
        .describe("The office's province: the administrator's own (another province's is refused)"),
      ...officeFields(),
    })
    .meta({ id: 'CreateOffice' }),
);

export const updateOfficeSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      name: officeFields().name.optional(),
      shortName: officeFields().shortName,
      judicialDistrict: officeFields().judicialDistrict.optional(),
      county: officeFields().county.optional(),
      bakhsh: persianText(2, 60).optional(),
      deprivedArea: z.boolean().optional(),
      status: officeFields().status.optional(),
      statusSince: isoDate.optional(),
      plannedOpeningBy: isoDate.optional(),
      contact: contactSchema.optional(),
      paymentTerminalId: paymentTerminal.optional(),
      expectedVersion: z
        .number()
        .int()
        .positive()
        .optional()
        .describe('Refuse the change (409) unless the office is at this version'),
    })
    .refine((v) => Object.keys(v).some((k) => k !== 'expectedVersion'), { message: fieldMessage('empty-patch') })
    .meta({ id: 'UpdateOffice' }),
);

export const officeSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      officeCode: z.string(),
      name: z.string(),
      shortName: z.string().optional().describe('The name SMS notices carry'),
      provinceCode: z.enum(PROVINCE_CODES),
      province: z.string().describe("The province's Persian name"),
      judicialDistrict: z.string(),
      county: z.string(),
      bakhsh: z.string().optional(),
      deprivedArea: z.boolean(),
      status: z.enum(OFFICE_STATUSES),
      statusSince: z.string(),
      openedOn: z.string().optional(),
      plannedOpeningBy: z.string().optional(),
      statusHistory: z.array(z.strictObject({ status: z.enum(OFFICE_STATUSES), since: z.string() })),
      contact: z.strictObject({ phone: z.string().optional(), address: z.string().optional() }),
      paymentTerminalId: z
        .string()
        .optional()
        .describe("The office's payment gateway terminal (its tariff is paid there)"),
      demo: z.boolean().describe('Seeded demo data of the local runtime'),
      version: z.number().int(),
      createdAt: z.string(),
      updatedAt: z.string(),
    })
    .meta({ id: 'Office' }),
);

export const officeListSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      items: z.array(officeSchema),
      network: z.strictObject({
        active: z.number().int(),
        planned: z.number().int(),
        suspended: z.number().int(),
        closed: z.number().int(),
        deprivedAreaOffices: z.number().int(),
        deprivedAreasServed: z.number().int(),
        target: targetProgressSchema,
      }),
    })
    .meta({ id: 'OfficeList' }),
);

export const listOfficesQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    status: z.enum(OFFICE_STATUSES).optional(),
    province: provinceCodeSchema.optional().describe("Only this province's offices (a code, e.g. 29)"),
  }),
);

export type CreateOfficeInput = z.output<typeof createOfficeSchema>;
export type UpdateOfficeInput = z.output<typeof updateOfficeSchema>;
