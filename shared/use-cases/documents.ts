import { documentCounters } from '../domain/counters';
import {
  DOCUMENT_POLICY,
  type DocumentContentType,
  type DocumentKind,
  documentKey,
  parseDocumentKey,
  quarantineKey,
  verifyStoredObject,
} from '../domain/document-policy';
import { ConflictError, type FieldIssue, LimitExceededError, NotFoundError } from '../domain/errors';
import { assertEditableByOffice, assertVisible, type Petition, type PetitionDocument } from '../domain/petition';
import { actor, type Principal } from '../domain/roles';
import { petitionEvent } from '../events/emit';
import * as fieldTexts from '../i18n/field-messages';
import { fieldText } from '../i18n/field-text';
import * as problemTexts from '../i18n/problem-texts';
import type {
  Clock,
  DocumentObjects,
  DocumentUrls,
  FeeScheduleRepository,
  IdGenerator,
  PetitionRepository,
  PetitionWriter,
} from '../ports';
import { quotePetition } from './fees';

export interface DocumentDeclaration {
  kind: DocumentKind;
  fileName: string;
  contentType: DocumentContentType;
  size: number;
  sha256: string;
  /** Attachment pages: the office tariff counts them. */
  pages: number;
}

/** `Store` is the half of the document store a use case needs: URLs, or the objects. */
export interface DocumentDeps<Store> {
  petitions: PetitionRepository;
  documents: Store;
  /** Declaring or removing a document changes the pages, and so re-quotes the fees. */
  schedules: FeeScheduleRepository;
  clock: Clock;
  ids: Pick<IdGenerator, 'documentId' | 'eventId'>;
}

const LIMITS = { maxBytes: DOCUMENT_POLICY.maxBytes, maxFiles: DOCUMENT_POLICY.maxFilesPerPetition };

/** Turns declarations into pending documents, refusing (413) sizes and counts over the policy. */
export function declareDocuments(
  existing: readonly PetitionDocument[],
  declarations: readonly DocumentDeclaration[],
  now: Date,
  ids: Pick<IdGenerator, 'documentId'>,
): PetitionDocument[] {
  const fields: FieldIssue[] = declarations.flatMap((d, i) =>
    d.size > DOCUMENT_POLICY.maxBytes
      ? [
          {
            field: `body.documents.${i}.size`,
            code: 'too_big',
            messages: fieldText(fieldTexts.documentTooBig, { maxBytes: DOCUMENT_POLICY.maxBytes }),
          },
        ]
      : [],
  );
  if (existing.length + declarations.length > DOCUMENT_POLICY.maxFilesPerPetition) {
    fields.push({
      field: 'body.documents',
      code: 'too_big',
      messages: fieldText(fieldTexts.tooManyDocuments, { maxFiles: DOCUMENT_POLICY.maxFilesPerPetition }),
    });
  }
  if (fields.length > 0) throw new LimitExceededError(LIMITS, fields);
  return declarations.map((d) => ({
    documentId: ids.documentId(),
    ...d,
    status: 'pending' as const,
    declaredAt: now.toISOString(),
  }));
}

export async function uploadInstructions(
  store: Pick<DocumentUrls, 'presignUpload'>,
  petitionId: string,
  documents: readonly PetitionDocument[],
) {
  return Promise.all(
    documents.map(async (d) => ({
      documentId: d.documentId,
      ...(await store.presignUpload(documentKey(petitionId, d.documentId), d)),
    })),
  );
}

/** More documents for a draft or a petition returned for defects. */
export async function addDocuments(
  deps: DocumentDeps<DocumentUrls>,
  principal: Principal,
  petitionId: string,
  declarations: readonly DocumentDeclaration[],
) {
  const current = await deps.petitions.get(petitionId);
  assertVisible(current, principal);
  assertEditableByOffice(current, principal);
  if (current.status !== 'draft' && current.status !== 'returned')
    throw new ConflictError(problemTexts.documentsClosed, { status: current.status });
  const now = deps.clock.now();
  const added = declareDocuments(current.documents, declarations, now, deps.ids);
  const at = now.toISOString();
  const documents = [...current.documents, ...added];
  const quote = await quotePetition(deps, { ...current, documents }, now);
  const next: Petition = {
    ...current,
    documents,
    quote,
    version: current.version + 1,
    updatedAt: at,
    history: [
      ...current.history,
      {
        at,
        by: actor(principal),
        action: 'declare-documents',
        from: current.status,
        to: current.status,
      },
    ],
  };
  await deps.petitions.save(next, current.version);
  return {
    petitionId,
    version: next.version,
    uploads: await uploadInstructions(deps.documents, petitionId, added),
    quote,
  };
}

