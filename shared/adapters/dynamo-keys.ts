/**
 * The one place that knows how items are keyed in the data table (and the submission records in
 * the idempotency table). Layout:
 * - office            pk `OFFICE#<code>`      sk `OFFICE`
 *   gsi3 (the registry, sparse)   `OFFICES`                             / `<province code>#<office code>`
 * - terminal claim    pk `TERMINAL#<id>`      sk `TERMINAL`               → the officeCode whose tariff the payment
 *   terminal takes: one office per terminal (dynamo-office-repository.ts). Written in the transaction that writes
 *   the office with that terminal, deleted in the one that moves it off; offices stored before claims get theirs
 *   from the backfill (scripts/backfill-terminals.ts). The judiciary's terminal is a setting, never claimed
 * - counters          pk `OFFICE#<code>`      sk `COUNT#J#<yyyy-mm>` / `COUNT#G#<yyyy-mm>`
 * - petition          pk `PETITION#<id>`      sk `PETITION`
 *   gsi1 (all of an office)       `OFFICE#<code>#PETITIONS`             / `<month>#<time>#<id>`
 *   gsi2 (an office, one status)  `OFFICE#<code>#PETITIONS#<status>`    / `<month>#<time>#<id>`
 *   (month and time: of submission, of creation for drafts; so newest first and a month is a prefix)
 *   gsi4 (a court's inbox)        `COURT#<code>#INBOX#<status>`         / `<updated at>#<id>`
 *   (only petitions a court holds, never drafts; newest change first). Not sharded: a partition
 *   takes 1,000 write units a second; each change of a petition moves its inbox entry (under 1 KB:
 *   a delete and a put, 2 units). Even if one court received a tenth of a national peak of 300
 *   petition changes a second (about ten times the busiest month's average), its partitions would
 *   take 30 x 2 = 60 units a second, 6% of the limit; a court's changes also spread over statuses.
 *   gsi5 (a province's attention list, sparse) `ATTENTION#<province>` / `<updated at>#<id>`
 *   (only while a petition needs the province's look, domain/attention.ts: a provisional deadline,
 *   a fallback routing; rare, so one partition per province takes them all)
 * - rating            pk `PETITION#<id>`      sk `FEEDBACK`              one per petition
 * - audit entries     pk `PETITION#<id>`      sk `AUDIT#<time>#<uuid>`   (downloads: never rewrite the petition)
 * - tracking code     pk `TRACK#<code>`       sk `TRACK`                 → petitionId, officeCode and the keys of the
 *   parties who may track it now (domain/citizen-access.ts, domain/tracking-code.ts), `keyedParties: told`; claimed
 *   once, on submission; rewritten when that changes (the parties change, the court registers the case)
 * - guess window      pk `GUESS#<scope>#…`    sk `GUESS`                 failed citizen guesses, with a TTL
 * - court             pk `COURT#<code>`       sk `COURT`
 *   gsi3 (the court registry, sparse) `COURTS#<province>`                / `<kind>#<district>#<court code>`
 *   (a kind in a district, or in the province, is one `begins_with`; one partition per province)
 * - report ledger     pk `REPORT#<period>@<scope>` sk `REPORT`;  a province's target  pk `CONFIG` sk `TARGET#<province>`
 * - report month      pk `REPORT#<period>`    sk `MONTH`                 the scopes whose reports of the month are
 *   all done (a string set): the daily job reads 12 of these, not the ledger
 * - office provinces  pk `OFFICE-PROVINCES`  sk `OFFICE-PROVINCES`  the provinces that have an office (a set): each
 *   office adds its own in the transaction that registers it; `complete` once a report job listed every office
 *   and added theirs. The job reads it beside the 12 months' markers instead of listing the offices
 * - payment attempt   pk `PETITION#<id>`      sk `PAYMENT#<order id>`    the petition's payments, beside it
 * - paid totals       pk `PETITION#<id>`      sk `PAID`                  verified rials per payee, added to in the
 *   transaction that verifies a payment; submission reads it in its BatchGetItem instead of querying the payments
 * - a petition's partition sorts AUDIT#… < FEEDBACK < PAID < PAYMENT#… < PETITION: the office's view reads
 *   AUDIT#…..PETITION and a citizen's track PAID..PETITION, each in one Query; a new sort key in a petition's
 *   partition must keep out of those ranges or be meant for them
 * - payment reference pk `PAYREF#<terminal>#<RefNum>` sk `PAYREF`    → order id; claimed once (a RefNum pays once)
 * - fee schedule      pk `FEESCHEDULE#<Solar Hijri year>` sk `VERSION#<version id>`  read when quoting, rarely written
 * - a province's fallback courts    pk `CONFIG`   sk `COURT-FALLBACKS#<province>`
 *   gsi3 `COURTS#<province>` / `!FALLBACKS` (before every kind): submission reads a province's
 *   courts and fallbacks with one query of that partition
 * - lunar holidays of a year        pk `CALENDAR#national`     sk `LUNAR#<year>`
 * - a province's holidays of a year pk `CALENDAR#<province>`   sk `HOLIDAYS#<year>`
 * - a province's closed weekdays    pk `CALENDAR#<province>`   sk `WEEK`
 *   (a province's calendar for a period is one BatchGetItem of at most five keys)
 *   gsi3 (returned, sparse)      `CURE-DUE#<date the cure ends>`       / `<ends at>#<id>`   (the lapse job)
 * - outbox item       pk `OUTBOX#<eventId>`   sk `OUTBOX`                one per event, written in the change's
 *   transaction; the table stream carries it to the event bus (dynamo-outbox.ts), TTL a few days
 * - SMS notice        pk `NOTICE-SMS#<eventId>#<partyIndex>`  sk `NOTICE-SMS`   one per event and recipient: the
 *   exactly-once claim of that SMS and its sending state (dynamo-sms-notices.ts)
 *   gsi3 (due, sparse)  `SMS-DUE#<shard>`  / `<sendAt>#<eventId>#<partyIndex>`   only while not yet sent
 * - electronic notice pk `ENOTICE#<petitionId>`  sk `ENOTICE#<eventId>.<partyIndex>`  what the law serves a
 *   party (defect notice, rejection order): its service time, SMS delivery, views and prints (dynamo-e-notices.ts)
 * - SMS message       pk `SMS-MSG#<providerMessageId>`  sk `SMS-MSG`   → the notice a provider's message id
 *   belongs to, written with the sent notice, read by the delivery-report webhook
 * - submission record (idempotency table)  id `SUBMIT#<office>#<Idempotency-Key>`
 * Every key a submission writes belongs to one petition, one office or one request: no key is
 * shared by the whole country or a province, so no partition runs hot at national peaks.
 */
