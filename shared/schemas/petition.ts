import * as z from 'zod';
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
import { fieldMessage } from '../i18n/messages';
import { courtCodeSchema, deadlineSchema, officeCodeSchema, persianText } from './common';
import { feeCodeSchema, feeQuoteSchema, rialsSchema } from './fee-schedule';
import { innerOf, lazySchema } from './lazy';

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
  z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, { message: fieldMessage('uuid') }),
);

export const personNationalId = /* @__PURE__ */ lazySchema(() =>
  z.string().refine(isValidPersonNationalId, { message: fieldMessage('national-id') }),
);
const legalEntityId = /* @__PURE__ */ lazySchema(() =>
  z.string().refine(isValidLegalEntityId, { message: fieldMessage('legal-id') }),
);
const mobile = /* @__PURE__ */ lazySchema(() => z.string().regex(/^09\d{9}$/, { message: fieldMessage('mobile') }));

const personParty = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('person'),
    role: z.enum(PARTY_ROLES),
    nationalId: personNationalId,
    firstName: persianText(2, 50),
    lastName: persianText(2, 80),
    fatherName: persianText(2, 50),
    mobile: mobile.optional(),
  }),
);

const legalEntityParty = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    type: z.literal('legal-entity'),
    role: z.enum(PARTY_ROLES),
    nationalId: legalEntityId,
    name: z.string().min(2).max(200),
  }),
);

export const partySchema = /* @__PURE__ */ lazySchema(() =>
  z.discriminatedUnion('type', [personParty, legalEntityParty]).meta({ id: 'Party' }),
);

export const documentDeclarationSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      kind: z.enum(DOCUMENT_KINDS),
      fileName: z
        .string()
        .min(1)
        .max(200)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
        .regex(/^[^/\\\u0000-\u001f]+$/, { message: fieldMessage('file-name') }),
      contentType: z.enum(DOCUMENT_CONTENT_TYPES),
      size: z
        .number()
        .int()
        .positive()
        .meta({
          maximum: DOCUMENT_POLICY.maxBytes,
          description: `Exact size in bytes; over ${DOCUMENT_POLICY.maxBytes} is 413`,
        }),
      sha256: z
        .string()
        .regex(/^[0-9a-fA-F]{64}$/, { message: fieldMessage('sha256') })
        .transform((v) => v.toLowerCase())
        .describe('SHA-256 of the file, 64 hex digits'),
      pages: z
        .number()
        .int()
        .min(1)
        .max(PETITION_LIMITS.pages)
        .default(1)
        .describe('Attachment pages of the document (the office tariff counts pages beyond those included)'),
    })
    .meta({ id: 'DocumentDeclaration' }),
);

const declarations = /* @__PURE__ */ lazySchema(() =>
  z.array(documentDeclarationSchema).max(DOCUMENT_POLICY.maxFilesPerPetition),
);

export const declareDocumentsSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ documents: innerOf(declarations).min(1) }).meta({ id: 'DeclareDocuments' }),
);

export const documentPathSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ petitionId: uuidSchema, documentId: uuidSchema }),
);

export const documentRemovedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      petitionId: z.string(),
      version: z.number().int().describe('The petition version after the removal'),
      documents: z.number().int().describe('Documents the petition still has'),
      quote: feeQuoteSchema.describe('The fees again, without the removed pages'),
    })
    .meta({ id: 'DocumentRemoved' }),
);

export const uploadInstructionSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      documentId: z.string(),
      uploadUrl: z.string(),
      headers: z.record(z.string(), z.string()),
      expiresAt: z.string(),
    })
    .meta({
      id: 'UploadInstruction',
      description: 'PUT the exact bytes to uploadUrl with exactly these headers before expiresAt',
    }),
);

export const draftCreatedSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      petitionId: z.string(),
      status: z.literal('draft'),
      version: z.number().int(),
      uploads: z.array(uploadInstructionSchema),
      quote: feeQuoteSchema.describe("The draft's fees: court fee and office tariff, per payee"),
    })
    .meta({ id: 'DraftCreated' }),
);

export const documentsDeclaredSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      petitionId: z.string(),
      version: z.number().int(),
      uploads: z.array(uploadInstructionSchema),
      quote: feeQuoteSchema.describe('The fees again, with the new pages'),
    })
    .meta({ id: 'DocumentsDeclared' }),
);

export const downloadSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ downloadUrl: z.string(), expiresAt: z.string() }).meta({ id: 'Download' }),
);