export type VerificationOutcome = 'verified' | 'rejected' | 'ignored';

/** How often a verification re-reads the petition when a concurrent change moved its version. */
const VERSION_RETRIES = 8;

/**
 * Whether a petition's scans are kept (tagged `lifecycle=kept`, spared by the draft clean-up rule):
 * once it has gone into the court's hands, which is when the keeper's rule passes its events (a
 * first submission; a resubmission or a reinstatement comes after one). The first submission
 * stamps `submittedAt` and nothing takes it off, so every later status says so (returned, rejected,
 * withdrawn); a draft withdrawn unsubmitted never went, and its scans expire as a draft's.
 */
function scansKept(petition: Pick<Petition, 'submittedAt'>): boolean {
  return petition.submittedAt !== undefined;
}

/**
 * Runs when an object arrives: checks size, SHA-256 and file signature against the declaration and
 * marks the document verified, or rejected with a reason. The decision is saved first and only
 * then is a rejected object moved to quarantine, where nothing serves it: the other order lost the
 * object to quarantine when the save lost a race with another verification, and the retry then
 * found nothing and left the document pending for ever. Saving is retried on version conflicts, and
 * a retry of a finished rejection just finishes the move. Transient failures throw, so the
 * platform retries instead of rejecting. A verified scan of a submitted petition is tagged kept
 * (scansKept; why: below), whether it was verified now or before.
 */
export async function verifyArrival(
  deps: Omit<DocumentDeps<DocumentObjects>, 'schedules' | 'petitions'> & { petitions: PetitionWriter },
  key: string,
): Promise<VerificationOutcome> {
  const ids = parseDocumentKey(key);
  if (!ids) return 'ignored';
  const quarantined = quarantineKey(ids.petitionId, ids.documentId);
  // The object is read beside the petition, and once: its bytes do not change between attempts (a
  // new upload to the key is an event of its own), so a version conflict re-reads the petition
  // only. Its result waits for whichever attempt needs it; one that needs none leaves it unread.
  const inspection = deps.documents.inspect(key);
  inspection.catch(() => undefined);
  for (let attempt = 0; attempt < VERSION_RETRIES; attempt++) {
    const petition = await deps.petitions.get(ids.petitionId);
    const index = petition?.documents.findIndex((d) => d.documentId === ids.documentId) ?? -1;
    const document = petition?.documents[index];
    // Unknown (never declared, or removed since): nothing to decide.
    if (!petition || !document) return 'ignored';
    if (document.status === 'rejected') {
      await deps.documents.quarantine(key, quarantined);
      return 'rejected';
    }
    const stored = await inspection;
    if (!stored) return 'ignored';
    const result = verifyStoredObject(document, stored);
    // Why keep here: an upload through a URL still valid after submission (a client's retry) makes a
    // new current version, tagged draft by the URL, which the draft rule would expire, hiding the
    // kept bytes of the case file behind a delete marker. No order of that upload, this read, the
    // submission and the keeper leaves it so: this runs after its version exists and reads the
    // petition consistently. Found submitted, this tags the current version. Found a draft, the
    // submission commits after the read (for a pending scan, after this save: submission waits for
    // it, and a change in between fails the save on its version, so the loop reads again), and the
    // keeper, which runs after the submission, tags the current version: this upload's or a newer
    // one's (which has a verification of its own). Tagging twice changes nothing; a failed tagging
    // throws, and the retry finds the scan verified and tags it.
    if (result.status === 'verified' && document.status === 'verified') {
      if (scansKept(petition)) await deps.documents.keep([key]);
      return 'verified';
    }
    const at = deps.clock.now().toISOString();
    const documents = [...petition.documents];
    documents[index] = {
      ...document,
      status: result.status,
      ...(result.status === 'rejected' ? { reason: result.reason } : { verifiedAt: at }),
    };
    try {
      // A verified scan counts as a document stored that month, for the office's monthly report.
      const counters =
        result.status === 'verified'
          ? documentCounters(new Date(at)).map((c) => ({ officeCode: petition.officeCode, ...c }))
          : [];
      const next: Petition = { ...petition, documents, version: petition.version + 1, updatedAt: at };
      // A rejected scan is news for the office (and its petitioner): the event goes with the decision.
      const events =
        result.status === 'rejected'
          ? [
              petitionEvent(
                'document-rejected',
                next,
                { data: { documentId: document.documentId, reason: result.reason } },
                { eventId: deps.ids.eventId(), occurredAt: at },
              ),
            ]
          : [];
      await deps.petitions.save(next, petition.version, counters, events);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)));
      continue;
    }
    if (result.status === 'rejected') await deps.documents.quarantine(key, quarantined);
    else if (scansKept(petition)) await deps.documents.keep([key]);
    return result.status;
  }
  throw new Error('petition kept changing during document verification');
}

