import * as z from 'zod/mini';
import { lazily } from '../domain/lazily';
import { OFFICE_STATUSES } from '../domain/office';
import { TERMINAL_ID_PATTERN } from '../domain/payments';
import { PROVINCE_CODES } from '../domain/provinces';
import * as fieldTexts from '../i18n/field-messages';
import { fieldMessage } from '../i18n/field-text';
import { isoDate, officeCodeSchema, persianText, provinceCodeSchema, targetProgressSchema } from './common';
import { described, lazySchema } from './lazy';
import { officeShortNameSchema } from './notices';

export const officePathSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ officeCode: officeCodeSchema }));

const contactSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    phone: z.optional(z.string().check(z.regex(/^0\d{10}$/, { message: fieldMessage(fieldTexts.phone) }))),
    address: z.optional(z.string().check(z.minLength(5), z.maxLength(300))),
  }),
);

const paymentTerminal = /* @__PURE__ */ lazySchema(() =>
  described(
    z.string().check(z.regex(TERMINAL_ID_PATTERN, { message: fieldMessage(fieldTexts.paymentTerminal) })),
    "The office's own payment gateway terminal id, which its service tariff is paid to",
  ),
);

const officeFields = /* @__PURE__ */ lazily(() => ({
  name: described(persianText(3, 120), 'Office name in Persian'),
  shortName: z.optional(officeShortNameSchema),
  judicialDistrict: described(persianText(2, 60), 'حوزه قضایی'),
  county: described(persianText(2, 60), 'شهرستان'),
  bakhsh: described(z.optional(persianText(2, 60)), 'بخش'),
  deprivedArea: described(z.boolean(), 'Office serves a deprived district (bakhsh) without its own court'),
  status: z.enum(OFFICE_STATUSES),
  statusSince: described(z.optional(isoDate), 'Date the status took effect; today when omitted'),
  plannedOpeningBy: z.optional(isoDate),
  contact: z._default(contactSchema, {}),
  paymentTerminalId: z.optional(paymentTerminal),
}));

export const createOfficeSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      officeCode: officeCodeSchema,
      provinceCode: described(
        z.optional(provinceCodeSchema),
        "The office's province: the administrator's own (another province's is refused)",
      ),
      ...officeFields(),
    })
    .register(z.globalRegistry, { id: 'CreateOffice' }),
);

export const updateOfficeSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      name: z.optional(officeFields().name),
      shortName: officeFields().shortName,
      judicialDistrict: z.optional(officeFields().judicialDistrict),
      county: z.optional(officeFields().county),
      bakhsh: z.optional(persianText(2, 60)),
      deprivedArea: z.optional(z.boolean()),
      status: z.optional(officeFields().status),
      statusSince: described(
        z.optional(isoDate),
        "With status: the date it took effect (today when omitted), not before the office's latest",
      ),
      plannedOpeningBy: z.optional(isoDate),
      contact: z.optional(contactSchema),
      paymentTerminalId: z.optional(paymentTerminal),
      expectedVersion: described(
        z.optional(z.number().check(z.int(), z.positive())),
        'Refuse the change (409) unless the office is at this version',
      ),
    })
    .check(
      z.refine((v) => Object.keys(v).some((k) => k !== 'expectedVersion'), {
        message: fieldMessage(fieldTexts.emptyPatch),
      }),
    )
    .register(z.globalRegistry, { id: 'UpdateOffice' }),
);

export const officeSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      officeCode: z.string(),
      name: z.string(),
      shortName: described(z.optional(z.string()), 'The name SMS notices carry'),
      provinceCode: z.enum(PROVINCE_CODES),
      province: described(z.string(), "The province's Persian name"),
      judicialDistrict: z.string(),
      county: z.string(),
      bakhsh: z.optional(z.string()),
      deprivedArea: z.boolean(),
      status: z.enum(OFFICE_STATUSES),
      statusSince: z.string(),
      openedOn: z.optional(z.string()),
      plannedOpeningBy: z.optional(z.string()),
      statusHistory: z.array(z.strictObject({ status: z.enum(OFFICE_STATUSES), since: z.string() })),
      contact: z.strictObject({ phone: z.optional(z.string()), address: z.optional(z.string()) }),
      paymentTerminalId: described(
        z.optional(z.string()),
        "The office's payment gateway terminal (its tariff is paid there); shown to its staff and province admin",
      ),
      demo: described(z.boolean(), 'Seeded demo data of the local runtime'),
      version: z.number().check(z.int()),
      createdAt: z.string(),
      updatedAt: z.string(),
    })
    .register(z.globalRegistry, { id: 'Office' }),
);

export const officeListSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      items: z.array(officeSchema),
      network: z.strictObject({
        active: z.number().check(z.int()),
        planned: z.number().check(z.int()),
        suspended: z.number().check(z.int()),
        closed: z.number().check(z.int()),
        deprivedAreaOffices: z.number().check(z.int()),
        deprivedAreasServed: z.number().check(z.int()),
        target: targetProgressSchema,
      }),
    })
    .register(z.globalRegistry, { id: 'OfficeList' }),
);

export const listOfficesQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    status: z.optional(z.enum(OFFICE_STATUSES)),
    province: described(z.optional(provinceCodeSchema), "Only this province's offices (a code, e.g. 29)"),
  }),
);

export type CreateOfficeInput = z.output<typeof createOfficeSchema>;
export type UpdateOfficeInput = z.output<typeof updateOfficeSchema>;
