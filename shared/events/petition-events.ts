import * as z from 'zod/mini';
import { DEFECT_CODES } from '../domain/defects';
import type { RejectionReason } from '../domain/document-policy';
import { lazily } from '../domain/lazily';
import type { LegalPeriodKind } from '../domain/legal-periods';
import { PETITION_KINDS, PETITION_STATUSES } from '../domain/petition';
import { parseDay } from '../domain/solar-hijri-days';
import { isValidTrackingCode } from '../domain/tracking-code';
import { OFFICE_CODE_PATTERN } from '../schemas/common';
import { described, lazySchema } from '../schemas/lazy';

/**
 * The domain events of a petition: one per change, published on the event bus for the notifier
 * and for court systems. An event says what changed and where, never who: no names, national IDs
 * or mobiles. A consumer that must reach a party (the notifier) reads the parties from the
 * petition itself when it sends, so personal data never sits in an event log, a dead-letter queue
 * or a subscriber's account. Every object is strict: a field this schema does not name (a name
 * slipped in by a producer) fails validation instead of being carried along.
 */

export const PETITION_EVENT_TYPES = [
  'submitted',
  'routed',
  'reassigned',
  'dispatched',
  'registered',
  'returned',
  'rejection-due',
  'rejected',
  'reinstated',
  'withdrawn',
  'document-rejected',
  'document-removed',
  'payment-verified',
  'deadline-moved',
] as const;
export type PetitionEventType = (typeof PETITION_EVENT_TYPES)[number];

/** The bus `source` of every petition event; `aws.` is reserved, and nothing else publishes under this one. */
export const PETITION_EVENT_SOURCE = 'jeso.petitions';
export const PETITION_EVENT_VERSION = 1;

/** The bus `detail-type` of an event type: rules select by it without looking into the detail. */
export const detailTypeOf = (type: PetitionEventType) => `petition.${type}` as const;

const DOCUMENT_REJECTION_REASONS = [
  'size-mismatch',
  'checksum-mismatch',
  'type-mismatch',
  'encoding-mismatch',
  'cache-control-mismatch',
] as const satisfies readonly RejectionReason[];

/** The legal periods (domain/legal-periods.ts) whose last day an event may name; a type import keeps that module out. */
const PERIODS = ['cure', 'objection'] as const satisfies readonly LegalPeriodKind[];

export const PAYEES = ['court-fee', 'office-tariff'] as const;
export type Payee = (typeof PAYEES)[number];

const uuid = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)),
);
const instant = /* @__PURE__ */ lazySchema(() => described(z.iso.datetime(), 'An instant in UTC, ISO 8601 with Z'));
const officeCode = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(OFFICE_CODE_PATTERN)));
const courtCode = /* @__PURE__ */ lazySchema(() =>
  described(z.string().check(z.regex(/^[0-9A-Za-z-]{2,20}$/)), 'Court code from the registry'),
);
const caseNumber = /* @__PURE__ */ lazySchema(() =>
  described(z.string().check(z.regex(/^\d{6,20}$/)), 'Court case number, set when the court registers the case'),
);
const trackingCode = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(z.refine(isValidTrackingCode, { message: 'tracking-code' }))
    .register(z.globalRegistry, {
      pattern: '^[1-9][0-9]{11}$',
      description: 'The 12-digit tracking code (Damm check digit) the petition got on its first submission',
    }),
);
const solarMonth = /* @__PURE__ */ lazySchema(() => z.string().check(z.regex(/^1[3-4]\d{2}-(0[1-9]|1[0-2])$/)));
const solarDay = /* @__PURE__ */ lazySchema(() =>
  described(
    z.string().check(
      z.regex(/^1[3-4]\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
      z.refine((day) => parseDay(day) !== undefined, { message: 'solar-day' }),
    ),
    'A Solar Hijri calendar day, YYYY-MM-DD, on the Tehran calendar',
  ),
);

/**
 * A legal period's end as `lastDayToAct` (shared/domain/legal-periods.ts, Articles 443-445)
 * computes it: the last day one may still act, and the instant that day ends in Tehran.
 */
const deadline = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    lastDay: solarDay,
    endsAt: described(instant, 'The end of the last day, Tehran time (exclusive)'),
    provisional: described(
      z.boolean(),
      "True when the year's lunar holidays were not loaded: the day may still move later",
    ),
  }),
);
export type Deadline = z.infer<typeof deadline>;

