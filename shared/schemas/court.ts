import * as z from 'zod';
import { COURT_KINDS, COURT_STATUSES } from '../domain/court';
import { lazily } from '../domain/lazily';
import { PROVINCE_CODES } from '../domain/provinces';
import { fieldMessage } from '../i18n/messages';
import { courtCodeSchema, persianText, provinceCodeSchema } from './common';
import { lazySchema } from './lazy';

export const courtPathSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ courtCode: courtCodeSchema }));

const courtFields = /* @__PURE__ */ lazily(() => ({
  name: persianText(3, 120).describe('Court name in Persian'),
  judicialDistrict: persianText(2, 60).describe('حوزه قضایی: the same name its offices carry'),
  kind: z
    .enum(COURT_KINDS)
    .describe(
      'peace: صلح, general-civil: عمومی حقوقی, prosecutor: دادسرا, appeal: تجدیدنظر, criminal: کیفری, family: خانواده',
    ),
  status: z.enum(COURT_STATUSES).describe('Only an active court takes petitions; closed is final'),
}));

export const createCourtSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      courtCode: courtCodeSchema,
      provinceCode: provinceCodeSchema
        .optional()
        .describe("The court's province: the administrator's own (another province's is refused)"),
      ...courtFields(),
    })
    .meta({ id: 'CreateCourt' }),
);

export const updateCourtSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      name: courtFields().name.optional(),
      judicialDistrict: courtFields().judicialDistrict.optional(),
      kind: courtFields().kind.optional(),
      status: courtFields().status.optional(),
      expectedVersion: z
        .number()
        .int()
        .positive()
        .optional()
        .describe('Refuse the change (409) unless the court is at this version'),
    })
    .refine((v) => Object.keys(v).some((k) => k !== 'expectedVersion'), { message: fieldMessage('empty-patch') })
    .meta({ id: 'UpdateCourt' }),
);

export const courtSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      courtCode: z.string(),
      name: z.string(),
      provinceCode: z.enum(PROVINCE_CODES),
      judicialDistrict: z.string(),
      kind: z.enum(COURT_KINDS),
      kindName: z.strictObject({ fa: z.string(), en: z.string() }),
      status: z.enum(COURT_STATUSES),
      demo: z.boolean().describe('Seeded demo data of the local runtime'),
      version: z.number().int(),
      createdAt: z.string(),
      updatedAt: z.string(),
    })
    .meta({ id: 'Court' }),
);

/** For each kind, the court that takes petitions of districts without one; absent kinds have none. */
export const courtFallbacksSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject(
      Object.fromEntries(COURT_KINDS.map((kind) => [kind, courtCodeSchema.optional()])) as Record<
        (typeof COURT_KINDS)[number],
        z.ZodOptional<typeof courtCodeSchema>
      >,
    )
    .describe("Per court kind, the province's fallback court (an active court of that kind in the province)")
    .meta({ id: 'CourtFallbacks' }),
);

export const setCourtFallbacksSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ fallbacks: courtFallbacksSchema })
    .meta({ id: 'SetCourtFallbacks', description: 'Replaces the whole setting: kinds left out have no fallback' }),
);

export const courtListSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      provinceCode: z.enum(PROVINCE_CODES),
      items: z.array(courtSchema),
      fallbacks: courtFallbacksSchema,
    })
    .meta({ id: 'CourtList' }),
);

export const listCourtsQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    province: provinceCodeSchema
      .optional()
      .describe('The province (a code): required except for province-admin, who gets their own'),
    judicialDistrict: persianText(2, 60).optional().describe('Only the courts of this judicial district'),
    kind: z.enum(COURT_KINDS).optional(),
    status: z.enum(COURT_STATUSES).optional(),
  }),
);

export type CreateCourtInput = z.output<typeof createCourtSchema>;
export type UpdateCourtInput = z.output<typeof updateCourtSchema>;
export type ListCourtsQuery = z.output<typeof listCourtsQuerySchema>;
