import * as z from 'zod/mini';
import { COURT_KINDS, COURT_STATUSES } from '../domain/court';
import { lazily } from '../domain/lazily';
import { PROVINCE_CODES } from '../domain/provinces';
import * as fieldTexts from '../i18n/field-messages';
import { fieldMessage } from '../i18n/field-text';
import { courtCodeSchema, persianText, provinceCodeSchema } from './common';
import { described, lazySchema } from './lazy';

export const courtPathSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ courtCode: courtCodeSchema }));

const courtFields = /* @__PURE__ */ lazily(() => ({
  name: described(persianText(3, 120), 'Court name in Persian'),
  judicialDistrict: described(persianText(2, 60), 'حوزه قضایی: the same name its offices carry'),
  kind: described(
    z.enum(COURT_KINDS),
    'peace: صلح, general-civil: عمومی حقوقی, prosecutor: دادسرا, appeal: تجدیدنظر, criminal: کیفری, family: خانواده',
  ),
  status: described(z.enum(COURT_STATUSES), 'Only an active court takes petitions; closed is final'),
}));

export const createCourtSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      courtCode: courtCodeSchema,
      provinceCode: described(
        z.optional(provinceCodeSchema),
        "The court's province: the administrator's own (another province's is refused)",
      ),
      ...courtFields(),
    })
    .register(z.globalRegistry, { id: 'CreateCourt' }),
);

export const updateCourtSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      name: z.optional(courtFields().name),
      judicialDistrict: z.optional(courtFields().judicialDistrict),
      kind: z.optional(courtFields().kind),
      status: z.optional(courtFields().status),
      expectedVersion: described(
        z.optional(z.number().check(z.int(), z.positive())),
        'Refuse the change (409) unless the court is at this version',
      ),
    })
    .check(
      z.refine((v) => Object.keys(v).some((k) => k !== 'expectedVersion'), {
        message: fieldMessage(fieldTexts.emptyPatch),
      }),
    )
    .register(z.globalRegistry, { id: 'UpdateCourt' }),
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
      demo: described(z.boolean(), 'Seeded demo data of the local runtime'),
      version: z.number().check(z.int()),
      createdAt: z.string(),
      updatedAt: z.string(),
    })
    .register(z.globalRegistry, { id: 'Court' }),
);

/** For each kind, the court that takes petitions of districts without one; absent kinds have none. */
export const courtFallbacksSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject(
      Object.fromEntries(COURT_KINDS.map((kind) => [kind, z.optional(courtCodeSchema)])) as Record<
        (typeof COURT_KINDS)[number],
        z.ZodMiniOptional<typeof courtCodeSchema>
      >,
    )
    .register(z.globalRegistry, {
      id: 'CourtFallbacks',
      description: "Per court kind, the province's fallback court (an active court of that kind in the province)",
    }),
);

export const setCourtFallbacksSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ fallbacks: courtFallbacksSchema }).register(z.globalRegistry, {
    id: 'SetCourtFallbacks',
    description: 'Replaces the whole setting: kinds left out have no fallback',
  }),
);

export const courtListSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      provinceCode: z.enum(PROVINCE_CODES),
      items: z.array(courtSchema),
      fallbacks: courtFallbacksSchema,
    })
    .register(z.globalRegistry, { id: 'CourtList' }),
);

export const listCourtsQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    province: described(
      z.optional(provinceCodeSchema),
      'The province (a code): required except for province-admin, who gets their own',
    ),
    judicialDistrict: described(z.optional(persianText(2, 60)), 'Only the courts of this judicial district'),
    kind: z.optional(z.enum(COURT_KINDS)),
    status: z.optional(z.enum(COURT_STATUSES)),
  }),
);

export type CreateCourtInput = z.output<typeof createCourtSchema>;
export type UpdateCourtInput = z.output<typeof updateCourtSchema>;
export type ListCourtsQuery = z.output<typeof listCourtsQuerySchema>;
