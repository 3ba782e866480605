import type { z } from 'zod';
import type { Role } from './domain/roles';
import { healthSchema, openApiDocumentSchema } from './schemas/common';
import { htmlPageSchema, javascriptSchema } from './schemas/docs';
import {
  createOfficeSchema,
  listOfficesQuerySchema,
  officeListSchema,
  officePathSchema,
  officeSchema,
  updateOfficeSchema,
} from './schemas/office';
import {
  createPetitionSchema,
  declareDocumentsSchema,
  documentPathSchema,
  documentRemovedSchema,
  documentsDeclaredSchema,
  downloadSchema,
  draftCreatedSchema,
  feedbackReceivedSchema,
  feedbackSchema,
  listPetitionsQuerySchema,
  petitionPageSchema,
  petitionPathSchema,
  petitionSchema,
  submissionSchema,
  submitPetitionSchema,
  trackingSchema,
  trackPathSchema,
  trackQuerySchema,
  transitionSchema,
} from './schemas/petition';
import {
  generateQuerySchema,
  monthlyReportSchema,
  networkTargetSchema,
  reportPathSchema,
  reportQuerySchema,
} from './schemas/report';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * DynamoDB actions a function may be granted on the data table, by their IAM names (without
 * `dynamodb:`). DeleteItem, BatchWriteItem and Scan are deliberately absent: no function uses them.
 * In a transaction each element needs the action of its kind (Put → PutItem, Update →
 * UpdateItem, ConditionCheck → ConditionCheckItem); there is no TransactWriteItems action:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
 */
export type DataAction = 'GetItem' | 'BatchGetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'ConditionCheckItem';

/**
 * One grant on the data table. The CDK function construct turns each into one IAM statement, so
 * what is written here is, action for action, what the function's role may do.
 */
export interface TableGrant {
  actions: readonly DataAction[];
  /** The grant is on these global secondary indexes instead of the table (only Query reads an index). */
  indexes?: readonly string[];
  /**
   * Partition key patterns (`GUESS#*`) the actions are limited to, as a `dynamodb:LeadingKeys`
   * condition. IAM sees only the partition key: nothing narrows a grant by sort key.
   */
  leadingKeys?: readonly string[];
}

/**
 * What a function does with document objects: presign uploads, presign downloads, untag them as
 * kept on submission, or verify arrivals (read, quarantine). Each maps to the narrowest S3 grant.
 */
export type DocumentAccess = 'presign-upload' | 'presign-download' | 'keep' | 'remove' | 'verify';

/** What every function declares about itself; the CDK function construct turns it into grants. */
export interface FunctionSpec {
  /** Function name and handler file: `functions/<id>.ts` exporting `handler`. */
  id: string;
  /**
   * Every DynamoDB action the function's code (use cases and adapters) performs on the data
   * table, and nothing else; absent: no table at all (no TABLE_NAME).
   */
  table?: readonly TableGrant[];
  /** Needs an `Idempotency-Key` header; the function gets the idempotency table. */
  idempotent?: boolean;
  documents?: readonly DocumentAccess[];
  /** Monthly report files in the reports bucket: read (the API) or write (producing them). */
  reports?: 'read' | 'write';
  summary: string;
}

/** Reading and writing whole items by key, as the staff functions that change petitions do. */
const READ_WRITE_ITEMS: readonly TableGrant[] = [{ actions: ['GetItem', 'PutItem'] }];
/** The same plus counter updates, which always travel in a transaction with the item they count. */
const READ_WRITE_COUNT: readonly TableGrant[] = [{ actions: ['GetItem', 'PutItem', 'UpdateItem'] }];
/** The office registry (gsi3), the network target and the per-office counters a report reads. */
const REPORT_READS: readonly TableGrant[] = [
  { actions: ['GetItem', 'BatchGetItem'] },
  { actions: ['Query'], indexes: ['gsi3'] },
];
/**
 * The public functions answer anyone on the internet, so their grants name the key families
 * they touch: tracking codes (`TRACK#`), petitions (`PETITION#`), offices (`OFFICE#`) and, for
 * writes, guess counters (`GUESS#`).
 * Staff functions are not narrowed by key: their writes span petition, tracking-code, counter and
 * audit partitions, so a list would name most of the table and tie every grant to every layout.
 */
const CITIZEN_READS: TableGrant = {
  actions: ['GetItem'],
  // The office too: tracking names the office and gives its phone.
  leadingKeys: ['TRACK#*', 'PETITION#*', 'OFFICE#*'],
};

