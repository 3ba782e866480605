import type { Office, OfficeStatus } from './domain/office';
import type { HistoryEntry, Petition, PetitionStatus } from './domain/petition';
import type { NetworkTarget } from './domain/report';
import type { PETITION_SUMMARY_ATTRIBUTES } from './table-definition';

/** Time is a port so that tests can submit "at 23:59 Tehran time" without waiting for it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface OfficeFilter {
  status?: OfficeStatus;
  province?: string;
}

export interface OfficeRepository {
  /** Throws ConflictError('office-exists') when the code is taken. */
  insert(office: Office): Promise<void>;
  get(officeCode: string): Promise<Office | undefined>;
  list(filter?: OfficeFilter): Promise<Office[]>;
  /** Writes `office` only if the stored one is still at `expectedVersion`; else ConflictError('office-changed'). */
  replace(office: Office, expectedVersion: number): Promise<void>;
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

/** What a listing index holds of a petition. */
export type PetitionSummary = Pick<Petition, (typeof PETITION_SUMMARY_ATTRIBUTES)[number]>;

export interface Feedback {
  petitionId: string;
  officeCode: string;
  ratings: { courtesy: number; responsiveness: number; overall: number };
  comment?: string;
  at: string;
}

export interface PetitionRepository {
  insert(petition: Petition): Promise<void>;
  get(petitionId: string): Promise<Petition | undefined>;
  /**
   * Writes the submitted petition, claims its tracking code and bumps the counters in one
   * transaction. Answers `tracking-code-taken` (nothing written) when the code is in use;
   * throws ConflictError('petition-changed') when the petition moved on meanwhile.
   */
  submit(
    petition: Petition,
    previousVersion: number,
    counters: CounterIncrement[],
  ): Promise<'ok' | 'tracking-code-taken'>;
  /** Writes a changed petition (and counters) if it is still at `previousVersion`. */
  save(petition: Petition, previousVersion: number, counters?: CounterIncrement[]): Promise<void>;
  page(query: PetitionPageQuery): Promise<{ items: PetitionSummary[]; nextCursor: string | null }>;
  findByTrackingCode(trackingCode: string): Promise<Petition | undefined>;
  /** Appends to the audit trail without touching the petition item (downloads, for example). */
  recordAccess(entry: HistoryEntry & { petitionId: string }): Promise<void>;
  /** Audit entries kept beside the petition item, oldest first. */
  auditTrail(petitionId: string): Promise<HistoryEntry[]>;
  /** Stores the one rating of a petition with its counters; ConflictError('already-rated') the second time. */
  addFeedback(feedback: Feedback, counters: CounterIncrement[]): Promise<void>;
}

export interface IdGenerator {
  petitionId(): string;
  trackingCode(): string;
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
  /** Moves a rejected object aside, where nothing serves it. */
  quarantine(from: string, to: string): Promise<void>;
  /** Marks objects as belonging to a submitted petition, so the draft clean-up rule spares them. */
  keep(keys: string[]): Promise<void>;
}

export interface ReportRepository {
  /** Counter values of each office for one period (`J#1398-06`), absent offices omitted. */
  counters(officeCodes: readonly string[], period: string): Promise<Map<string, Record<string, number>>>;
  target(): Promise<NetworkTarget | null>;
  setTarget(target: NetworkTarget): Promise<void>;
  /** Periods among these whose report is done. */
  done(periods: readonly string[]): Promise<Set<string>>;
  /** Claims a period for generation; false if it is done or another run holds a live claim. */
  claim(period: string, owner: string, now: Date, leaseSeconds: number): Promise<boolean>;
  complete(period: string, generatedAt: string): Promise<void>;
}

export type ReportFormat = 'json' | 'csv' | 'svg';

export interface ReportFileStore {
  put(period: string, files: Record<ReportFormat, string>): Promise<void>;
  getJson(period: string): Promise<string | undefined>;
}

/** Counts failed guesses per key (a tracking code) in a time window, kept in DynamoDB with an expiry. */
export interface AttemptLimiter {
  /** Seconds the key stays blocked, or 0. */
  blockedFor(key: string, now: Date): Promise<number>;
  recordFailure(key: string, now: Date): Promise<void>;
}