/**
 * Takes a declared document off a draft or a returned petition (a rejected scan, a wrong file), so
 * that a bad upload never blocks a petition for ever: the clerk removes it and declares another.
 * The removal is in the history, and its `document-removed` event goes in the same transaction:
 * the document keeper deletes the object from it (forgetRemovedDocument; retried, then
 * dead-lettered under alarm), so a failing S3 never leaves a removal half made and the clerk never
 * waits for S3.
 */
export async function removeDocument(
  deps: Omit<DocumentDeps<never>, 'documents'>,
  principal: Principal,
  petitionId: string,
  documentId: string,
) {
  const current = await deps.petitions.get(petitionId);
  assertVisible(current, principal);
  assertEditableByOffice(current, principal);
  if (!current.documents.some((d) => d.documentId === documentId)) throw new NotFoundError('document');
  if (current.status !== 'draft' && current.status !== 'returned') {
    throw new ConflictError(problemTexts.documentsClosed, { status: current.status });
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  const documents = current.documents.filter((d) => d.documentId !== documentId);
  const quote = await quotePetition(deps, { ...current, documents }, now);
  const next: Petition = {
    ...current,
    documents,
    quote,
    version: current.version + 1,
    updatedAt: at,
    history: [
      ...current.history,
      { at, by: actor(principal), action: 'remove-document', from: current.status, to: current.status, documentId },
    ],
  };
  const removed = petitionEvent(
    'document-removed',
    next,
    { data: { documentId } },
    { eventId: deps.ids.eventId(), occurredAt: at },
  );
  await deps.petitions.save(next, current.version, [], [removed]);
  return { petitionId, version: next.version, documents: next.documents.length, quote };
}

/**
 * The document keeper's half of a removal (`document-removed`): deletes the object, whose bytes
 * the bucket's versioning keeps as a noncurrent version (a draft's scan for 30 days, by the draft
 * rule; a scan the court already received, tagged kept, for good). Deleting again, or an object
 * never uploaded, leaves one more delete marker, which the bucket's lifecycle clears; so a
 * redelivered event is harmless. An upload arriving after the removal is not verified (its
 * document is no longer declared) and expires with the draft rule.
 */
export async function forgetRemovedDocument(
  deps: { documents: Pick<DocumentObjects, 'remove'> },
  petitionId: string,
  documentId: string,
): Promise<{ removed: number }> {
  await deps.documents.remove(documentKey(petitionId, documentId));
  return { removed: 1 };
}

/** A short-lived download URL for a verified document; every grant is kept in the audit trail. */
export async function grantDownload(
  deps: DocumentDeps<DocumentUrls>,
  principal: Principal,
  petitionId: string,
  documentId: string,
) {
  const petition = await deps.petitions.get(petitionId);
  assertVisible(petition, principal);
  const document = petition.documents.find((d) => d.documentId === documentId);
  if (!document) throw new NotFoundError('document');
  if (document.status !== 'verified')
    throw new ConflictError(problemTexts.documentNotVerified, { status: document.status });
  await deps.petitions.recordAccess({
    petitionId,
    at: deps.clock.now().toISOString(),
    by: actor(principal),
    action: 'download',
    from: petition.status,
    to: petition.status,
    documentId,
  });
  return deps.documents.presignDownload(documentKey(petitionId, documentId), document);
}

/**
 * A petition's scans lose the draft tag that lets the lifecycle rule delete drafts never submitted
 * (60 days after upload), each time it goes into the court's hands: from its `submitted` or
 * `reinstated` event, after the change, not within it, so a clerk's submit waits for no S3 call
 * and its function carries no S3 client. Every verified document is kept; the others were never
 * submitted (a scan declared while the petition is returned is kept by its verification, as is a
 * scan uploaded again after a submission: verifyArrival, scansKept). Tagging twice changes nothing,
 * so a redelivered event is harmless. A verified scan whose object is gone fails the event: it is
 * retried, then parked in the keeper's dead-letter queue, whose alarm calls an operator to restore
 * it (the draft rule keeps an expired scan's bytes 30 days as a noncurrent version; README runbook).
 */
export async function keepSubmittedDocuments(
  deps: { petitions: Pick<PetitionRepository, 'get'>; documents: Pick<DocumentObjects, 'keep'> },
  petitionId: string,
): Promise<{ kept: number }> {
  const petition = await deps.petitions.get(petitionId);
  const verified = petition?.documents.filter((d) => d.status === 'verified') ?? [];
  if (verified.length > 0) await deps.documents.keep(verified.map((d) => documentKey(petitionId, d.documentId)));
  return { kept: verified.length };
}
