import * as z from 'zod/mini';
import { DEFECT_CODES } from '../domain/defects';
import { E_NOTICE_KINDS, VIEW_CHANNELS } from '../domain/e-notices';
import { described, innerOf, lazySchema } from './lazy';
import { partyNationalId, petitionPathSchema, tehranMomentSchema, trackingCodeSchema, uuidSchema } from './petition';

export const ownNoticesPathSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ trackingCode: trackingCodeSchema }),
);
export const ownNoticesQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    nationalId: partyNationalId,
    channel: described(z.enum(VIEW_CHANNELS), 'Where the party reads it; recorded with the view'),
  }),
);

const noticeId = /* @__PURE__ */ lazySchema(() =>
  described(
    z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.\d{1,2}$/)),
    '<eventId>.<partyIndex>',
  ),
);
export const noticePathSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ petitionId: uuidSchema, noticeId }));
export { petitionPathSchema };

export const eNoticeSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      noticeId: z.string(),
      kind: z.strictObject({ code: z.enum(E_NOTICE_KINDS), label: z.string() }),
      courtCode: z.string(),
      served: described(tehranMomentSchema, 'Service time: posted to the party’s electronic account'),
      defects: z.optional(
        z.array(
          z.strictObject({
            code: z.enum(DEFECT_CODES),
            label: z.string(),
            basis: z.string(),
            whatToDo: z.string(),
          }),
        ),
      ),
      reason: z.optional(z.strictObject({ code: z.enum(['cure-period-lapsed', 'court-order']), label: z.string() })),
      deadline: z.strictObject({
        lastDay: described(z.string(), 'Solar Hijri day, YYYY-MM-DD'),
        endsAt: z.string(),
        provisional: z.boolean(),
        text: z.string(),
      }),
      smsDelivered: z.optional(tehranMomentSchema),
      firstViewed: z.optional(z.extend(innerOf(tehranMomentSchema), { channel: z.enum(VIEW_CHANNELS) })),
      views: z.number().check(z.int()),
      prints: z.array(z.extend(innerOf(tehranMomentSchema), { officeCode: z.string() })),
    })
    .register(z.globalRegistry, { id: 'ElectronicNotice' }),
);

export const ownNoticesSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ trackingCode: z.string(), items: z.array(eNoticeSchema) })
    .register(z.globalRegistry, { id: 'OwnNotices' }),
);
export const petitionNoticesSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ petitionId: z.string(), items: z.array(eNoticeSchema) })
    .register(z.globalRegistry, { id: 'PetitionNotices' }),
);