export const keys = {
  office: (officeCode: string) => ({ pk: `OFFICE#${officeCode}`, sk: 'OFFICE' }),
  /** Its own partition: the office functions' grants name `TERMINAL#*`, and nothing else writes it. */
  terminalClaim: (terminalId: string) => ({ pk: `TERMINAL#${terminalId}`, sk: 'TERMINAL' }),
  counter: (officeCode: string, period: string) => ({ pk: `OFFICE#${officeCode}`, sk: `COUNT#${period}` }),
  petition: (petitionId: string) => ({ pk: `PETITION#${petitionId}`, sk: 'PETITION' }),
  feedback: (petitionId: string) => ({ pk: `PETITION#${petitionId}`, sk: 'FEEDBACK' }),
  audit: (petitionId: string, at: string, id: string) => ({ pk: `PETITION#${petitionId}`, sk: `AUDIT#${at}#${id}` }),
  auditPrefix: (petitionId: string) => ({ pk: `PETITION#${petitionId}`, skPrefix: 'AUDIT#' }),
  trackingCode: (code: string) => ({ pk: `TRACK#${code}`, sk: 'TRACK' }),
  guessWindow: (key: string) => ({ pk: `GUESS#${key}`, sk: 'GUESS' }),
  /** A report job's ledger (`J#1398-06@29`): done, or claimed by a run. */
  report: (job: string) => ({ pk: `REPORT#${job}`, sk: 'REPORT' }),
  reportMonth: (period: string) => ({ pk: `REPORT#${period}`, sk: 'MONTH' }),
  /** A partition of its own, so that registering an office may update it and no other setting. */
  officeProvinces: () => ({ pk: 'OFFICE-PROVINCES', sk: 'OFFICE-PROVINCES' }),
  networkTarget: (provinceCode: string) => ({ pk: 'CONFIG', sk: `TARGET#${provinceCode}` }),
  court: (courtCode: string) => ({ pk: `COURT#${courtCode}`, sk: 'COURT' }),
  lunarHolidays: (year: number) => ({ pk: 'CALENDAR#national', sk: `LUNAR#${year}` }),
  provincialHolidays: (provinceCode: string, year: number) => ({
    pk: `CALENDAR#${provinceCode}`,
    sk: `HOLIDAYS#${year}`,
  }),
  workWeek: (provinceCode: string) => ({ pk: `CALENDAR#${provinceCode}`, sk: 'WEEK' }),
  courtFallbacks: (provinceCode: string) => ({ pk: 'CONFIG', sk: `COURT-FALLBACKS#${provinceCode}` }),
  submission: (officeCode: string, idempotencyKey: string) => ({ id: `SUBMIT#${officeCode}#${idempotencyKey}` }),
  payment: (petitionId: string, orderId: string) => ({ pk: `PETITION#${petitionId}`, sk: `PAYMENT#${orderId}` }),
  paidTotals: (petitionId: string) => ({ pk: `PETITION#${petitionId}`, sk: 'PAID' }),
  paymentsPrefix: (petitionId: string) => ({ pk: `PETITION#${petitionId}`, skPrefix: 'PAYMENT#' }),
  paymentReference: (terminalId: string, refNum: string) => ({ pk: `PAYREF#${terminalId}#${refNum}`, sk: 'PAYREF' }),
  feeScheduleYear: (year: number) => `FEESCHEDULE#${year}`,
  feeSchedule: (year: number, versionId: string) => ({ pk: `FEESCHEDULE#${year}`, sk: `VERSION#${versionId}` }),
  outbox: (eventId: string) => ({ pk: `${OUTBOX_KEY_PREFIX}${eventId}`, sk: 'OUTBOX' }),
  smsNotice: (eventId: string, partyIndex: number) => ({ pk: `NOTICE-SMS#${eventId}#${partyIndex}`, sk: 'NOTICE-SMS' }),
  eNotice: (petitionId: string, noticeId: string) => ({ pk: `ENOTICE#${petitionId}`, sk: `ENOTICE#${noticeId}` }),
  eNoticePartition: (petitionId: string) => `ENOTICE#${petitionId}`,
  smsMessage: (providerMessageId: string) => ({ pk: `SMS-MSG#${providerMessageId}`, sk: 'SMS-MSG' }),
};

