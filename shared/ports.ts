import type { Court, CourtFallbacks, CourtKind, CourtStatus } from './domain/court';
import type { ENotice, ViewChannel } from './domain/e-notices';
import type { GuessBudget } from './domain/guessing';
import type { LunarHolidayCalendar, ProvincialHoliday } from './domain/holidays';
import type { WorkCalendar } from './domain/legal-periods';
import type { Office, OfficeStatus } from './domain/office';
import type { HistoryEntry, Petition, PetitionStatus } from './domain/petition';
import type { ProvinceCode } from './domain/provinces';
import type { NetworkTarget } from './domain/report';
import type { CourtRegistrySnapshot } from './domain/routing';
import type { Weekday } from './domain/solar-hijri-days';
import type { PetitionEvent } from './events/petition-events';
import type { COURT_INBOX_ATTRIBUTES, PETITION_SUMMARY_ATTRIBUTES } from './table-definition';

/** Time is a port so that tests can submit "at 23:59 Tehran time" without waiting for it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface OfficeFilter {
  status?: OfficeStatus;
  provinceCode?: ProvinceCode;
}

export interface OfficeRepository {
  /** Throws ConflictError('office-exists') when the code is taken. */
  insert(office: Office): Promise<void>;
  get(officeCode: string): Promise<Office | undefined>;
  list(filter?: OfficeFilter): Promise<Office[]>;
  /** Writes `office` only if the stored one is still at `expectedVersion`; else ConflictError('office-changed'). */
  replace(office: Office, expectedVersion: number): Promise<void>;
}

export interface CourtFilter {
  kind?: CourtKind;
  /** With `kind`, read from the index key; alone, filtered after reading the province. */
  judicialDistrict?: string;
  status?: CourtStatus;
}

export interface CourtRepository {
  /** Throws ConflictError('court-exists') when the code is taken. */
  insert(court: Court): Promise<void>;
  get(courtCode: string): Promise<Court | undefined>;
  /** Writes `court` only if the stored one is still at `expectedVersion`; else ConflictError('court-changed'). */
  replace(court: Court, expectedVersion: number): Promise<void>;
  /** A province's courts, ordered by code. */
  list(provinceCode: ProvinceCode, filter?: CourtFilter): Promise<Court[]>;
  fallbacks(provinceCode: ProvinceCode): Promise<CourtFallbacks>;
  setFallbacks(provinceCode: ProvinceCode, fallbacks: CourtFallbacks): Promise<void>;
}

/** A loaded year of lunar holidays, with when it was loaded. */
export type StoredLunarCalendar = LunarHolidayCalendar & { loadedAt: string };

/**
 * What decides the days the offices are closed: the national lunar holidays per Solar Hijri year,
 * and each province's own holidays and closed weekdays. One read gives a province's calendar.
 */
export interface CalendarRepository {
  /** The province's work calendar with the lunar and provincial holidays of these years (one read). */
  workCalendar(provinceCode: ProvinceCode, years: readonly number[]): Promise<WorkCalendar>;
  /** When each of these years' lunar holidays was loaded (absent: not loaded). */
  lunarLoads(years: readonly number[]): Promise<Map<number, StoredLunarCalendar>>;
  /** Loads a year's lunar holidays, replacing an earlier load of that year. */
  putLunarCalendar(calendar: StoredLunarCalendar): Promise<void>;
  /** Adds one provincial holiday; ConflictError('holiday-exists') when the province has that day already. */
  addProvincialHoliday(holiday: ProvincialHoliday): Promise<void>;
  setClosedWeekdays(provinceCode: ProvinceCode, closedWeekdays: readonly Weekday[]): Promise<void>;
}

/** Counters kept per office and period, updated in the same transaction as the change they count. */
export interface CounterIncrement {
  officeCode: string;
  /** `J#1398-06` (Solar Hijri month) or `G#2019-09` (Gregorian month), both in Tehran time. */
  period: string;
  add: Record<string, number>;
}

export interface PetitionPageQuery {
  officeCode: string;
  status?: PetitionStatus;
  month?: string;
  limit: number;
  cursor?: string;
}

export interface CourtInboxQuery {
  courtCode: string;
  status: PetitionStatus;
  limit: number;
  cursor?: string;
}