const claimAmount = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .regex(/^(0|[1-9]\d{0,20})$/, { message: fieldMessage('rials') })
    .describe('Whole Rials as a decimal string: amounts exceed what a JSON number carries exactly'),
);
const parties = /* @__PURE__ */ lazySchema(() =>
  z
    .array(partySchema)
    .min(1)
    .max(PETITION_LIMITS.parties)
    .refine((list) => list.some((p) => p.role === 'claimant'), { message: fieldMessage('claimant-required') }),
);
/** What the fees are computed from, besides the kind, the claim, the parties and the pages. */
const feeFields = /* @__PURE__ */ lazily(() => ({
  stage: z
    .enum(FEE_STAGES)
    .describe('The stage the court fee is for; when absent, appeal for an appeal and first-instance otherwise'),
  judgmentAmountRials: rialsSchema.describe('For appeals and objections: the judgment amount the court fee is on'),
  nonMonetaryCategory: feeCodeSchema.describe("A non-monetary claim's category, from the fee schedule"),
}));
export const caseReferenceSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      courtCode: courtCodeSchema.describe('The court that holds the case'),
      caseNumber: z
        .string()
        .regex(/^\d{6,20}$/, { message: fieldMessage('case-number') })
        .describe('Court case number, digits'),
    })
    .meta({ id: 'CaseReference' }),
);

export const createPetitionSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      kind: z.enum(PETITION_KINDS),
      subject: z.string().min(3).max(PETITION_LIMITS.subject),
      description: z.string().max(PETITION_LIMITS.description).default(''),
      claimAmountRials: claimAmount.optional(),
      stage: feeFields().stage.optional(),
      judgmentAmountRials: feeFields().judgmentAmountRials.optional(),
      nonMonetaryCategory: feeFields().nonMonetaryCategory.optional(),
      parties,
      caseReference: caseReferenceSchema
        .optional()
        .describe('Required for written statements (routed to the case) and appeals; refused for other kinds'),
      documents: declarations.default([]),
    })
    .superRefine((input, context) => {
      const needed = KINDS_WITH_CASE_REFERENCE.includes(input.kind);
      if (needed === (input.caseReference !== undefined)) return;
      context.addIssue({
        code: 'custom',
        path: ['caseReference'],
        message: fieldMessage(needed ? 'case-reference-required' : 'case-reference-not-allowed'),
      });
    })
    .meta({ id: 'CreatePetition' }),
);

export const updatePetitionSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      subject: z.string().min(3).max(PETITION_LIMITS.subject).optional(),
      description: z.string().max(PETITION_LIMITS.description).optional(),
      claimAmountRials: claimAmount.nullable().optional().describe('null removes it'),
      stage: feeFields().stage.nullable().optional().describe('null: back to the stage the kind implies'),
      judgmentAmountRials: feeFields().judgmentAmountRials.nullable().optional().describe('null removes it'),
      nonMonetaryCategory: feeFields().nonMonetaryCategory.nullable().optional().describe('null removes it'),
      parties: parties.optional(),
      expectedVersion: z.number().int().positive(),
    })
    .meta({
      id: 'UpdatePetition',
      description: 'Changes to a draft or a returned petition; the fees are quoted again from them',
    }),
);

export const petitionPathSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ petitionId: uuidSchema }));

export const submitPetitionSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({}).meta({ id: 'SubmitPetition', description: 'Empty object, or no body' }),
);

export const solarMonthSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().regex(/^1[3-4]\d{2}-(0[1-9]|1[0-2])$/, { message: fieldMessage('solar-month') }),
);

export const listPetitionsQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    status: z.enum(PETITION_STATUSES).optional(),
    month: solarMonthSchema.optional().describe('Solar Hijri month of submission (of creation for drafts)'),
    officeCode: officeCodeSchema
      .optional()
      .describe('Required for province-admin; office staff always get their own office'),
    limit: z.coerce.number().int().min(1).max(PETITION_LIMITS.pageSize).default(PETITION_LIMITS.defaultPageSize),
    cursor: z.string().max(1000).optional(),
  }),
);

export const reassignSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      courtCode: courtCodeSchema.describe('The court of your province that takes the petition'),
      note: z.string().min(3).max(PETITION_LIMITS.note).describe('Why: kept in the audited history'),
      expectedVersion: z.number().int().positive(),
    })
    .meta({ id: 'Reassign' }),
);

