import * as z from 'zod/mini';
import { COURT_KINDS } from '../domain/court';
import { DEFECT_CODES } from '../domain/defects';
import { DOCUMENT_CONTENT_TYPES, DOCUMENT_KINDS, DOCUMENT_POLICY } from '../domain/document-policy';
import { FEE_STAGES } from '../domain/fees';
import { lazily } from '../domain/lazily';
import { isValidLegalEntityId, isValidPersonNationalId } from '../domain/national-id';
import {
  DOCUMENT_STATUSES,
  HISTORY_ACTIONS,
  INDIGENCY_STATUSES,
  PARTY_ROLES,
  PETITION_KINDS,
  PETITION_STATUSES,
  type PetitionStatus,
  REJECTION_REASONS,
  TRANSITION_ACTIONS,
} from '../domain/petition';
import { STAFF_ROLES } from '../domain/roles';
import { KINDS_WITH_CASE_REFERENCE, REVIEW_REASONS, ROUTING_RULES } from '../domain/routing';
import { isValidTrackingCode } from '../domain/tracking-code';
import * as fieldTexts from '../i18n/field-messages';
import { fieldMessage } from '../i18n/field-text';
import { courtCodeSchema, deadlineSchema, officeCodeSchema, persianText } from './common';
import { feeCodeSchema, feeQuoteSchema, rialsSchema } from './fee-schedule';
import { described, innerOf, lazySchema } from './lazy';

/** Caps that keep an item far below DynamoDB's 400 KB and a request small; published in OpenAPI. */
export const PETITION_LIMITS = {
  parties: 20,
  subject: 200,
  description: 4000,
  note: 1000,
  comment: 500,
  /** Attachment pages of one document: a thick file is split into several documents. */
  pages: 1000,
  pageSize: 100,
  defaultPageSize: 20,
} as const;

export const uuidSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().check(
    z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
      message: fieldMessage(fieldTexts.uuid),
    }),
  ),
);

export const personNationalId = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.refine(isValidPersonNationalId, { message: fieldMessage(fieldTexts.nationalId) })),
);
const legalEntityId = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.refine(isValidLegalEntityId, { message: fieldMessage(fieldTexts.legalId) })),
);
const mobile = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.regex(/^09\d{9}$/, { message: fieldMessage(fieldTexts.mobile) })),
);

const personParty = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('person'),
    role: z.enum(PARTY_ROLES),
    nationalId: personNationalId,
    firstName: persianText(2, 50),
    lastName: persianText(2, 80),
    fatherName: persianText(2, 50),
    mobile: z.optional(mobile),
  }),
);

const legalEntityParty = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('legal-entity'),
    role: z.enum(PARTY_ROLES),
    nationalId: legalEntityId,
    name: z.string().check(z.minLength(2), z.maxLength(200)),
  }),
);

export const partySchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('type', [personParty, legalEntityParty]).register(z.globalRegistry, { id: 'Party' }),
);

/**
 * No slash, backslash or control character, as the server takes a name; published as the field's
 * pattern, so it also says what the server refuses before this check: a character no field takes
 * (DEL, C1 controls, direction overrides, half a surrogate pair: normalise.ts) and a name of white
 * space or invisible characters alone, which the server trims to nothing. Neither can reach this
 * check, so here they change nothing (test/unit/openapi.test.ts holds the contract to the server).
 */
const FILE_NAME =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  /^(?=.*[^\s\p{Default_Ignorable_Code_Point}])[^/\\\u0000-\u001f\u007f-\u009f\u202d\u202e\ud800-\udfff]+$/u;

