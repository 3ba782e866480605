/**
 * The one place that knows how items are keyed in the data table (and the submission records in
 * the idempotency table). Layout:
 * - office            pk `OFFICE#<code>`      sk `OFFICE`
 *   gsi3 (the registry, sparse)   `OFFICES`                             / `<province code>#<office code>`
 * - counters          pk `OFFICE#<code>`      sk `COUNT#J#<yyyy-mm>` / `COUNT#G#<yyyy-mm>`
 * - petition          pk `PETITION#<id>`      sk `PETITION`
 *   gsi1 (all of an office)       `OFFICE#<code>#PETITIONS`             / `<month>#<time>#<id>`
 *   gsi2 (an office, one status)  `OFFICE#<code>#PETITIONS#<status>`    / `<month>#<time>#<id>`
 *   (month and time: of submission, of creation for drafts; so newest first and a month is a prefix)
 * - rating            pk `PETITION#<id>`      sk `FEEDBACK`              one per petition
 * - audit entries     pk `PETITION#<id>`      sk `AUDIT#<time>#<uuid>`   (downloads: never rewrite the petition)
 * - tracking code     pk `TRACK#<code>`       sk `TRACK`                 → petitionId; claimed once, on submission
 * - guess window      pk `GUESS#<scope>#…`    sk `GUESS`                 failed citizen guesses, with a TTL
 * - report ledger     pk `REPORT#<period>@<scope>` sk `REPORT`;  a province's target  pk `CONFIG` sk `TARGET#<province>`
 * - payment attempt   pk `PETITION#<id>`      sk `PAYMENT#<order id>`    the petition's payments, beside it
 * - payment reference pk `PAYREF#<terminal>#<RefNum>` sk `PAYREF`    → order id; claimed once (a RefNum pays once)
 * - fee schedule      pk `FEESCHEDULE#<Solar Hijri year>` sk `VERSION#<version id>`  read when quoting, rarely written
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
  counter: (officeCode: string, period: string) => ({ pk: `OFFICE#${officeCode}`, sk: `COUNT#${period}` }),
  petition: (petitionId: string) => ({ pk: `PETITION#${petitionId}`, sk: 'PETITION' }),
  feedback: (petitionId: string) => ({ pk: `PETITION#${petitionId}`, sk: 'FEEDBACK' }),
  audit: (petitionId: string, at: string, id: string) => ({ pk: `PETITION#${petitionId}`, sk: `AUDIT#${at}#${id}` }),
  auditPrefix: (petitionId: string) => ({ pk: `PETITION#${petitionId}`, skPrefix: 'AUDIT#' }),
  trackingCode: (code: string) => ({ pk: `TRACK#${code}`, sk: 'TRACK' }),
  guessWindow: (key: string) => ({ pk: `GUESS#${key}`, sk: 'GUESS' }),
  /** A report job's ledger (`J#1398-06@29`): done, or claimed by a run. */
  report: (job: string) => ({ pk: `REPORT#${job}`, sk: 'REPORT' }),
  networkTarget: (provinceCode: string) => ({ pk: 'CONFIG', sk: `TARGET#${provinceCode}` }),
  submission: (officeCode: string, idempotencyKey: string) => ({ id: `SUBMIT#${officeCode}#${idempotencyKey}` }),
  payment: (petitionId: string, orderId: string) => ({ pk: `PETITION#${petitionId}`, sk: `PAYMENT#${orderId}` }),
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
  officePetitions: (officeCode: string) => `OFFICE#${officeCode}#PETITIONS`,
  officePetitionsByStatus: (officeCode: string, status: string) => `OFFICE#${officeCode}#PETITIONS#${status}`,
  /**
   * SMS waiting to be sent (quiet hours, or a failed try), spread over a few partitions of gsi3 so
   * that a night's notices of the whole country never share one key; the dispatcher reads them all.
   */
  smsDue: (shard: number) => `SMS-DUE#${shard}`,
  smsDueSortKey: (sendAt: string, eventId: string, partyIndex: number) => `${sendAt}#${eventId}#${partyIndex}`,
};

/** How many gsi3 partitions hold due SMS. */
export const SMS_DUE_SHARDS = 8;