export const courtInboxQuerySchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    status: z
      .enum(PETITION_STATUSES.filter((status) => status !== 'draft') as [PetitionStatus, ...PetitionStatus[]])
      .default('submitted')
      .describe('The inbox of one status; submitted (what waits for the court) unless told'),
    limit: z.coerce.number().int().min(1).max(PETITION_LIMITS.pageSize).default(PETITION_LIMITS.defaultPageSize),
    cursor: z.string().max(1000).optional(),
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
          updatedAt: z.string().describe('The last change: the inbox is ordered by it, newest first'),
          trackingCode: z.string(),
          month: z.string(),
        }),
      ),
      nextCursor: z.string().nullable(),
    })
    .meta({ id: 'CourtInbox' }),
);

export const transitionSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      action: z.enum(TRANSITION_ACTIONS),
      note: z.string().min(3).max(PETITION_LIMITS.note).optional(),
      caseNumber: z
        .string()
        .regex(/^\d{6,20}$/)
        .optional()
        .describe('Court case number, digits (required to register)'),
      defects: z
        .array(z.enum(DEFECT_CODES))
        .min(1)
        .max(DEFECT_CODES.length)
        .refine((codes) => new Set(codes).size === codes.length, { message: fieldMessage('duplicate-defect') })
        .optional()
        .describe('Coded defects (Article 53: unpaid fees, Article 51 clauses 2-6); required to return'),
      reason: z
        .enum(REJECTION_REASONS)
        .optional()
        .describe('reject: cure-period-lapsed from rejection-due, else court-order (with a note)'),
      expectedVersion: z.number().int().positive(),
    })
    .meta({ id: 'Transition' }),
);

export const trackingCodeSchema = /* @__PURE__ */ lazySchema(() =>
  z.string().refine(isValidTrackingCode, { message: fieldMessage('tracking-code') }),
);

export const trackPathSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ trackingCode: trackingCodeSchema }));
/** A citizen proves to be a party by a national ID: a person's, or a company's for its representative. */
export const partyNationalId = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .refine((v) => isValidPersonNationalId(v) || isValidLegalEntityId(v), { message: fieldMessage('national-id') }),
);
export const trackQuerySchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ nationalId: partyNationalId }));

const rating = /* @__PURE__ */ lazySchema(() => z.number().int().min(1).max(5));
export const feedbackSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      trackingCode: trackingCodeSchema,
      nationalId: partyNationalId,
      ratings: z.strictObject({ courtesy: rating, responsiveness: rating, overall: rating }),
      comment: z.string().max(PETITION_LIMITS.comment).optional(),
    })
    .meta({ id: 'Feedback' }),
);

export const feedbackReceivedSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ trackingCode: z.string(), ratedAt: z.string() }).meta({ id: 'FeedbackReceived' }),
);

const historyEntry = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      at: z.string(),
      by: z.strictObject({ userId: z.string(), role: z.enum([...STAFF_ROLES, 'system']) }),
      action: z.enum(HISTORY_ACTIONS),
      from: z.enum(PETITION_STATUSES).nullable(),
      to: z.enum(PETITION_STATUSES),
      note: z.string().optional(),
      caseNumber: z.string().optional(),
      documentId: z.string().optional(),
      defects: z.array(z.enum(DEFECT_CODES)).optional(),
      reason: z.enum(REJECTION_REASONS).optional(),
      courtCode: z.string().optional().describe('Routing and reassignment: the court the petition went to'),
      previousCourtCode: z.string().optional().describe('Reassignment: the court it left'),
    })
    .meta({ id: 'HistoryEntry' }),
);

export const labelledDefectSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      code: z.enum(DEFECT_CODES),
      label: z.strictObject({ fa: z.string(), en: z.string() }),
      whatToDo: z.strictObject({ fa: z.string(), en: z.string() }),
    })
    .meta({ id: 'LabelledDefect' }),
);

export const noticeRecordEntrySchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      noticeId: z.string(),
      kind: z.enum(['defect-notice', 'rejection-order']),
      postedAt: z.string(),
      servedAt: z.string().describe('Posting to the notice record is service: the period runs from it'),
      deadline: deadlineSchema,
      defects: z.array(z.enum(DEFECT_CODES)).optional(),
      reason: z.enum(REJECTION_REASONS).optional(),
      note: z.string().optional(),
    })
    .meta({ id: 'NoticeRecordEntry' }),
);

export const courtAssignmentSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      courtCode: z.string(),
      name: z.string().describe("The court's Persian name when assigned"),
      kind: z.enum(COURT_KINDS),
      provinceCode: z.string(),
      assignedAt: z.string(),
      rule: z
        .enum([...ROUTING_RULES.map((rule) => rule.id), 'reassignment'])
        .describe('The routing rule, or a reassignment'),
      flaggedForReview: z.boolean().describe("Sent to the province's fallback court: the province should review it"),
      reviewReason: z.enum(REVIEW_REASONS).optional(),
    })
    .meta({ id: 'CourtAssignment', description: 'The court that holds the petition' }),
);