const envelope = /* @__PURE__ */ lazily(() => ({
  eventId: described(uuid, 'Unique per event; consumers deduplicate on it'),
  version: z.literal(PETITION_EVENT_VERSION),
  occurredAt: instant,
  petitionId: uuid,
  petitionVersion: described(
    z.number().check(z.int(), z.positive()),
    "The petition's version after the change: orders its events",
  ),
  kind: described(z.enum(PETITION_KINDS), 'Criminal complaints and civil petitions notify different parties'),
  officeCode,
  trackingCode,
  courtCode: described(
    z.optional(courtCode),
    'The court holding the petition, whenever one does; required where a court acts',
  ),
  caseNumber: z.optional(caseNumber),
}));

/** The envelope of one event type; members are written out so that each keeps its literal type. */
const envelopeOf = <T extends PetitionEventType>(type: T) => ({ ...envelope(), type: z.literal(type) });
const member = <S extends z.core.$ZodLooseShape>(type: PetitionEventType, shape: S) =>
  z.strictObject(shape).register(z.globalRegistry, { title: detailTypeOf(type) });

/**
 * Events a court acts on name the court (`courtCode` required); a case number appears once the
 * court has registered the case. A draft has no tracking code yet: documents are verified and fees
 * paid before the first submission, and a draft may be withdrawn, so those three events may come
 * without one.
 */
const draftTrackingCode = /* @__PURE__ */ lazySchema(() => z.optional(trackingCode));

const submitted = /* @__PURE__ */ lazySchema(() =>
  member('submitted', {
    ...envelopeOf('submitted'),
    data: z.strictObject({
      month: described(solarMonth, 'Solar Hijri month the petition is counted in'),
      resubmission: described(z.boolean(), 'True when the office resubmits a returned petition'),
    }),
  }),
);
const routed = /* @__PURE__ */ lazySchema(() =>
  member('routed', {
    ...envelopeOf('routed'),
    courtCode,
    data: z.strictObject({
      flaggedForReview: described(
        z.boolean(),
        "True when the district had no court of the needed kind and the province's fallback took it",
      ),
    }),
  }),
);
const reassigned = /* @__PURE__ */ lazySchema(() =>
  member('reassigned', {
    ...envelopeOf('reassigned'),
    courtCode,
    data: z.strictObject({ previousCourtCode: courtCode }),
  }),
);
const dispatched = /* @__PURE__ */ lazySchema(() =>
  member('dispatched', { ...envelopeOf('dispatched'), courtCode, data: z.strictObject({}) }),
);
const registered = /* @__PURE__ */ lazySchema(() =>
  member('registered', {
    ...envelopeOf('registered'),
    courtCode,
    caseNumber,
    data: z.strictObject({}),
  }),
);
const returned = /* @__PURE__ */ lazySchema(() =>
  member('returned', {
    ...envelopeOf('returned'),
    courtCode,
    data: z.strictObject({
      defects: z.array(z.enum(DEFECT_CODES)).check(
        z.minLength(1),
        z.maxLength(DEFECT_CODES.length),
        z.refine((codes) => new Set(codes).size === codes.length, { message: 'duplicate-defect' }),
      ),
      servedAt: described(
        instant,
        "Posting time of the defect notice to the petitioner's notice record: the service time",
      ),
      cureDeadline: deadline,
    }),
  }),
);
const rejectionDue = /* @__PURE__ */ lazySchema(() =>
  member('rejection-due', {
    ...envelopeOf('rejection-due'),
    courtCode,
    data: z.strictObject({ cureDeadline: described(deadline, 'The cure period that lapsed') }),
  }),
);
const rejected = /* @__PURE__ */ lazySchema(() =>
  member('rejected', {
    ...envelopeOf('rejected'),
    courtCode,
    data: z.strictObject({
      reason: z.enum(['cure-period-lapsed', 'court-order']),
      servedAt: described(instant, 'Posting time of the rejection order: the objection window runs from it'),
      objectionDeadline: deadline,
    }),
  }),
);
const reinstated = /* @__PURE__ */ lazySchema(() =>
  member('reinstated', { ...envelopeOf('reinstated'), courtCode, data: z.strictObject({}) }),
);
const withdrawn = /* @__PURE__ */ lazySchema(() =>
  member('withdrawn', {
    ...envelopeOf('withdrawn'),
    trackingCode: draftTrackingCode,
    data: z.strictObject({ previousStatus: z.enum(PETITION_STATUSES) }),
  }),
);
const documentRejected = /* @__PURE__ */ lazySchema(() =>
  member('document-rejected', {
    ...envelopeOf('document-rejected'),
    trackingCode: draftTrackingCode,
    data: z.strictObject({ documentId: uuid, reason: z.enum(DOCUMENT_REJECTION_REASONS) }),
  }),
);
/**
 * The office took a declared document off a draft or a returned petition: the document keeper
 * deletes its object (shared/use-cases/documents.ts, forgetRemovedDocument), so the removal
 * itself needs no S3 call; a failed deletion is retried, then dead-lettered under alarm.
 */
