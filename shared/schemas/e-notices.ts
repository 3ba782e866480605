import * as z from 'zod';
import { DEFECT_CODES } from '../domain/defects';
import { E_NOTICE_KINDS, VIEW_CHANNELS } from '../domain/e-notices';
import { innerOf, lazySchema } from './lazy';
import { partyNationalId, petitionPathSchema, tehranMomentSchema, trackingCodeSchema, uuidSchema } from './petition';

export const ownNoticesPathSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ trackingCode: trackingCodeSchema }),
);
export const ownNoticesQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    nationalId: partyNationalId,
    channel: z.enum(VIEW_CHANNELS).describe('Where the party reads it; recorded with the view'),
  }),
);

const noticeId = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.\d{1,2}$/)
    .describe('<eventId>.<partyIndex>'),
);
export const noticePathSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ petitionId: uuidSchema, noticeId }));
export { petitionPathSchema };

export const eNoticeSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      noticeId: z.string(),
      kind: z.strictObject({ code: z.enum(E_NOTICE_KINDS), label: z.string() }),
      courtCode: z.string(),
      served: tehranMomentSchema.describe('Service time: posted to the party’s electronic account'),
      defects: z
        .array(
          z.strictObject({
            code: z.enum(DEFECT_CODES),
            label: z.string(),
            basis: z.string(),
            whatToDo: z.string(),
          }),
        )
        .optional(),
      reason: z.strictObject({ code: z.enum(['cure-period-lapsed', 'court-order']), label: z.string() }).optional(),
      deadline: z.strictObject({
        lastDay: z.string().describe('Solar Hijri day, YYYY-MM-DD'),
        endsAt: z.string(),
        provisional: z.boolean(),
        text: z.string(),
      }),
      smsDelivered: tehranMomentSchema.optional(),
      firstViewed: innerOf(tehranMomentSchema)
        .extend({ channel: z.enum(VIEW_CHANNELS) })
        .optional(),
      views: z.number().int(),
      prints: z.array(innerOf(tehranMomentSchema).extend({ officeCode: z.string() })),
    })
    .meta({ id: 'ElectronicNotice' }),
);

export const ownNoticesSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ trackingCode: z.string(), items: z.array(eNoticeSchema) }).meta({ id: 'OwnNotices' }),
);
export const petitionNoticesSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ petitionId: z.string(), items: z.array(eNoticeSchema) }).meta({ id: 'PetitionNotices' }),
);