export const documentDeclarationSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      kind: z.enum(DOCUMENT_KINDS),
      fileName: z
        .string()
        .check(z.minLength(1), z.maxLength(200), z.regex(FILE_NAME, { message: fieldMessage(fieldTexts.fileName) })),
      contentType: z.enum(DOCUMENT_CONTENT_TYPES),
      size: z
        .number()
        .check(z.int(), z.positive())
        .register(z.globalRegistry, {
          maximum: DOCUMENT_POLICY.maxBytes,
          description: `Exact size in bytes; over ${DOCUMENT_POLICY.maxBytes} is 413`,
        }),
      sha256: described(
        z.pipe(
          z.string().check(z.regex(/^[0-9a-fA-F]{64}$/, { message: fieldMessage(fieldTexts.sha256) })),
          z.transform((v) => v.toLowerCase()),
        ),
        'SHA-256 of the file, 64 hex digits',
      ),
      pages: described(
        z._default(z.number().check(z.int(), z.gte(1), z.lte(PETITION_LIMITS.pages)), 1),
        'Attachment pages of the document (the office tariff counts pages beyond those included)',
      ),
    })
    .register(z.globalRegistry, { id: 'DocumentDeclaration' }),
);

const declarations = /* @__PURE__ */ lazySchema(() =>
  z.array(documentDeclarationSchema).check(z.maxLength(DOCUMENT_POLICY.maxFilesPerPetition)),
);

export const declareDocumentsSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ documents: innerOf(declarations).check(z.minLength(1)) })
    .register(z.globalRegistry, { id: 'DeclareDocuments' }),
);

export const documentPathSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ petitionId: uuidSchema, documentId: uuidSchema }),
);

export const documentRemovedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      petitionId: z.string(),
      version: described(z.number().check(z.int()), 'The petition version after the removal'),
      documents: described(z.number().check(z.int()), 'Documents the petition still has'),
      quote: described(feeQuoteSchema, 'The fees again, without the removed pages'),
    })
    .register(z.globalRegistry, { id: 'DocumentRemoved' }),
);

export const uploadInstructionSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      documentId: z.string(),
      uploadUrl: z.string(),
      headers: z.record(z.string(), z.string()),
      expiresAt: z.string(),
    })
    .register(z.globalRegistry, {
      id: 'UploadInstruction',
      description: 'PUT the exact bytes to uploadUrl with exactly these headers before expiresAt',
    }),
);

export const draftCreatedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      petitionId: z.string(),
      status: z.literal('draft'),
      version: z.number().check(z.int()),
      uploads: z.array(uploadInstructionSchema),
      quote: described(feeQuoteSchema, "The draft's fees: court fee and office tariff, per payee"),
    })
    .register(z.globalRegistry, { id: 'DraftCreated' }),
);

export const documentsDeclaredSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      petitionId: z.string(),
      version: z.number().check(z.int()),
      uploads: z.array(uploadInstructionSchema),
      quote: described(feeQuoteSchema, 'The fees again, with the new pages'),
    })
    .register(z.globalRegistry, { id: 'DocumentsDeclared' }),
);

export const downloadSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ downloadUrl: z.string(), expiresAt: z.string() }).register(z.globalRegistry, { id: 'Download' }),
);

const claimAmount = /* @__PURE__ */ lazySchema(() =>
  described(
    z.string().check(z.regex(/^(0|[1-9]\d{0,20})$/, { message: fieldMessage(fieldTexts.rials) })),
    'Whole Rials as a decimal string: amounts exceed what a JSON number carries exactly',
  ),
);
const parties = /* @__PURE__ */ lazySchema(() =>
  z.array(partySchema).check(
    z.minLength(1),
    z.maxLength(PETITION_LIMITS.parties),
    z.refine((list) => list.some((p) => p.role === 'claimant'), { message: fieldMessage(fieldTexts.claimantRequired) }),
    // One person, one place among the parties: nobody sues themselves, and a party listed twice
    // would be told twice and counted twice in the fees.
    z.superRefine((list, context) => {
      const seen = new Set<string>();
      list.forEach((party, index) => {
        if (seen.has(party.nationalId)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'nationalId'],
            message: fieldMessage(fieldTexts.partyListedTwice),
          });
        }
        seen.add(party.nationalId);
      });
    }),
  ),
);
/** What the fees are computed from, besides the kind, the claim, the parties and the pages. */
const feeFields = /* @__PURE__ */ lazily(() => ({
  stage: described(
    z.enum(FEE_STAGES),
    'The stage the court fee is for; when absent, appeal for an appeal and first-instance otherwise',
  ),
  judgmentAmountRials: described(rialsSchema, 'For appeals and objections: the judgment amount the court fee is on'),
  nonMonetaryCategory: described(feeCodeSchema, "A non-monetary claim's category, from the fee schedule"),
}));
export const caseReferenceSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      courtCode: described(courtCodeSchema, 'The court that holds the case'),
      caseNumber: described(
        z.string().check(z.regex(/^\d{6,20}$/, { message: fieldMessage(fieldTexts.caseNumber) })),
        'Court case number, digits',
      ),
    })
    .register(z.globalRegistry, { id: 'CaseReference' }),
);