/** What a court's inbox index holds of a petition. */
export type CourtInboxItem = Pick<Petition, (typeof COURT_INBOX_ATTRIBUTES)[number] & keyof Petition> & {
  courtCode: string;
};

/** What a listing index holds of a petition. */
export type PetitionSummary = Pick<Petition, (typeof PETITION_SUMMARY_ATTRIBUTES)[number]>;

export interface Feedback {
  petitionId: string;
  officeCode: string;
  ratings: { courtesy: number; responsiveness: number; overall: number };
  comment?: string;
  at: string;
}

/** The answer to a submission, the same for every retry with its Idempotency-Key. */
export interface SubmissionAnswer {
  petitionId: string;
  trackingCode: string;
  status: 'submitted';
  submittedAt: string;
  month: string;
}

/** What a submission's Idempotency-Key is bound to: the request it came with and the answer it got. */
export interface SubmissionRecord {
  officeCode: string;
  key: string;
  /** SHA-256 of the petition id and body: the same key with another request is refused (422). */
  requestHash: string;
  answer: SubmissionAnswer;
  /** Epoch seconds: kept a day, then DynamoDB's TTL removes it. */
  expiresAt: number;
}

/**
 * Submission's own storage: everything it needs read in one call, everything it changes written
 * in one transaction together with its idempotency record. So a retry can never count twice, and a
 * key reused for another request is refused without touching the first one's record.
 */
export interface SubmissionStore {
  /** The petition, its office and the key's record, read at once (consistently). */
  load(petitionId: string, officeCode: string, key: string): Promise<SubmissionSnapshot>;
  /** The key's record alone, to find the winner's answer after losing a race. */
  record(officeCode: string, key: string): Promise<SubmissionRecord | undefined>;
  /**
   * What routing needs: the province's courts and fallbacks in one query, and the case's court
   * when `caseCourtCode` names one in another province (then one read more).
   */
  courtRegistry(provinceCode: ProvinceCode, caseCourtCode?: string): Promise<CourtRegistrySnapshot>;
  /**
   * Writes the submitted petition (if still at `previousVersion`), claims its tracking code, bumps
   * the counters and stores the key's record in one transaction. Answers what stopped it, having
   * written nothing: the tracking code or the key taken, or the petition changed meanwhile.
   */
  commit(
    petition: Petition,
    previousVersion: number,
    counters: CounterIncrement[],
    record: SubmissionRecord,
    events?: PetitionEvent[],
  ): Promise<'ok' | 'tracking-code-taken' | 'key-taken' | 'petition-changed'>;
}

export interface SubmissionSnapshot {
  petition?: Petition;
  office?: Office;
  record?: SubmissionRecord;
}

export interface PetitionRepository {
  insert(petition: Petition): Promise<void>;
  get(petitionId: string): Promise<Petition | undefined>;
  /**
   * Writes a changed petition, its counters and the change's events (outbox items) in one
   * transaction, if the petition is still at `previousVersion`.
   */
  save(
    petition: Petition,
    previousVersion: number,
    counters?: CounterIncrement[],
    events?: PetitionEvent[],
  ): Promise<void>;
  page(query: PetitionPageQuery): Promise<{ items: PetitionSummary[]; nextCursor: string | null }>;
  /**
   * Returned petitions whose cure period ends on `day` (UTC date, YYYY-MM-DD) before the instant
   * `before`, as the index holds them (eventually consistent: a write must check the version).
   */
  curesEndingOn(day: string, before: string): Promise<Petition[]>;
  /** A page of a court's inbox in one status, newest change first. */
  inbox(query: CourtInboxQuery): Promise<{ items: CourtInboxItem[]; nextCursor: string | null }>;
  findByTrackingCode(trackingCode: string): Promise<Petition | undefined>;
  /** Appends to the audit trail without touching the petition item (downloads, for example). */
  recordAccess(entry: HistoryEntry & { petitionId: string }): Promise<void>;
  /** Audit entries kept beside the petition item, oldest first. */
  auditTrail(petitionId: string): Promise<HistoryEntry[]>;
  /** Stores the one rating of a petition with its counters; ConflictError('already-rated') the second time. */
  addFeedback(feedback: Feedback, counters: CounterIncrement[]): Promise<void>;
}