export interface RouteDefinition extends FunctionSpec {
  method: HttpMethod;
  /** API Gateway path template, `{name}` for a path parameter. */
  path: string;
  /** `public` routes have no authorizer; otherwise the staff roles that may call it. */
  auth: 'public' | readonly Role[];
  /** Stricter API Gateway throttling for this route (public routes), requests per second. */
  throttle?: { rateLimit: number; burstLimit: number };
  request?: { path?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  responses: Record<
    number,
    { description: string; schema?: z.ZodType; contentType?: string; otherContentTypes?: readonly string[] }
  >;
}

const ALL_STAFF: readonly Role[] = ['clerk', 'manager', 'court', 'province-admin'];
const PROVINCE_ADMIN: readonly Role[] = ['province-admin'];
const OFFICE_STAFF: readonly Role[] = ['clerk', 'manager'];
const PUBLIC_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/**
 * The single source of truth for the API: the CDK stack builds one function and one route per
 * entry, the local gateway mounts the same handlers, and the OpenAPI document is generated from it.
 */
export const ROUTES: readonly RouteDefinition[] = [
  {
    id: 'health',
    method: 'GET',
    path: '/v1/health',
    auth: 'public',
    summary: 'Liveness check',
    responses: { 200: { description: 'The API answers', schema: healthSchema } },
  },
  {
    id: 'openapi',
    method: 'GET',
    path: '/v1/openapi.json',
    auth: 'public',
    summary: 'This OpenAPI 3.1 document',
    responses: { 200: { description: 'The OpenAPI document', schema: openApiDocumentSchema } },
  },
  {
    id: 'docs',
    method: 'GET',
    path: '/v1/docs',
    auth: 'public',
    summary: 'This API reference, rendered from the OpenAPI document (HTML)',
    responses: { 200: { description: 'The reference page', schema: htmlPageSchema, contentType: 'text/html' } },
  },
  {
    id: 'docs-renderer',
    method: 'GET',
    path: '/v1/docs/redoc.standalone.js',
    auth: 'public',
    summary: "The reference page's renderer (Redoc), served by this API rather than a CDN",
    responses: {
      200: {
        description: 'The renderer (gzip when accepted)',
        schema: javascriptSchema,
        contentType: 'text/javascript',
      },
      304: { description: 'The copy named by If-None-Match is current' },
    },
  },
  {
    id: 'list-offices',
    method: 'GET',
    path: '/v1/offices',
    auth: ALL_STAFF,
    table: [{ actions: ['GetItem'] }, { actions: ['Query'], indexes: ['gsi3'] }],
    summary: 'The office registry with the network view (offices per status, deprived areas served)',
    request: { query: listOfficesQuerySchema },
    responses: { 200: { description: 'Offices, ordered by code', schema: officeListSchema } },
  },
  {
    id: 'get-office',
    method: 'GET',
    path: '/v1/offices/{officeCode}',
    auth: ALL_STAFF,
    table: [{ actions: ['GetItem'] }],
    summary: 'One office of the registry',
    request: { path: officePathSchema },
    responses: { 200: { description: 'The office', schema: officeSchema } },
  },
  {
    id: 'create-office',
    method: 'POST',
    path: '/v1/offices',
    auth: PROVINCE_ADMIN,
    table: [{ actions: ['PutItem'] }],
    summary: 'Register an office',
    request: { body: createOfficeSchema },
    responses: {
      201: { description: 'Registered', schema: officeSchema },
      409: { description: 'An office with this code exists' },
    },
  },
  {
    id: 'update-office',
    method: 'PATCH',
    path: '/v1/offices/{officeCode}',
    auth: PROVINCE_ADMIN,
    table: READ_WRITE_ITEMS,
    summary: "Change an office's status or details",
    request: { path: officePathSchema, body: updateOfficeSchema },
    responses: {
      200: { description: 'Changed', schema: officeSchema },
      409: { description: 'A status step that is not allowed, or a stale expectedVersion' },
    },
  },
  {
    id: 'create-petition',
    method: 'POST',
    path: '/v1/petitions',
    auth: OFFICE_STAFF,
    table: READ_WRITE_ITEMS,
    documents: ['presign-upload'],
    summary:
      "Create a draft petition for the caller's office (the office comes from the token), with its declared documents",
    request: { body: createPetitionSchema },
    responses: {
      201: { description: 'Draft created; one upload instruction per declared document', schema: draftCreatedSchema },
      409: { description: 'The office is not active' },
      413: { description: 'A declared document over the size limit, or too many documents' },
    },
  },
  {
    id: 'declare-documents',
    method: 'POST',
    path: '/v1/petitions/{petitionId}/documents',
    auth: OFFICE_STAFF,
    table: READ_WRITE_ITEMS,
    documents: ['presign-upload'],
    summary: 'Declare more documents for a draft or a returned petition',
    request: { path: petitionPathSchema, body: declareDocumentsSchema },
    responses: {
      201: { description: 'One upload instruction per declared document', schema: documentsDeclaredSchema },
      409: { description: 'The petition is neither a draft nor returned' },
      413: { description: 'A declared document over the size limit, or too many documents' },
    },
  },
  {
    id: 'download-document',
    method: 'GET',
    path: '/v1/petitions/{petitionId}/documents/{documentId}',
    auth: ALL_STAFF,
    table: READ_WRITE_ITEMS,
    documents: ['presign-download'],
    summary: 'A short-lived download URL for a verified document; the grant is recorded in the history',
    request: { path: documentPathSchema },
    responses: {
      200: { description: 'Presigned GET URL', schema: downloadSchema },
      404: { description: 'Unknown, or not yours to see' },
      409: { description: 'The document is not verified' },
    },
  },
  {
    id: 'remove-document',
    method: 'DELETE',
    path: '/v1/petitions/{petitionId}/documents/{documentId}',
    auth: OFFICE_STAFF,
    table: READ_WRITE_ITEMS,
    documents: ['remove'],
    summary: 'Remove a declared document (a rejected scan, a wrong file) from a draft or a returned petition',
    request: { path: documentPathSchema },
    responses: {
      200: { description: 'Removed; declare a replacement with POST …/documents', schema: documentRemovedSchema },
      404: { description: 'Unknown, or not yours to see' },
      409: { description: 'The petition is neither a draft nor returned, or it changed meanwhile' },
    },
  },
  {
    id: 'submit-petition',
    method: 'POST',
    path: '/v1/petitions/{petitionId}/submit',
    auth: OFFICE_STAFF,
    // The petition and its office read together (BatchGetItem), then one transaction: the petition,
    // its tracking code and the counters (UpdateItem); the key's record is in the idempotency table.
    table: [{ actions: ['BatchGetItem', 'PutItem', 'UpdateItem'] }],
    idempotent: true,
    documents: ['keep'],
    summary: 'Submit a draft: tracking code, Solar Hijri month, counted once (Idempotency-Key required)',
    request: { path: petitionPathSchema, body: submitPetitionSchema },
    responses: {
      200: { description: 'Submitted (a retry with the same key returns the same answer)', schema: submissionSchema },
      409: { description: 'Not a draft, a document not verified, or the same key still in progress' },
      422: { description: 'The Idempotency-Key was used with another request' },
    },
  },
  {
    id: 'get-petition',
    method: 'GET',
    path: '/v1/petitions/{petitionId}',
    auth: ALL_STAFF,
    table: [{ actions: ['GetItem', 'Query'] }],
    summary: 'A petition with its parties, documents and history (office staff: own office only)',
    request: { path: petitionPathSchema },
    responses: {
      200: { description: 'The petition', schema: petitionSchema },
      404: { description: 'Unknown, or of another office' },
    },
  },
  {
    id: 'list-petitions',
    method: 'GET',
    path: '/v1/petitions',
    auth: ALL_STAFF,
    table: [{ actions: ['Query'], indexes: ['gsi1', 'gsi2'] }],
    summary: "A page of an office's petitions, newest first",
    request: { query: listPetitionsQuerySchema },
    responses: {
      200: { description: 'One page; pass nextCursor back as cursor for the next', schema: petitionPageSchema },
    },
  },
  {
    id: 'transition-petition',
    method: 'POST',
    path: '/v1/petitions/{petitionId}/transitions',
    auth: ['clerk', 'manager', 'court'],
    table: READ_WRITE_COUNT,
    documents: ['keep'],
    summary: 'A life-cycle step: dispatch, register, return, reject (court); resubmit, withdraw (office)',
    request: { path: petitionPathSchema, body: transitionSchema },
    responses: {
      200: { description: 'The petition after the step', schema: petitionSchema },
      403: { description: 'Not a step for this role; the allowed actions are listed' },
      409: { description: 'Not allowed from the current state, or a stale expectedVersion' },
    },
  },
  {
    id: 'track-petition',
    method: 'GET',
    path: '/v1/track/{trackingCode}',
    auth: 'public',
    table: [
      CITIZEN_READS,
      // The guessing limit counts tries per code (and address); it writes nothing else.
      { actions: ['UpdateItem'], leadingKeys: ['GUESS#*'] },
    ],
    throttle: PUBLIC_THROTTLE,
    summary: "A citizen follows a petition: status and dates, given a party's national ID",
    request: { path: trackPathSchema, query: trackQuerySchema },
    responses: {
      200: { description: 'Status and dates', schema: trackingSchema },
      404: { description: 'No such petition for this national ID' },
      429: { description: 'Too many tries on this code from this address (or from all): Retry-After says when' },
    },
  },
  {
    id: 'give-feedback',
    method: 'POST',
    path: '/v1/feedback',
    auth: 'public',
    table: [
      CITIZEN_READS,
      // Cannot be narrowed to the rating alone: IAM sees only the partition key, and a rating
      // (PETITION#<id>/FEEDBACK) shares its petition's partition, the counters (OFFICE#<code>/COUNT#…)
      // their office's. So this role could overwrite a petition or office item if its code did.
      // Acceptable: the code writes only the rating (a conditional put: never over an existing
      // item) and ADDs to the counters, and only after a tracking code and a party's national ID
      // matched; changing that is a code change, which review and the tests (running under this
      // very policy) see. It can touch no tracking code, report, setting or idempotency record.
      { actions: ['PutItem'], leadingKeys: ['PETITION#*'] },
      { actions: ['UpdateItem'], leadingKeys: ['GUESS#*', 'OFFICE#*'] },
    ],
    throttle: PUBLIC_THROTTLE,
    summary: "A citizen rates the office's service, once per petition",
    request: { body: feedbackSchema },
    responses: {
      201: { description: 'Rating stored', schema: feedbackReceivedSchema },
      404: { description: 'No such petition for this national ID' },
      409: { description: 'Already rated' },
      429: { description: 'Too many tries on this code from this address (or from all): Retry-After says when' },
    },
  },
  {
    id: 'get-monthly-report',
    method: 'GET',
    path: '/v1/reports/monthly/{month}',
    auth: ['province-admin', 'manager'],
    table: REPORT_READS,
    reports: 'read',
    summary:
      "A month's report (province-admin: all offices; manager: own office and the totals); ?format=csv|svg gives the file",
    request: { path: reportPathSchema, query: reportQuerySchema },
    responses: {
      200: {
        description: 'The report as JSON; with ?format, the CSV file (UTF-8 with BOM) or the SVG chart',
        schema: monthlyReportSchema,
        otherContentTypes: ['text/csv', 'image/svg+xml'],
      },
      400: { description: 'Not a month, or a month that has not started' },
    },
  },
  {
    id: 'generate-monthly-report',
    method: 'POST',
    path: '/v1/reports/monthly/{month}/generate',
    auth: PROVINCE_ADMIN,
    table: [...REPORT_READS, { actions: ['UpdateItem'] }],
    reports: 'write',
    summary: "Produce (or reproduce) a month's report now and store JSON, CSV and SVG",
    request: { path: reportPathSchema, query: generateQuerySchema },
    responses: { 200: { description: 'The report as stored', schema: monthlyReportSchema } },
  },
  {
    id: 'set-network-target',
    method: 'PUT',
    path: '/v1/network/target',
    auth: PROVINCE_ADMIN,
    table: [{ actions: ['PutItem'] }],
    summary: 'Set the network target (active offices by a date) that monthly reports measure progress against',
    request: { body: networkTargetSchema },
    responses: { 200: { description: 'The target', schema: networkTargetSchema } },
  },
];

/** Functions started by events rather than routes. */
export const EVENT_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'verify-document',
    table: READ_WRITE_COUNT,
    documents: ['verify'],
    summary: 'Verifies each arriving document object (size, SHA-256, file signature) and marks it verified or rejected',
  },
  {
    id: 'monthly-report-job',
    table: [...REPORT_READS, { actions: ['PutItem', 'UpdateItem'] }],
    reports: 'write',
    summary: 'Daily after Tehran midnight: produces each closed Solar Hijri month report that is missing, exactly once',
  },
  {
    id: 'notify-parties',
    // Reads the petition's parties and the office's short name; writes only its SMS notices.
    table: [
      { actions: ['GetItem'], leadingKeys: ['PETITION#*', 'OFFICE#*'] },
      { actions: ['PutItem', 'UpdateItem'], leadingKeys: ['NOTICE-SMS#*'] },
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
    ],
    summary: 'Every quarter of an hour: sends the SMS notices that have come due (after quiet hours, or a failed try)',
  },
];

/** Cognito's token trigger: lives with the user pool in the stateful stack. */
export const AUTH_FUNCTIONS: readonly FunctionSpec[] = [
  {
    id: 'pre-token-generation',
    summary: 'Withholds the court and province-admin groups from tokens of users without MFA',
  },
];

export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

export function findRoute(key: string): RouteDefinition | undefined {
  return ROUTES.find((route) => routeKey(route) === key);
}