export const createPetitionSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      kind: z.enum(PETITION_KINDS),
      subject: z.string().check(z.minLength(3), z.maxLength(PETITION_LIMITS.subject)),
      description: z._default(z.string().check(z.maxLength(PETITION_LIMITS.description)), ''),
      claimAmountRials: z.optional(claimAmount),
      stage: z.optional(feeFields().stage),
      judgmentAmountRials: z.optional(feeFields().judgmentAmountRials),
      nonMonetaryCategory: z.optional(feeFields().nonMonetaryCategory),
      parties,
      caseReference: described(
        z.optional(caseReferenceSchema),
        'Required for written statements (routed to the case) and appeals; refused for other kinds',
      ),
      documents: z._default(declarations, []),
    })
    .check(
      z.superRefine((input, context) => {
        const needed = KINDS_WITH_CASE_REFERENCE.includes(input.kind);
        if (needed === (input.caseReference !== undefined)) return;
        context.addIssue({
          code: 'custom',
          path: ['caseReference'],
          message: fieldMessage(needed ? fieldTexts.caseReferenceRequired : fieldTexts.caseReferenceNotAllowed),
        });
      }),
    )
    .register(z.globalRegistry, { id: 'CreatePetition' }),
);

export const updatePetitionSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      subject: z.optional(z.string().check(z.minLength(3), z.maxLength(PETITION_LIMITS.subject))),
      description: z.optional(z.string().check(z.maxLength(PETITION_LIMITS.description))),
      claimAmountRials: described(z.optional(z.nullable(claimAmount)), 'null removes it'),
      stage: described(z.optional(z.nullable(feeFields().stage)), 'null: back to the stage the kind implies'),
      judgmentAmountRials: described(z.optional(z.nullable(feeFields().judgmentAmountRials)), 'null removes it'),
      nonMonetaryCategory: described(z.optional(z.nullable(feeFields().nonMonetaryCategory)), 'null removes it'),
      parties: z.optional(parties),
      expectedVersion: z.number().check(z.int(), z.positive()),
    })
    .register(z.globalRegistry, {
      id: 'UpdatePetition',
      description: 'Changes to a draft or a returned petition; the fees are quoted again from them',
    }),
);

export const petitionPathSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ petitionId: uuidSchema }));

export const submitPetitionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({}).register(z.globalRegistry, { id: 'SubmitPetition', description: 'Empty object, or no body' }),
);

export const solarMonthSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.regex(/^1[3-4]\d{2}-(0[1-9]|1[0-2])$/, { message: fieldMessage(fieldTexts.solarMonth) })),
);

export const listPetitionsQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    status: z.optional(z.enum(PETITION_STATUSES)),
    month: described(z.optional(solarMonthSchema), 'Solar Hijri month of submission (of creation for drafts)'),
    officeCode: described(
      z.optional(officeCodeSchema),
      'Required for province-admin; office staff always get their own office',
    ),
    limit: z._default(
      z.coerce.number().check(z.int(), z.gte(1), z.lte(PETITION_LIMITS.pageSize)),
      PETITION_LIMITS.defaultPageSize,
    ),
    cursor: z.optional(z.string().check(z.maxLength(1000))),
  }),
);

export const reassignSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      courtCode: described(courtCodeSchema, 'The court of your province that takes the petition'),
      note: described(
        z.string().check(z.minLength(3), z.maxLength(PETITION_LIMITS.note)),
        'Why: kept in the audited history',
      ),
      expectedVersion: z.number().check(z.int(), z.positive()),
    })
    .register(z.globalRegistry, { id: 'Reassign' }),
);

