import { route as addProvincialHoliday } from './add-provincial-holiday';
import { route as createCourt } from './create-court';
import { route as createOffice } from './create-office';
import { route as createPetition } from './create-petition';
import { route as declareDocuments } from './declare-documents';
import {
  DEFAULT_LIMITS,
  type FunctionSpec,
  NATIONAL_REPORT_LIMITS,
  READ_WRITE_COUNT,
  REPORT_READS,
  type RouteDefinition,
  routeKey,
} from './define';
import { route as docs } from './docs';
import { route as docsRenderer } from './docs-renderer';
import { route as downloadDocument } from './download-document';
import { route as generateMonthlyReport } from './generate-monthly-report';
import { route as getCourt } from './get-court';
import { route as getCourtInbox } from './get-court-inbox';
import { route as getFeeSchedule } from './get-fee-schedule';
import { route as getMonthlyReport } from './get-monthly-report';
import { route as getNationalReport } from './get-national-report';
import { route as getOffice } from './get-office';
import { route as getPetition } from './get-petition';
import { route as getPetitionFees } from './get-petition-fees';
import { route as getWorkCalendar } from './get-work-calendar';
import { route as giveFeedback } from './give-feedback';
import { route as health } from './health';
import { route as listCourts } from './list-courts';
import { route as listFeeSchedules } from './list-fee-schedules';
import { route as listOffices } from './list-offices';
import { route as listPetitionNotices } from './list-petition-notices';
import { route as listPetitions } from './list-petitions';
import { route as loadLunarHolidays } from './load-lunar-holidays';
import { route as openapi } from './openapi';
import { route as paymentCallback } from './payment-callback';
import { route as printNotice } from './print-notice';
import { route as putFeeSchedule } from './put-fee-schedule';
import { route as readOwnNotices } from './read-own-notices';
import { route as reassignPetition } from './reassign-petition';
import { route as recordIndigency } from './record-indigency';
import { route as removeDocument } from './remove-document';
import { route as setCourtFallbacks } from './set-court-fallbacks';
import { route as setNetworkTarget } from './set-network-target';
import { route as setWorkWeek } from './set-work-week';
import { route as smsDeliveryReports } from './sms-delivery-reports';
import { route as startPayment } from './start-payment';
import { route as submitPetition } from './submit-petition';
import { route as trackPetition } from './track-petition';
import { route as transitionPetition } from './transition-petition';
import { route as updateCourt } from './update-court';
import { route as updateOffice } from './update-office';
import { route as updatePetition } from './update-petition';

export * from './define';

/**
 * The single source of truth for the API: the CDK stack builds one function and one route per
 * entry, the local gateway mounts the same handlers, and the OpenAPI document is generated from it.
 * Each route lives in its own module (./<id>.ts) so that each function's bundle carries only its own.
 */
export const ROUTES: readonly RouteDefinition[] = [
  health,
  openapi,
  docs,
  docsRenderer,
  listOffices,
  getOffice,
  createOffice,
  updateOffice,
  listCourts,
  getCourt,
  createCourt,
  updateCourt,
  setCourtFallbacks,
  getCourtInbox,
  createPetition,
  declareDocuments,
  downloadDocument,
  removeDocument,
  submitPetition,
  getPetition,
  listPetitions,
  transitionPetition,
  reassignPetition,
  trackPetition,
  readOwnNotices,
  listPetitionNotices,
  printNotice,
  giveFeedback,
  smsDeliveryReports,
  getMonthlyReport,
  getNationalReport,
  generateMonthlyReport,
  setNetworkTarget,
  // fees and payments
  putFeeSchedule,
  listFeeSchedules,
  getFeeSchedule,
  updatePetition,
  getPetitionFees,
  recordIndigency,
  startPayment,
  paymentCallback,
  getWorkCalendar,
  loadLunarHolidays,
  addProvincialHoliday,
  setWorkWeek,
];

