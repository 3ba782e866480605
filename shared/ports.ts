import type { AttentionEntry } from './domain/attention';
import type { Court, CourtFallbacks, CourtKind, CourtStatus } from './domain/court';
import type { ENotice, ViewChannel } from './domain/e-notices';
import type { FeeSchedule, Payee } from './domain/fees';
import type { GuessBudget } from './domain/guessing';
import type { LunarHolidayCalendar, ProvincialHoliday } from './domain/holidays';
import type { WorkCalendar } from './domain/legal-periods';
import type { Office, OfficeStatus } from './domain/office';
import type { GatewayCallback, GatewayReversal, GatewayVerification, Payment } from './domain/payments';
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
  /**
   * Throws ConflictError('office-exists') when the code is taken, ConflictError('payment-terminal-taken')
   * when its payment terminal is another office's.
   */
  insert(office: Office): Promise<void>;
  get(officeCode: string): Promise<Office | undefined>;
  /** The province of each office that exists, in one read of all of them: an office never changes province. */
  provincesOf(officeCodes: readonly string[]): Promise<Map<string, ProvinceCode>>;
  list(filter?: OfficeFilter): Promise<Office[]>;
  /**
   * Writes `office` only if the stored one is still at the version read (`stored`, the office as
   * read); else ConflictError('office-changed'). A new terminal moves the office's claim from the
   * stored one: ConflictError('payment-terminal-taken') when it is another office's.
   */
  replace(office: Office, stored: Pick<Office, 'version' | 'paymentTerminalId'>): Promise<void>;
  /** The office a payment terminal's claim names; undefined while none claims it (before the backfill). */
  terminalHolder(terminalId: string): Promise<string | undefined>;
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

/** A loaded year of lunar holidays, with when it was loaded and its version (1 for the first load). */
export type StoredLunarCalendar = LunarHolidayCalendar & { loadedAt: string; version: number };

/**
 * What decides the days the offices are closed: the national lunar holidays per Solar Hijri year,
 * and each province's own holidays and closed weekdays. One read gives a province's calendar.
 */
export interface CalendarRepository {
  /** The province's work calendar with the lunar and provincial holidays of these years (one read). */
  workCalendar(provinceCode: ProvinceCode, years: readonly number[]): Promise<WorkCalendar>;
  /** When each of these years' lunar holidays was loaded (absent: not loaded). */
  lunarLoads(years: readonly number[]): Promise<Map<number, StoredLunarCalendar>>;
  /** A year's lunar holidays as stored now (a consistent read), or undefined when not loaded. */
  lunarLoad(year: number): Promise<StoredLunarCalendar | undefined>;
  /**
   * Loads a year's lunar holidays: only while none is stored, or, given `replacing`, in place of the
   * load stored at that version; else ConflictError('lunar-holidays-loaded').
   */
  putLunarCalendar(calendar: StoredLunarCalendar, replacing?: number): Promise<void>;
  /** Adds one provincial holiday; ConflictError('holiday-exists') when the province has that day already. */
  addProvincialHoliday(holiday: ProvincialHoliday): Promise<void>;
  setClosedWeekdays(provinceCode: ProvinceCode, closedWeekdays: readonly Weekday[]): Promise<void>;
}