export const courtInboxQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    status: described(
      z._default(
        z.enum(PETITION_STATUSES.filter((status) => status !== 'draft') as [PetitionStatus, ...PetitionStatus[]]),
        'submitted',
      ),
      'The inbox of one status; submitted (what waits for the court) unless told',
    ),
    limit: z._default(
      z.coerce.number().check(z.int(), z.gte(1), z.lte(PETITION_LIMITS.pageSize)),
      PETITION_LIMITS.defaultPageSize,
    ),
    cursor: z.optional(z.string().check(z.maxLength(1000))),
  }),
);

export const courtInboxSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      items: z.array(
        z.strictObject({
          petitionId: z.string(),
          officeCode: z.string(),
          officeName: z.string(),
          kind: z.enum(PETITION_KINDS),
          subject: z.string(),
          status: z.enum(PETITION_STATUSES),
          submittedAt: z.string(),
          updatedAt: described(z.string(), 'The last change: the inbox is ordered by it, newest first'),
          trackingCode: z.string(),
          month: z.string(),
        }),
      ),
      nextCursor: z.nullable(z.string()),
    })
    .register(z.globalRegistry, { id: 'CourtInbox' }),
);

export const transitionSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      action: z.enum(TRANSITION_ACTIONS),
      note: z.optional(z.string().check(z.minLength(3), z.maxLength(PETITION_LIMITS.note))),
      caseNumber: described(
        z.optional(z.string().check(z.regex(/^\d{6,20}$/))),
        'Court case number, digits (required to register)',
      ),
      defects: described(
        z.optional(
          z.array(z.enum(DEFECT_CODES)).check(
            z.minLength(1),
            z.maxLength(DEFECT_CODES.length),
            z.refine((codes) => new Set(codes).size === codes.length, {
              message: fieldMessage(fieldTexts.duplicateDefect),
            }),
          ),
        ),
        'Coded defects (Article 53: unpaid fees, Article 51 clauses 2-6); required to return',
      ),
      reason: described(
        z.optional(z.enum(REJECTION_REASONS)),
        'reject: cure-period-lapsed from rejection-due, else court-order (with a note)',
      ),
      expectedVersion: z.number().check(z.int(), z.positive()),
    })
    .register(z.globalRegistry, { id: 'Transition' }),
);

export const trackingCodeSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.refine(isValidTrackingCode, { message: fieldMessage(fieldTexts.trackingCode) })),
);

export const trackPathSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ trackingCode: trackingCodeSchema }));
/** A citizen proves to be a party by a national ID: a person's, or a company's for its representative. */
export const partyNationalId = /* @__PURE__ */ lazySchema(() =>
  z.string().check(
    z.refine((v) => isValidPersonNationalId(v) || isValidLegalEntityId(v), {
      message: fieldMessage(fieldTexts.nationalId),
    }),
  ),
);
export const trackQuerySchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ nationalId: partyNationalId }));

const rating = /* @__PURE__ */ lazySchema(() => z.number().check(z.int(), z.gte(1), z.lte(5)));
export const feedbackSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      trackingCode: trackingCodeSchema,
      nationalId: partyNationalId,
      ratings: z.strictObject({ courtesy: rating, responsiveness: rating, overall: rating }),
      comment: z.optional(z.string().check(z.maxLength(PETITION_LIMITS.comment))),
    })
    .register(z.globalRegistry, { id: 'Feedback' }),
);

export const feedbackReceivedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ trackingCode: z.string(), ratedAt: z.string() })
    .register(z.globalRegistry, { id: 'FeedbackReceived' }),
);

const historyEntry = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      at: z.string(),
      by: z.strictObject({ userId: z.string(), role: z.enum([...STAFF_ROLES, 'system']) }),
      action: z.enum(HISTORY_ACTIONS),
      from: z.nullable(z.enum(PETITION_STATUSES)),
      to: z.enum(PETITION_STATUSES),
      note: z.optional(z.string()),
      caseNumber: z.optional(z.string()),
      documentId: z.optional(z.string()),
      defects: z.optional(z.array(z.enum(DEFECT_CODES))),
      reason: z.optional(z.enum(REJECTION_REASONS)),
      courtCode: described(z.optional(z.string()), 'Routing and reassignment: the court the petition went to'),
      previousCourtCode: described(z.optional(z.string()), 'Reassignment: the court it left'),
    })
    .register(z.globalRegistry, { id: 'HistoryEntry' }),
);

