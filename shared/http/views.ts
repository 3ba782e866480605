import type * as z from 'zod/mini';
import { COURT_KIND_NAMES, type Court } from '../domain/court';
import { DEFECTS } from '../domain/defects';
import { PAGES_WHEN_UNDECLARED } from '../domain/fees';
import type { NewOffice, Office, OfficeChanges } from '../domain/office';
import type { HistoryEntry, Petition, PetitionDocument } from '../domain/petition';
import type { ProvinceCode } from '../domain/provinces';
import type { MonthlyReport } from '../domain/report';
import type { courtSchema } from '../schemas/court';
import type { CreateOfficeInput, officeSchema, UpdateOfficeInput } from '../schemas/office';
import type {
  CreatePetitionInput,
  petitionDocumentSchema,
  petitionSchema,
  submissionSchema,
  trackingSchema,
} from '../schemas/petition';
import type { monthlyReportSchema } from '../schemas/report';
import type { trackPetition } from '../use-cases/citizen';
import type { DocumentDeclaration } from '../use-cases/documents';
import type { submitPetition } from '../use-cases/petitions';

/**
 * What leaves the API of a stored item: exactly the fields its published schema names, picked one
 * by one, so a field added to the stored item (an Idempotency-Key, the creator's id) never leaks
 * into an answer unseen. The types come from the response schemas, so a view and the published
 * contract cannot drift apart.
 */
export type PetitionView = z.output<typeof petitionSchema>;
export type OfficeView = z.output<typeof officeSchema>;
export type CourtView = z.output<typeof courtSchema>;
type DocumentView = z.output<typeof petitionDocumentSchema>;

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

export function documentView(document: PetitionDocument): DocumentView {
  return {
    documentId: document.documentId,
    kind: document.kind as DocumentView['kind'],
    fileName: document.fileName,
    contentType: document.contentType as DocumentView['contentType'],
    size: document.size,
    sha256: document.sha256,
    status: document.status,
    declaredAt: document.declaredAt,
    ...optional('verifiedAt', document.verifiedAt),
    ...optional('reason', document.reason),
    pages: document.pages ?? PAGES_WHEN_UNDECLARED,
  };
}

function historyView(entry: HistoryEntry): PetitionView['history'][number] {
  return {
    at: entry.at,
    by: { userId: entry.by.userId, role: entry.by.role },
    action: entry.action,
    from: entry.from,
    to: entry.to,
    ...optional('note', entry.note),
    ...optional('caseNumber', entry.caseNumber),
    ...optional('documentId', entry.documentId),
    ...optional('defects', entry.defects),
    ...optional('reason', entry.reason),
    ...optional('courtCode', entry.courtCode),
    ...optional('previousCourtCode', entry.previousCourtCode),
  };
}

export function petitionView(petition: Petition): PetitionView {
  return {
    petitionId: petition.petitionId,
    officeCode: petition.officeCode,
    officeName: petition.officeName,
    kind: petition.kind,
    subject: petition.subject,
    description: petition.description,
    ...optional('claimAmountRials', petition.claimAmountRials),
    ...optional('stage', petition.stage),
    ...optional('judgmentAmountRials', petition.judgmentAmountRials),
    ...optional('nonMonetaryCategory', petition.nonMonetaryCategory),
    ...optional('caseReference', petition.caseReference),
    parties: petition.parties,
    documents: petition.documents.map(documentView),
    ...optional('quote', petition.quote),
    ...optional('indigency', petition.indigency),
    status: petition.status,
    ...optional('court', petition.court),
    ...optional(
      'defects',
      petition.defects?.map((code) => ({ code, label: DEFECTS[code].label, whatToDo: DEFECTS[code].whatToDo })),
    ),
    ...optional('cureDeadline', petition.cureDeadline),
    ...optional('rejection', petition.rejection),
    ...optional(
      'notices',
      petition.notices?.map((entry) => ({ ...entry })),
    ),
    version: petition.version,
    createdAt: petition.createdAt,
    updatedAt: petition.updatedAt,
    ...optional('submittedAt', petition.submittedAt),
    ...optional('month', petition.month),
    ...optional('trackingCode', petition.trackingCode),
    ...optional('caseNumber', petition.caseNumber),
    history: petition.history.map(historyView),
  };
}

export function officeView(office: Office): OfficeView {
  return {
    officeCode: office.officeCode,
    name: office.name,
    ...optional('shortName', office.shortName),
    provinceCode: office.provinceCode,
    province: office.province,
    judicialDistrict: office.judicialDistrict,
    county: office.county,
    ...optional('bakhsh', office.bakhsh),
    deprivedArea: office.deprivedArea,
    status: office.status,
    statusSince: office.statusSince,
    ...optional('openedOn', office.openedOn),
    ...optional('plannedOpeningBy', office.plannedOpeningBy),
    statusHistory: office.statusHistory.map((step) => ({ status: step.status, since: step.since })),
    contact: { ...optional('phone', office.contact.phone), ...optional('address', office.contact.address) },
    ...optional('paymentTerminalId', office.paymentTerminalId),
    demo: office.demo,
    version: office.version,
    createdAt: office.createdAt,
    updatedAt: office.updatedAt,
  };
}

export function courtView(court: Court): CourtView {
  return {
    courtCode: court.courtCode,
    name: court.name,
    provinceCode: court.provinceCode,
    judicialDistrict: court.judicialDistrict,
    kind: court.kind,
    kindName: COURT_KIND_NAMES[court.kind],
    status: court.status,
    demo: court.demo,
    version: court.version,
    createdAt: court.createdAt,
    updatedAt: court.updatedAt,
  };
}

/**
 * Compile-time ties between the published schemas and the domain: each line fails the type check
 * when one side changes without the other. `Sub` must be assignable to `Super`.
 */
type Assignable<Super, Sub extends Super> = Sub;
export type SchemaTies = [
  // What the API publishes of a stored item exists on it.
  Assignable<keyof Office, keyof OfficeView>,
  Assignable<keyof Court | 'kindName', keyof CourtView>,
  Assignable<keyof Petition, keyof PetitionView>,
  Assignable<keyof PetitionDocument, keyof DocumentView>,
  // What the request schemas give, the use cases take.
  Assignable<NewOffice, CreateOfficeInput & { provinceCode: ProvinceCode }>,
  Assignable<OfficeChanges, UpdateOfficeInput>,
  Assignable<readonly DocumentDeclaration[], CreatePetitionInput['documents']>,
  // What the use cases answer, the response schemas describe.
  Assignable<z.output<typeof trackingSchema>, Awaited<ReturnType<typeof trackPetition>>>,
  Assignable<z.output<typeof submissionSchema>, Awaited<ReturnType<typeof submitPetition>>>,
  Assignable<z.output<typeof monthlyReportSchema>, MonthlyReport>,
];