const documentRemoved = /* @__PURE__ */ lazySchema(() =>
  member('document-removed', {
    ...envelopeOf('document-removed'),
    trackingCode: draftTrackingCode,
    data: z.strictObject({ documentId: uuid }),
  }),
);
const paymentVerified = /* @__PURE__ */ lazySchema(() =>
  member('payment-verified', {
    ...envelopeOf('payment-verified'),
    trackingCode: draftTrackingCode,
    data: z.strictObject({
      paymentId: z.string().check(z.regex(/^[0-9A-Za-z-]{8,64}$/)),
      payee: z.enum(PAYEES),
      // Up to the 21 digits of the quotes and payments themselves (domain/money.ts): an event
      // stricter than the payment it reports failed that payment's record after the gateway had
      // settled it (10^18 rials and up), and the payer's money was taken and never recorded.
      amountRials: described(z.string().check(z.regex(/^[1-9]\d{0,20}$/)), 'Whole Rials as a decimal string'),
    }),
  }),
);

/**
 * A running period's last day moved later without anyone's step: the province closed it (a closure
 * or a lunar holiday loaded after service), and Article 444 moves the last day to the day the
 * offices reopen. The petition stores the new deadline; the notifier tells the party who must act.
 */
const deadlineMoved = /* @__PURE__ */ lazySchema(() =>
  member('deadline-moved', {
    ...envelopeOf('deadline-moved'),
    courtCode,
    data: z.strictObject({
      period: described(
        z.enum(PERIODS),
        'The cure period of a returned petition, or the objection window of a rejected one',
      ),
      previousDeadline: described(deadline, 'The deadline stored before, which the calendar now closes'),
      deadline: described(deadline, 'The later deadline now stored: never earlier than the previous one'),
    }),
  }),
);

export const petitionEventSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .discriminatedUnion('type', [
      submitted,
      routed,
      reassigned,
      dispatched,
      registered,
      returned,
      rejectionDue,
      rejected,
      reinstated,
      withdrawn,
      documentRejected,
      documentRemoved,
      paymentVerified,
      deadlineMoved,
    ])
    .register(z.globalRegistry, {
      title: 'Petition event, version 1',
      description:
        'One change of a petition. Carries no names, national IDs or mobile numbers: ' +
        'recipients are resolved from the petition when a notice is sent.',
    }),
);