/** Functions started by events rather than routes. */
export const EVENT_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'verify-document',
    table: READ_WRITE_COUNT,
    // Keep: a submitted petition's scan arriving again (through a URL still valid) is tagged kept.
    documents: ['verify', 'keep'],
    summary:
      'Verifies each arriving document object (size, SHA-256, file signature) and marks it verified or rejected; ' +
      "tags a submitted petition's verified scans kept",
  },
  {
    id: 'keep-documents',
    // Reads the petition for its documents; tags their objects in S3, or deletes a removed one's
    // (no write to the table).
    table: [{ actions: ['GetItem'], leadingKeys: ['PETITION#*'] }],
    documents: ['keep', 'remove'],
    summary:
      "Re-tags a submitted petition's scans as kept, so the draft clean-up rule spares them; deletes a removed document's object",
  },
  {
    id: 'monthly-report-job',
    table: [...REPORT_READS, { actions: ['PutItem', 'UpdateItem'] }],
    reports: 'write',
    // One run may produce every province's report and the national one for each of up to 12 missing
    // months (a new deployment, a missed week): many national-sized reports, so minutes, not seconds.
    limits: { timeoutSeconds: 300, memoryMb: NATIONAL_REPORT_LIMITS.memoryMb },
    summary: 'Daily after Tehran midnight: produces each closed Solar Hijri month report that is missing, exactly once',
  },
  {
    id: 'cure-lapse-job',
    // Query: returned petitions by the day their cure ends (gsi3); one transaction per petition:
    // the petition (conditional on its version), its counters and its outbox event. BatchGetItem:
    // the province's work calendar, to count a period again before it lapses (calendar items only).
    table: [
      { actions: ['PutItem', 'UpdateItem'] },
      { actions: ['Query'], indexes: ['gsi3'] },
      { actions: ['BatchGetItem'], leadingKeys: ['CALENDAR#*'] },
    ],
    summary:
      'Daily after Tehran midnight: moves returned petitions whose cure period ended to rejection-due, once each, ' +
      'unless a closure since service moved the last day',
  },
  {
    id: 'notify-parties',
    // Reads the petition's parties and the office's short name; writes only its SMS notices.
    table: [
      { actions: ['GetItem'], leadingKeys: ['PETITION#*', 'OFFICE#*'] },
      { actions: ['PutItem', 'UpdateItem'], leadingKeys: ['NOTICE-SMS#*'] },
      // The message id's pointer to its notice, written with the sent notice (delivery reports).
      { actions: ['PutItem'], leadingKeys: ['SMS-MSG#*'] },
    ],
    summary: 'Tells the parties of each petition event by SMS, exactly once per party, never in quiet hours',
  },
  {
    id: 'dispatch-sms',
    // Finds due notices in gsi3, reads the number from the petition, claims and records each notice.
    table: [
      { actions: ['Query'], indexes: ['gsi3'], leadingKeys: ['SMS-DUE#*'] },
      { actions: ['GetItem'], leadingKeys: ['PETITION#*'] },
      { actions: ['UpdateItem'], leadingKeys: ['NOTICE-SMS#*'] },
      { actions: ['PutItem'], leadingKeys: ['SMS-MSG#*'] },
    ],
    // At 07:00 Tehran it sends the night's notices: time for a few thousand sends, in one run or a few.
    limits: { timeoutSeconds: 300, memoryMb: DEFAULT_LIMITS.memoryMb },
    summary: 'Every quarter of an hour: sends the SMS notices that have come due (after quiet hours, or a failed try)',
  },
];

/** Cognito's token trigger: lives with the user pool in the stateful stack. */
export const AUTH_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'pre-token-generation',
    summary: 'Withholds the court, province-admin and national-admin groups from tokens of users without MFA',
  },
];

export function findRoute(key: string): RouteDefinition | undefined {
  return ROUTES.find((route) => routeKey(route) === key);
}