export const labelledDefectSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      code: z.enum(DEFECT_CODES),
      label: z.strictObject({ fa: z.string(), en: z.string() }),
      whatToDo: z.strictObject({ fa: z.string(), en: z.string() }),
    })
    .register(z.globalRegistry, { id: 'LabelledDefect' }),
);

export const noticeRecordEntrySchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      noticeId: z.string(),
      kind: z.enum(['defect-notice', 'rejection-order']),
      postedAt: z.string(),
      servedAt: described(z.string(), 'Posting to the notice record is service: the period runs from it'),
      deadline: deadlineSchema,
      defects: z.optional(z.array(z.enum(DEFECT_CODES))),
      reason: z.optional(z.enum(REJECTION_REASONS)),
      note: z.optional(z.string()),
    })
    .register(z.globalRegistry, { id: 'NoticeRecordEntry' }),
);

export const courtAssignmentSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      courtCode: z.string(),
      name: described(z.string(), "The court's Persian name when assigned"),
      kind: z.enum(COURT_KINDS),
      provinceCode: z.string(),
      assignedAt: z.string(),
      rule: described(
        z.enum([...ROUTING_RULES.map((rule) => rule.id), 'reassignment']),
        'The routing rule, or a reassignment',
      ),
      flaggedForReview: described(z.boolean(), "Sent to the province's fallback court: the province should review it"),
      reviewReason: z.optional(z.enum(REVIEW_REASONS)),
    })
    .register(z.globalRegistry, { id: 'CourtAssignment', description: 'The court that holds the petition' }),
);

export const petitionDocumentSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      documentId: z.string(),
      kind: z.enum(DOCUMENT_KINDS),
      fileName: z.string(),
      contentType: z.enum(DOCUMENT_CONTENT_TYPES),
      size: z.number().check(z.int()),
      sha256: z.string(),
      status: z.enum(DOCUMENT_STATUSES),
      declaredAt: z.string(),
      verifiedAt: z.optional(z.string()),
      reason: described(z.optional(z.string()), 'Why verification rejected the stored object'),
      pages: described(
        z.number().check(z.int()),
        'Attachment pages, as declared (1 for documents declared before pages were)',
      ),
    })
    .register(z.globalRegistry, { id: 'PetitionDocument' }),
);

export const indigencySchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      status: z.enum(INDIGENCY_STATUSES),
      claimedAt: z.string(),
      decidedAt: z.optional(z.string()),
      note: described(z.optional(z.string()), "The court's note on its decision"),
    })
    .register(z.globalRegistry, {
      id: 'Indigency',
      description: 'An indigency claim (اعسار): claimed or granted defers the court fee; rejected makes it due',
    }),
);

export const petitionSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      petitionId: z.string(),
      officeCode: z.string(),
      officeName: z.string(),
      kind: z.enum(PETITION_KINDS),
      subject: z.string(),
      description: z.string(),
      claimAmountRials: z.optional(z.string()),
      stage: z.optional(z.enum(FEE_STAGES)),
      judgmentAmountRials: z.optional(z.string()),
      nonMonetaryCategory: z.optional(z.string()),
      caseReference: z.optional(caseReferenceSchema),
      parties: z.array(partySchema),
      documents: z.array(petitionDocumentSchema),
      quote: described(z.optional(feeQuoteSchema), 'The current fee quote; absent on petitions stored before fees'),
      indigency: z.optional(indigencySchema),
      status: z.enum(PETITION_STATUSES),
      court: z.optional(courtAssignmentSchema),
      defects: described(z.optional(z.array(labelledDefectSchema)), 'While returned: the defects to cure, labelled'),
      cureDeadline: z.optional(deadlineSchema),
      rejection: z.optional(
        z.strictObject({ reason: z.enum(REJECTION_REASONS), servedAt: z.string(), objectionDeadline: deadlineSchema }),
      ),
      notices: described(z.optional(z.array(noticeRecordEntrySchema)), "The petitioner's electronic notice record"),
      version: z.number().check(z.int()),
      createdAt: z.string(),
      updatedAt: z.string(),
      submittedAt: z.optional(z.string()),
      month: z.optional(z.string()),
      trackingCode: z.optional(z.string()),
      caseNumber: z.optional(z.string()),
      history: z.array(historyEntry),
    })
    .register(z.globalRegistry, { id: 'Petition' }),
);