export const petitionDocumentSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      documentId: z.string(),
      kind: z.enum(DOCUMENT_KINDS),
      fileName: z.string(),
      contentType: z.enum(DOCUMENT_CONTENT_TYPES),
      size: z.number().int(),
      sha256: z.string(),
      status: z.enum(DOCUMENT_STATUSES),
      declaredAt: z.string(),
      verifiedAt: z.string().optional(),
      reason: z.string().optional().describe('Why verification rejected the stored object'),
      pages: z.number().int().describe('Attachment pages, as declared (1 for documents declared before pages were)'),
    })
    .meta({ id: 'PetitionDocument' }),
);

export const indigencySchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      status: z.enum(INDIGENCY_STATUSES),
      claimedAt: z.string(),
      decidedAt: z.string().optional(),
      note: z.string().optional().describe("The court's note on its decision"),
    })
    .meta({
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
      claimAmountRials: z.string().optional(),
      stage: z.enum(FEE_STAGES).optional(),
      judgmentAmountRials: z.string().optional(),
      nonMonetaryCategory: z.string().optional(),
      caseReference: caseReferenceSchema.optional(),
      parties: z.array(partySchema),
      documents: z.array(petitionDocumentSchema),
      quote: feeQuoteSchema.optional().describe('The current fee quote; absent on petitions stored before fees'),
      indigency: indigencySchema.optional(),
      status: z.enum(PETITION_STATUSES),
      court: courtAssignmentSchema.optional(),
      defects: z.array(labelledDefectSchema).optional().describe('While returned: the defects to cure, labelled'),
      cureDeadline: deadlineSchema.optional(),
      rejection: z
        .strictObject({ reason: z.enum(REJECTION_REASONS), servedAt: z.string(), objectionDeadline: deadlineSchema })
        .optional(),
      notices: z.array(noticeRecordEntrySchema).optional().describe("The petitioner's electronic notice record"),
      version: z.number().int(),
      createdAt: z.string(),
      updatedAt: z.string(),
      submittedAt: z.string().optional(),
      month: z.string().optional(),
      trackingCode: z.string().optional(),
      caseNumber: z.string().optional(),
      history: z.array(historyEntry),
    })
    .meta({ id: 'Petition' }),
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
          submittedAt: z.string().optional(),
          month: z.string().optional(),
          trackingCode: z.string().optional(),
        }),
      ),
      nextCursor: z.string().nullable(),
    })
    .meta({ id: 'PetitionPage' }),
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
    .meta({ id: 'Submission' }),
);

export const tehranMomentSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      at: z.string().describe('ISO 8601 instant (UTC)'),
      solarHijriDate: z.string().describe('The Solar Hijri day in Tehran, YYYY-MM-DD'),
      text: z.string().describe('Day, month name, year and Tehran time, in the language asked for'),
    })
    .meta({ id: 'TehranMoment' }),
);

export const trackingSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      trackingCode: z.string(),
      status: z.strictObject({ code: z.enum(PETITION_STATUSES), label: z.string() }),
      kind: z.strictObject({ code: z.enum(PETITION_KINDS), label: z.string() }),
      office: z.strictObject({ name: z.string(), phone: z.string().optional() }),
      submitted: tehranMomentSchema,
      updated: tehranMomentSchema,
      month: z.string().describe('Solar Hijri month the petition counts in'),
      caseNumber: z.string().optional(),
      courtNote: z.string().optional().describe("The court's note when it returned the petition for defects"),
      fees: z
        .strictObject({
          dueRials: z.string().describe('What the petition still owes (whole rials)'),
          receipts: z.array(
            z.strictObject({
              payee: z.enum(['judiciary', 'office']),
              payeeLabel: z.string(),
              amountRials: z.string(),
              refNum: z.string().describe("The gateway's reference number"),
              traceNo: z.string().optional(),
              paid: tehranMomentSchema.describe('When the gateway confirmed the payment'),
            }),
          ),
        })
        .optional()
        .describe('Receipts of the verified payments and what is still due; no card numbers'),
      defects: z
        .array(z.strictObject({ code: z.enum(DEFECT_CODES), label: z.string(), whatToDo: z.string() }))
        .optional()
        .describe('While returned: the defects to cure, in the language asked for'),
      cureDeadline: innerOf(deadlineSchema)
        .extend({ text: z.string().describe('The last day in words, with "provisional" when it is') })
        .optional(),
      nextStep: z.string().describe('What the citizen should do now, in the language asked for'),
    })
    .meta({
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