export type PetitionEvent = z.infer<typeof petitionEventSchema>;
export type PetitionEventOf<T extends PetitionEventType> = Extract<PetitionEvent, { type: T }>;

/** Validates an event from any producer or from the bus; throws a ZodError on anything else. */
export function parsePetitionEvent(value: unknown): PetitionEvent {
  return petitionEventSchema.parse(value);
}

/**
 * The events the document keeper's rule passes (rules.ts, DOCUMENT_KEEPER_RULE_PATTERN): the keeper
 * parses these alone, so its bundle holds three members' schemas, not fourteen.
 */
const keeperEventSchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('type', [submitted, reinstated, documentRemoved]),
);

/** Validates an event the document keeper's rule passed; throws a ZodError on any other. */
export function parseKeeperEvent(value: unknown): PetitionEventOf<'submitted' | 'reinstated' | 'document-removed'> {
  return keeperEventSchema.parse(value);
}

/** Each type's own schema, the members of the union above. */
const SCHEMA_OF_TYPE = {
  submitted,
  routed,
  reassigned,
  dispatched,
  registered,
  returned,
  'rejection-due': rejectionDue,
  rejected,
  reinstated,
  withdrawn,
  'document-rejected': documentRejected,
  'document-removed': documentRemoved,
  'payment-verified': paymentVerified,
  'deadline-moved': deadlineMoved,
} satisfies Record<PetitionEventType, z.ZodMiniType>;

/**
 * Validates an event its producer is about to write against its own type's schema; throws a
 * ZodError on anything else, as parsePetitionEvent does. A producer knows the type it made, and a
 * cold start then builds and compiles one member's schema, not the union's fourteen (about 6 ms).
 */
export function parseEventOfItsType(event: PetitionEvent): PetitionEvent {
  // Own keys only: a type such as `constructor` must meet the union's refusal, not Object's.
  const schema: z.ZodMiniType<PetitionEvent> | undefined = Object.hasOwn(SCHEMA_OF_TYPE, event.type)
    ? SCHEMA_OF_TYPE[event.type as PetitionEventType]
    : undefined;
  return (schema ?? petitionEventSchema).parse(event);
}

/** True once the court has registered the case: the event registers it, or the petition already has a case number. */
export function isCaseRegistered(event: Pick<PetitionEvent, 'type' | 'caseNumber'>): boolean {
  return event.type === 'registered' || event.caseNumber !== undefined;
}

/** What the event bus delivers to a rule's target: EventBridge's envelope around the event as `detail`. */
export interface PetitionBusEvent {
  version: '0';
  id: string;
  'detail-type': ReturnType<typeof detailTypeOf>;
  source: typeof PETITION_EVENT_SOURCE;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: PetitionEvent;
}

/**
 * The event as the bus hands it to targets, for the local runtime (which has no bus) and tests.
 * EventBridge gives `time` to the second; `id` is the bus's own, not the event id.
 */
export function toBusEvent(
  event: PetitionEvent,
  bus: { id: string; account: string; region: string },
): PetitionBusEvent {
  return {
    version: '0',
    id: bus.id,
    'detail-type': detailTypeOf(event.type),
    source: PETITION_EVENT_SOURCE,
    account: bus.account,
    time: event.occurredAt.replace(/\.\d+Z$/, 'Z'),
    region: bus.region,
    resources: [],
    detail: event,
  };
}

/** The published JSON Schema (draft 2020-12) of version 1, as committed under docs/events. */
export function petitionEventJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(petitionEventSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: 'urn:jeso:events:petition-event:v1', ...rest };
}

export const PETITION_EVENT_SCHEMA_PATH = 'docs/events/petition-event.v1.schema.json';

/** The file's exact text: stable key order and a final newline, so regenerating changes nothing. */
export function renderPetitionEventJsonSchema(): string {
  return JSON.stringify(petitionEventJsonSchema(), null, 2) + '\n';
}