/** Counters kept per office and period, updated in the same transaction as the change they count. */
export interface CounterIncrement {
  officeCode: string;
  /** `J#1398-06` (Solar Hijri month) or `G#2019-09` (Gregorian month), both in Tehran time. */
  period: string;
  /** Counts as numbers; amounts of rials as bigint, added exactly. */
  add: Record<string, number | bigint>;
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
/** What routing reads of the court registry (submission and resubmission route with it). */
export interface CourtRegistry {
  /**
   * The province's courts and fallbacks in one query, and the case's court when `caseCourtCode`
   * names one in another province (then one read more).
   */
  courtRegistry(provinceCode: ProvinceCode, caseCourtCode?: string): Promise<CourtRegistrySnapshot>;
}

/** One court as registered, for a court user's step: a closed or suspended court takes none. */
export interface CourtStatusReader {
  court(courtCode: string): Promise<Court | undefined>;
}

export interface SubmissionStore extends CourtRegistry {
  /** The petition, its paid totals, its office and the key's record, read at once (consistently). */
  load(petitionId: string, officeCode: string, key: string): Promise<SubmissionSnapshot>;
  /** The key's record alone, to find the winner's answer after losing a race. */
  record(officeCode: string, key: string): Promise<SubmissionRecord | undefined>;
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
  /**
   * Verified rials per payee, from the petition's paid-totals item (kept by the transaction that
   * verifies each payment); absent when none was verified since the item exists.
   */
  paid?: Record<Payee, string>;
  office?: Office;
  record?: SubmissionRecord;
}

export interface PetitionRepository {
  insert(petition: Petition): Promise<void>;
  get(petitionId: string): Promise<Petition | undefined>;
  /**
   * Writes a changed petition, its counters and the change's events (outbox items) in one
   * transaction, if the petition is still at `previousVersion`. `trackersChanged` (a petition with a
   * tracking code whose parties who may track changed): its tracking entry's keys are rewritten in it too.
   */
  save(
    petition: Petition,
    previousVersion: number,
    counters?: CounterIncrement[],
    events?: PetitionEvent[],
    options?: { trackersChanged?: boolean },
  ): Promise<void>;
  page(query: PetitionPageQuery): Promise<{ items: PetitionSummary[]; nextCursor: string | null }>;
  /**
   * Returned petitions whose cure period ends on `day` (UTC date, YYYY-MM-DD), as the index holds
   * them (eventually consistent: a write must check the version): those ending before the instant
   * `before`, or those of the province `provinceCode` (its court's, or its office's before routing;
   * the caller checks which decides), or all.
   */
  curesEndingOn(day: string, filter?: { before?: string; provinceCode?: string }): Promise<Petition[]>;
  /** A page of a court's inbox in one status, newest change first. */
  inbox(query: CourtInboxQuery): Promise<{ items: CourtInboxItem[]; nextCursor: string | null }>;
  /** A tracking code's entry, or undefined for a code never given. */
  trackingEntry(trackingCode: string): Promise<TrackingEntry | undefined>;
  /** Appends to the audit trail without touching the petition item (downloads, for example). */
  recordAccess(entry: HistoryEntry & { petitionId: string }): Promise<void>;
  /** The petition (undefined when unknown) and the audit entries kept beside it, oldest first, read together. */
  withAuditTrail(petitionId: string): Promise<{ petition?: Petition; audit: HistoryEntry[] }>;
  /** The petition (undefined when unknown) and its payments, oldest first, read together. */
  withPayments(petitionId: string): Promise<{ petition?: Petition; payments: Payment[] }>;
  /** Stores the one rating of a petition with its counters; ConflictError('already-rated') the second time. */
  addFeedback(feedback: Feedback, counters: CounterIncrement[]): Promise<void>;
}

/** Reading one petition and saving a change of it (DynamoPetitionWriter), for the event functions that change one. */
export type PetitionWriter = Pick<PetitionRepository, 'get' | 'save'>;

/** The reading half of PetitionRepository (DynamoPetitionReader), for functions that only read. */
export type PetitionReader = Pick<
  PetitionRepository,
  'get' | 'page' | 'inbox' | 'curesEndingOn' | 'trackingEntry' | 'withAuditTrail' | 'withPayments'
>;

/**
 * The province's petitions that need its look (domain/attention.ts), for the reports. A port of its
 * own, not a method of PetitionRepository, so that the report functions' bundles carry this query
 * and not the whole repository.
 */
export interface AttentionSource {
  /**
   * Latest change first, at most `limit` of those `keep` accepts (so entries past their time never
   * push current ones out); as the index holds them (eventually consistent).
   */
  needingAttention(
    provinceCode: string,
    limit: number,
    keep?: (entry: AttentionEntry) => boolean,
  ): Promise<AttentionEntry[]>;
}

/**
 * What a tracking code's entry says, written with the submission that gave the code: the petition,
 * its office (a petition never changes office) and the keys (domain/tracking-code.ts) of the
 * parties who may track it now (domain/citizen-access.ts), rewritten in the same transaction when
 * that changes: a returned petition's parties change, or the court registers the case (its civil
 * defendants join). Entries written before the office and keys were kept have the petition only;
 * entries written before `keyedParties` keyed every party, the accused too.
 */
export interface TrackingEntry {
  petitionId: string;
  officeCode?: string;
  partyKeys?: readonly string[];
  /** `told`: `partyKeys` names only the parties the citizen routes answer now. Absent: every party. */
  keyedParties?: 'told';
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

/**
 * Presigned URLs for document bytes: the API only hands out URLs; bytes never pass through it.
 * Signing is local work, no call to S3, so the functions that only hand out URLs carry no S3 client.
 */
export interface DocumentUrls {
  presignUpload(
    key: string,
    declared: { contentType: string; size: number; sha256: string },
  ): Promise<UploadInstruction>;
  presignDownload(
    key: string,
    document: { fileName: string; contentType: string },
  ): Promise<{ downloadUrl: string; expiresAt: string }>;
}

/**
 * What verification compares with a declaration: size, SHA-256 (hex) and the leading bytes, and
 * the headers S3 kept with the object and serves it with.
 */
export interface StoredObject {
  size: number;
  sha256: string;
  head: Uint8Array;
  contentEncoding?: string | undefined;
  cacheControl?: string | undefined;
}

/** The stored document objects, for the functions that read, move, remove or tag them. */
export interface DocumentObjects {
  /** The stored object's size, SHA-256 and leading bytes; undefined once it is gone. */
  inspect(key: string): Promise<StoredObject | undefined>;
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
  counters(officeCodes: readonly string[], period: string): Promise<Map<string, Record<string, number | bigint>>>;
  target(provinceCode: ProvinceCode): Promise<NetworkTarget | null>;
  /** Every province's target that is set, for the national report. */
  targets(): Promise<Map<ProvinceCode, NetworkTarget>>;
  setTarget(provinceCode: ProvinceCode, target: NetworkTarget): Promise<void>;
  /** The jobs among these (`<period>@<scope>`) whose report is done. */
  done(jobs: readonly string[]): Promise<Set<string>>;
  /** What the daily job reads first, in one request: it has nothing to do when that says so. */
  jobOutlook(periods: readonly string[]): Promise<ReportJobOutlook>;
  /**
   * Adds provinces of listed offices to the set. `complete` when every office was listed: from then
   * on the outlook names the set, and each office registered after adds its own province.
   */
  recordOfficeProvinces(provinces: readonly ProvinceCode[], listing: { complete: boolean }): Promise<void>;
  /** Adds scopes to a period's marker; only once each of their reports is done. */
  cover(period: string, scopes: readonly ReportScope[]): Promise<void>;
  /** Claims a job for generation; false if it is done or another run holds a live claim. */
  claim(job: string, owner: string, now: Date, leaseSeconds: number): Promise<boolean>;
  complete(job: string, generatedAt: string): Promise<void>;
}

export interface ReportJobOutlook {
  /**
   * For each of the periods that has one, the scopes its month's marker lists: a run found or
   * made every one of their reports done before it added them.
   */
  covered: Map<string, Set<ReportScope>>;
  /** The provinces that have an office; unknown until a run has recorded those of every office. */
  officeProvinces?: Set<ProvinceCode>;
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

// --- Fees and payments -----------------------------------------------------------------------

/** A fee schedule version as stored: the schedule, a hash of its content, and when it was first quoted with. */
export interface StoredFeeSchedule {
  schedule: FeeSchedule;
  /** SHA-256 of the schedule's canonical JSON: what "unchanged" and "still the content I read" compare. */
  contentHash: string;
  loadedAt: string;
  /** Set by the first quote made with it: from then on the version never changes. */
  usedAt?: string;
}

/** The national fee schedules, one item per version, kept per Solar Hijri year. */
export interface FeeScheduleRepository {
  /** Every version of one Solar Hijri year (read consistently). */
  forYear(year: number): Promise<StoredFeeSchedule[]>;
  get(versionId: string): Promise<StoredFeeSchedule | undefined>;
  /**
   * Stores a new version (no `expected`: only if absent) or replaces one still holding the
   * `expected` content and never used; false, having written nothing, when that condition fails.
   */
  put(stored: StoredFeeSchedule, expected?: { contentHash: string }): Promise<boolean>;
  /**
   * Marks a version as quoted with, once, if its content is still `contentHash`; false when it is
   * not (replaced meanwhile, or gone): the quote must be made again from what is stored now.
   */
  markUsed(versionId: string, contentHash: string, at: Date): Promise<boolean>;
}

/** A petition's payment attempts, each its own item beside the petition, and the references they claim. */
export interface PaymentRepository {
  /** Every attempt of a petition, oldest first. */
  forPetition(petitionId: string): Promise<Payment[]>;
  get(petitionId: string, orderId: string): Promise<Payment | undefined>;
  /** Stores a new attempt; false when its order id is taken (a concurrent attempt won it). */
  create(payment: Payment): Promise<boolean>;
  /** The payment that holds a gateway reference (RefNum of a terminal), if any does. */
  referenceHolder(terminalId: string, refNum: string): Promise<string | undefined>;
  /**
   * Writes a payment still at `previousVersion`, claims its reference (when it has one), adds
   * `counters` and puts `events` in the outbox, all in one transaction. Writes nothing and says
   * why otherwise.
   */
  save(
    payment: Payment,
    previousVersion: number,
    counters: CounterIncrement[],
    events?: PetitionEvent[],
  ): Promise<'ok' | 'payment-changed' | 'reference-taken'>;
}

/**
 * The port to an Iranian internet payment gateway (a Shaparak PSP), shaped on the token / redirect
 * / callback / verify / reverse protocol they share. One instance serves every terminal: the
 * judiciary's and each office's are different terminals of the same kind of gateway, so the
 * terminal travels with each call. docs/payment-gateway-contract.md says what a provider must
 * offer to plug in.
 */
export interface PaymentTokenRequest {
  terminalId: string;
  amountRials: string;
  /** Our order id (ResNum): unique per attempt, matched against the callback. */
  orderId: string;
  /** Where the gateway sends the payer's browser back, with the result. */
  callbackUrl: string;
  /** The payer's mobile, which gateways use to offer saved cards. */
  mobile?: string;
}

/** How to send the payer's browser to the gateway: a link, or a form to auto-submit. */
export interface PaymentRedirect {
  method: 'GET' | 'POST';
  url: string;
  fields: Record<string, string>;
}

export interface GatewayReference {
  refNum: string;
  terminalId: string;
}

export interface PaymentGateway {
  /** How long after a payment the gateway still accepts a verify before reversing by itself. */
  readonly verifyWindowMs: number;
  /** How long an issued token can be used to pay. */
  readonly tokenLifetimeMs: number;
  /** Throws GatewayRefusedError when the gateway declines (unknown terminal, bad amount...). */
  requestToken(request: PaymentTokenRequest): Promise<{ token: string }>;
  redirect(token: string): PaymentRedirect;
  /** Reads the callback's form fields; throws GatewayProtocolError when they do not make a callback. */
  parseCallback(body: string | URLSearchParams | Record<string, unknown>): GatewayCallback;
  /**
   * Server to server, and the only proof of payment. Idempotent at the gateway: a repeat answers
   * `duplicate: true`. Throws GatewayUnavailableError when no answer came, the one case in which
   * the caller should simply call it again.
   */
  verify(reference: GatewayReference): Promise<GatewayVerification>;
  /** Gives the money back for a payment we will not keep. */
  reverse(reference: GatewayReference): Promise<GatewayReversal>;
}

/** No answer (network, timeout, 5xx): the request may or may not have been applied; retry. */
export class GatewayUnavailableError extends Error {
  constructor(
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(`Payment gateway did not answer: ${operation}`, options);
    this.name = 'GatewayUnavailableError';
  }
}

/** An answer or a callback that does not follow the protocol. */
export class GatewayProtocolError extends Error {
  constructor(readonly what: string) {
    super(`Payment gateway protocol error: ${what}`);
    this.name = 'GatewayProtocolError';
  }
}

/** The gateway understood and declined. */
export class GatewayRefusedError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
  ) {
    super(`Payment gateway refused (${code}): ${description}`);
    this.name = 'GatewayRefusedError';
  }
}