/** The partition-key prefix of outbox items: the table stream's pipe filter selects on it. */
export const OUTBOX_KEY_PREFIX = 'OUTBOX#';

/** Index keys of the registry and the petition listings. */
export const indexKeys = {
  registryPartition: 'OFFICES',
  registry: (provinceCode: string, officeCode: string) => ({
    gsi3pk: 'OFFICES',
    gsi3sk: `${provinceCode}#${officeCode}`,
  }),
  registryProvincePrefix: (provinceCode: string) => `${provinceCode}#`,
  /** A province's courts, by kind and district: written by administrators only, read at each submission. */
  courtRegistry: (provinceCode: string, kind: string, judicialDistrict: string, courtCode: string) => ({
    gsi3pk: `COURTS#${provinceCode}`,
    gsi3sk: `${kind}#${judicialDistrict}#${courtCode}`,
  }),
  courtRegistryPartition: (provinceCode: string) => `COURTS#${provinceCode}`,
  /** The province's fallbacks sit in its registry partition too, so routing reads both in one query. */
  courtFallbacks: (provinceCode: string) => ({ gsi3pk: `COURTS#${provinceCode}`, gsi3sk: '!FALLBACKS' }),
  /** Courts of a kind (and district): the `#` ends each part, so `بیرجند#` is never a prefix of another district. */
  courtRegistryPrefix: (kind?: string, judicialDistrict?: string) =>
    kind ? `${kind}#${judicialDistrict === undefined ? '' : `${judicialDistrict}#`}` : '',
  officePetitions: (officeCode: string) => `OFFICE#${officeCode}#PETITIONS`,
  courtInbox: (courtCode: string, status: string) => `COURT#${courtCode}#INBOX#${status}`,
  /**
   * Returned petitions by the day their cure period ends (the UTC date of its end, which is the
   * Tehran last day's Gregorian date: Tehran midnight is 20:30 or 19:30 UTC), on gsi3 while
   * returned only. The lapse job reads a few days' partitions; a day's partition takes the day's
   * returns of the whole country, a few thousand writes spread over a day, far below the limit.
   */
  cureDue: (endsAt: string) => `CURE-DUE#${endsAt.slice(0, 10)}`,
  officePetitionsByStatus: (officeCode: string, status: string) => `OFFICE#${officeCode}#PETITIONS#${status}`,
  provinceAttention: (provinceCode: string) => `ATTENTION#${provinceCode}`,
  /**
   * SMS waiting to be sent (quiet hours, or a failed try), spread over a few partitions of gsi3 so
   * that a night's notices of the whole country never share one key; the dispatcher reads them all.
   */
  smsDue: (shard: number) => `SMS-DUE#${shard}`,
  smsDueSortKey: (sendAt: string, eventId: string, partyIndex: number) => `${sendAt}#${eventId}#${partyIndex}`,
};

/** How many gsi3 partitions hold due SMS. */
export const SMS_DUE_SHARDS = 8;