export const petitionPageSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      items: z.array(
        z.strictObject({
          petitionId: z.string(),
          kind: z.enum(PETITION_KINDS),
          subject: z.string(),
          status: z.enum(PETITION_STATUSES),
          createdAt: z.string(),
          submittedAt: z.optional(z.string()),
          month: z.optional(z.string()),
          trackingCode: z.optional(z.string()),
        }),
      ),
      nextCursor: z.nullable(z.string()),
    })
    .register(z.globalRegistry, { id: 'PetitionPage' }),
);

export const submissionSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      petitionId: z.string(),
      trackingCode: z.string(),
      status: z.literal('submitted'),
      submittedAt: z.string(),
      month: z.string(),
    })
    .register(z.globalRegistry, { id: 'Submission' }),
);

export const tehranMomentSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      at: described(z.string(), 'ISO 8601 instant (UTC)'),
      solarHijriDate: described(z.string(), 'The Solar Hijri day in Tehran, YYYY-MM-DD'),
      text: described(z.string(), 'Day, month name, year and Tehran time, in the language asked for'),
    })
    .register(z.globalRegistry, { id: 'TehranMoment' }),
);

export const trackingSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      trackingCode: z.string(),
      status: z.strictObject({ code: z.enum(PETITION_STATUSES), label: z.string() }),
      kind: z.strictObject({ code: z.enum(PETITION_KINDS), label: z.string() }),
      office: z.strictObject({ name: z.string(), phone: z.optional(z.string()) }),
      submitted: tehranMomentSchema,
      updated: tehranMomentSchema,
      month: described(z.string(), 'Solar Hijri month the petition counts in'),
      caseNumber: z.optional(z.string()),
      courtNote: described(
        z.optional(z.string()),
        "The court's note when it returned the petition for defects (to the petitioner's side only)",
      ),
      fees: described(
        z.optional(
          z.strictObject({
            dueRials: described(z.string(), 'What the petition still owes (whole rials)'),
            receipts: z.array(
              z.strictObject({
                payee: z.enum(['judiciary', 'office']),
                payeeLabel: z.string(),
                amountRials: z.string(),
                refNum: described(z.string(), "The gateway's reference number"),
                traceNo: z.optional(z.string()),
                paid: described(tehranMomentSchema, 'When the gateway confirmed the payment'),
              }),
            ),
          }),
        ),
        "Receipts of the verified payments and what is still due, to the petitioner's side only; no card numbers",
      ),
      defects: described(
        z.optional(z.array(z.strictObject({ code: z.enum(DEFECT_CODES), label: z.string(), whatToDo: z.string() }))),
        "While returned, to the petitioner's side: the defects to cure, in the language asked for",
      ),
      cureDeadline: described(
        z.optional(
          z.extend(innerOf(deadlineSchema), {
            text: described(z.string(), 'The last day in words, with "provisional" when it is'),
          }),
        ),
        "While returned, to the petitioner's side: the last day to cure the defects",
      ),
      nextStep: described(z.string(), 'What the citizen should do now, in the language asked for'),
    })
    .register(z.globalRegistry, {
      id: 'Tracking',
      description: 'Status, dates and the next step, in Persian or English by Accept-Language; no personal data',
    }),
);

export type CreatePetitionInput = z.output<typeof createPetitionSchema>;
export type UpdatePetitionInput = z.output<typeof updatePetitionSchema>;
export type ListPetitionsQuery = z.output<typeof listPetitionsQuerySchema>;
export type ReassignInput = z.output<typeof reassignSchema>;
export type CourtInboxQueryInput = z.output<typeof courtInboxQuerySchema>;
export type FeedbackInput = z.output<typeof feedbackSchema>;