/** Ids are a port so that tests can draw clashing tracking codes or name a document in advance. */
export interface IdGenerator {
  petitionId(): string;
  documentId(): string;
  trackingCode(): string;
  /** Who holds a claim (the monthly report job's run). */
  runId(): string;
  /** A domain event's id: consumers deduplicate on it. */
  eventId(): string;
}

export interface UploadInstruction {
  uploadUrl: string;
  /** Headers the client must send with the PUT, exactly. */
  headers: Record<string, string>;
  expiresAt: string;
}

/** Where document bytes live. The API only hands out presigned URLs; bytes never pass through it. */
export interface DocumentStore {
  presignUpload(
    key: string,
    declared: { contentType: string; size: number; sha256: string },
  ): Promise<UploadInstruction>;
  presignDownload(key: string, fileName: string): Promise<{ downloadUrl: string; expiresAt: string }>;
  /** Size, SHA-256 (hex) and leading bytes of the stored object, read as a stream. */
  inspect(key: string): Promise<{ size: number; sha256: string; head: Uint8Array } | undefined>;
  /** Moves a rejected object aside, where nothing serves it (a no-op once it has moved). */
  quarantine(from: string, to: string): Promise<void>;
  /** Removes a document's object; the bucket's versioning keeps the old bytes for recovery. */
  remove(key: string): Promise<void>;
  /** Marks objects as belonging to a submitted petition, so the draft clean-up rule spares them. */
  keep(keys: string[]): Promise<void>;
}

/**
 * What a report covers: one province, or the whole country (the national report ranks the
 * provinces). A report job is a period and a scope: `J#1398-06` and `29`, or `national`.
 */
export type ReportScope = ProvinceCode | 'national';

export interface ReportRepository {
  /** Counter values of each office for one period (`J#1398-06`), absent offices omitted. */
  counters(officeCodes: readonly string[], period: string): Promise<Map<string, Record<string, number>>>;
  target(provinceCode: ProvinceCode): Promise<NetworkTarget | null>;
  /** Every province's target that is set, for the national report. */
  targets(): Promise<Map<ProvinceCode, NetworkTarget>>;
  setTarget(provinceCode: ProvinceCode, target: NetworkTarget): Promise<void>;
  /** The jobs among these (`<period>@<scope>`) whose report is done. */
  done(jobs: readonly string[]): Promise<Set<string>>;
  /** Claims a job for generation; false if it is done or another run holds a live claim. */
  claim(job: string, owner: string, now: Date, leaseSeconds: number): Promise<boolean>;
  complete(job: string, generatedAt: string): Promise<void>;
}

/** A report job's key: what the ledger keeps done or claimed. */
export const reportJob = (period: string, scope: ReportScope) => `${period}@${scope}`;

export type ReportFormat = 'json' | 'csv' | 'svg';

export interface ReportFileStore {
  put(period: string, scope: ReportScope, files: Record<ReportFormat, string>): Promise<void>;
  getJson(period: string, scope: ReportScope): Promise<string | undefined>;
}

/**
 * The electronic notice record (domain/e-notices.ts). Notices are posted by the petition
 * repository, in the transaction of the change whose event serves them; this port reads them and
 * records what happens to them after. Each record call on a notice that does not exist does nothing.
 */
export interface ENoticeStore {
  ofPetition(petitionId: string): Promise<ENotice[]>;
  recordView(petitionId: string, noticeId: string, at: Date, channel: ViewChannel): Promise<void>;
  recordPrint(petitionId: string, noticeId: string, at: Date, officeCode: string): Promise<void>;
}

/** Counts citizens' tries against tracking codes per budget and time window (domain/guessing.ts). */
export interface AttemptLimiter {
  /** Takes one try from every budget at once, or none and answers how long to wait when one is spent. */
  reserve(budgets: readonly GuessBudget[], now: Date): Promise<{ retryAfter: number } | undefined>;
  /** Gives a try back to every budget: the caller proved their right. */
  refund(budgets: readonly GuessBudget[], now: Date): Promise<void>;
}
