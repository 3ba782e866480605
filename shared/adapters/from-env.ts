import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { awsEnvShape, readEnv, tableEnvShape } from '../config';
import { PLACEHOLDER_TERMINAL_ID, TERMINAL_ID_PATTERN } from '../domain/payments';
import { type DocumentUrls, systemClock } from '../ports';
import type { FeedbackDeps, TrackingDeps } from '../use-cases/citizen';
import type { DocumentDeps, verifyArrival } from '../use-cases/documents';
import type { FeeDeps } from '../use-cases/fees';
import type { CalendarChangeDeps } from '../use-cases/holidays';
import type { RegistrySettings } from '../use-cases/offices';
import type { PaymentDeps } from '../use-cases/payments';
import type { DraftDeps, SubmissionDeps, TransitionDeps } from '../use-cases/petitions';
import { createDocumentClient, injectedCredentialsProvider, urlSigningOf } from './aws-clients';
import { cryptoIds } from './crypto-ids';
import { DynamoAttemptLimiter } from './dynamo-attempt-limiter';
import { DynamoCalendarRepository } from './dynamo-calendar-repository';
import { DynamoCourtRegistry } from './dynamo-court-registry';
import { DynamoCourtRepository } from './dynamo-court-repository';
import { DynamoENotices } from './dynamo-e-notices';
import { DynamoFeeScheduleRepository } from './dynamo-fee-schedule-repository';
import { DynamoOfficeRepository } from './dynamo-office-repository';
import { DynamoPaymentRepository } from './dynamo-payment-repository';
import { DynamoPetitionReader, DynamoPetitionRepository, DynamoPetitionWriter } from './dynamo-petition-repository';
import { DynamoReportRepository } from './dynamo-report-repository';
import { DynamoSubmissionStore } from './dynamo-submission-store';
import { createS3Client } from './s3-client';
import { S3DocumentObjects } from './s3-document-objects';
import { S3PresignedUrls } from './s3-presigned-urls';
import { SepPaymentGateway } from './shaparak-gateway';

/**
 * Secondary adapters wired from the environment. Functions call these at module scope (cold start),
 * so configuration errors surface at load and clients are reused across invocations.
 */
interface DataTable {
  db: DynamoDBDocumentClient;
  table: string;
}
const NO_INJECTED_CREDENTIALS = {};
const dataTables = new WeakMap<object, Map<string, DataTable>>();

/**
 * The data table and one DynamoDB client for it, shared by every adapter a function wires through
 * these factories (one connection pool, one set of client middleware), whichever it calls. Made
 * anew for another table, endpoint or region, and for credentials injected since (the local
 * runtime injects them before any handler loads, aws-clients.ts), as a new Lambda environment
 * would make it.
 */
function dataTableFromEnv(): DataTable {
  const config = readEnv(tableEnvShape);
  const injected = injectedCredentialsProvider() ?? NO_INJECTED_CREDENTIALS;
  const byConfig = dataTables.get(injected) ?? new Map<string, DataTable>();
  dataTables.set(injected, byConfig);
  const key = JSON.stringify([config.AWS_REGION, config.DYNAMODB_ENDPOINT, config.TABLE_NAME]);
  let dataTable = byConfig.get(key);
  if (!dataTable) {
    dataTable = { db: createDocumentClient(config), table: config.TABLE_NAME };
    byConfig.set(key, dataTable);
  }
  return dataTable;
}

/** One of the data table's adapters, on the shared client. */
function onDataTable<Adapter>(Class: new (db: DynamoDBDocumentClient, table: string) => Adapter): Adapter {
  const { db, table } = dataTableFromEnv();
  return new Class(db, table);
}

/*
 * One factory per adapter, so that a function wires only the adapters its use case takes: a
 * class is bundled with all its methods and whatever they import, so a function that made the
 * four petition adapters to use one carried the other three (get-petition 8 KiB, the fee
 * schedule functions the whole petition repository).
 */
export const officeRepositoryFromEnv = () => onDataTable(DynamoOfficeRepository);
export const courtRepositoryFromEnv = () => onDataTable(DynamoCourtRepository);
export const calendarRepositoryFromEnv = () => onDataTable(DynamoCalendarRepository);
export const petitionReaderFromEnv = () => onDataTable(DynamoPetitionReader);
export const petitionRepositoryFromEnv = () => onDataTable(DynamoPetitionRepository);
export const petitionWriterFromEnv = () => onDataTable(DynamoPetitionWriter);
export const feeScheduleRepositoryFromEnv = () => onDataTable(DynamoFeeScheduleRepository);
export const paymentRepositoryFromEnv = () => onDataTable(DynamoPaymentRepository);
/** The network target, kept with the report bookkeeping. */
export const networkTargetsFromEnv = () => onDataTable(DynamoReportRepository);

/** Re-exported: callers that take their adapters from here take their ids from here too. */
export { cryptoIds };

/** The four petition adapters, for the functions (and local seeding) that use them all. */
export function petitionAdaptersFromEnv() {
  return {
    petitions: petitionRepositoryFromEnv(),
    offices: officeRepositoryFromEnv(),
    schedules: feeScheduleRepositoryFromEnv(),
    payments: paymentRepositoryFromEnv(),
  };
}

/** A province's calendar change, and the recount of the cure deadlines it closes (use-cases/holidays.ts). */
export function calendarChangeDepsFromEnv(): CalendarChangeDeps {
  return {
    calendars: calendarRepositoryFromEnv(),
    petitions: petitionRepositoryFromEnv(),
    clock: systemClock,
    ids: cryptoIds,
  };
}

export function feeDepsFromEnv(): FeeDeps {
  return { schedules: feeScheduleRepositoryFromEnv(), clock: systemClock };
}

/**
 * The judiciary's terminal, which court fees are paid to. The functions that call the gateway get
 * it with the gateway's variables, the registry's writes alone (route spec `judiciaryTerminal: true`):
 * no office may take it as its own.
 */
export const judiciaryTerminalEnvShape = {
  // A terminal id in its one spelling, or the deployment's all-zero placeholder, which the gateway
  // refuses until the real terminal is set (infra/deployment-settings.ts).
  JUDICIARY_TERMINAL_ID: z
    .string()
    .check(z.refine((id) => TERMINAL_ID_PATTERN.test(id) || id === PLACEHOLDER_TERMINAL_ID)),
};

/**
 * The payment gateway and where it sends payers back. Only the functions that call the gateway
 * (route spec `paymentGateway: true`) get these variables; infra/service-function.ts sets them
 * from the deployment settings, local/start.ts to the local simulator.
 */
export const paymentEnvShape = {
  PAYMENT_GATEWAY_URL: z.url(),
  /** Local only: where browsers open the simulator's page (PUBLIC_HOST), when not where the backend calls it. */
  PAYMENT_GATEWAY_PAGE_URL: z.optional(z.url()),
  ...judiciaryTerminalEnvShape,
  PAYMENT_CALLBACK_URL: z.url(),
};

/** Registering and changing offices: the registry, and the judiciary's terminal it refuses as an office's. */
export function registryWriteDepsFromEnv(): { offices: DynamoOfficeRepository; settings: RegistrySettings } {
  const config = readEnv(judiciaryTerminalEnvShape);
  return { offices: officeRepositoryFromEnv(), settings: { judiciaryTerminalId: config.JUDICIARY_TERMINAL_ID } };
}

export function paymentDepsFromEnv(): PaymentDeps {
  const config = readEnv(paymentEnvShape);
  return {
    petitions: petitionRepositoryFromEnv(),
    offices: officeRepositoryFromEnv(),
    payments: paymentRepositoryFromEnv(),
    gateway: new SepPaymentGateway({
      baseUrl: config.PAYMENT_GATEWAY_URL,
      ...(config.PAYMENT_GATEWAY_PAGE_URL ? { pageBaseUrl: config.PAYMENT_GATEWAY_PAGE_URL } : {}),
    }),
    settings: { judiciaryTerminalId: config.JUDICIARY_TERMINAL_ID, callbackUrl: config.PAYMENT_CALLBACK_URL },
    clock: systemClock,
    ids: cryptoIds,
  };
}

const documentsEnvShape = { ...awsEnvShape, DOCUMENTS_BUCKET: z.string().check(z.minLength(3)) };

/** Document URLs, signed with the credentials of the function's DynamoDB client: no S3 client. */
export function documentUrlsFromEnv(db: DynamoDBDocumentClient = dataTableFromEnv().db): S3PresignedUrls {
  const config = readEnv(documentsEnvShape);
  return new S3PresignedUrls(
    { bucket: config.DOCUMENTS_BUCKET, region: config.AWS_REGION, endpoint: config.S3_ENDPOINT },
    urlSigningOf(db),
    systemClock,
  );
}

export function documentObjectsFromEnv(): S3DocumentObjects {
  const config = readEnv(documentsEnvShape);
  return new S3DocumentObjects(createS3Client(config), config.DOCUMENTS_BUCKET);
}

/**
 * The document keeper: a submitted petition's documents, read from the petition, tagged in S3; a
 * removed document's object deleted.
 */
export function keepDocumentsDepsFromEnv() {
  return { petitions: petitionReaderFromEnv(), documents: documentObjectsFromEnv() };
}

/** A draft: the petition adapters and upload URLs, on one DynamoDB client and no S3 client. */
export function draftDepsFromEnv(): DraftDeps {
  return {
    petitions: petitionRepositoryFromEnv(),
    offices: officeRepositoryFromEnv(),
    schedules: feeScheduleRepositoryFromEnv(),
    documents: documentUrlsFromEnv(),
    clock: systemClock,
    ids: cryptoIds,
  };
}

/** Declaring documents and downloading them hand out URLs only. */
export function documentUrlDepsFromEnv(): DocumentDeps<DocumentUrls> {
  return {
    petitions: petitionRepositoryFromEnv(),
    schedules: feeScheduleRepositoryFromEnv(),
    documents: documentUrlsFromEnv(),
    clock: systemClock,
    ids: cryptoIds,
  };
}

/**
 * Removing a document changes the petition and re-quotes its fees; the keeper deletes the object
 * from the removal's event, so no S3 client is made here.
 */
export function documentRemovalDepsFromEnv(): Omit<DocumentDeps<never>, 'documents'> {
  return {
    petitions: petitionRepositoryFromEnv(),
    schedules: feeScheduleRepositoryFromEnv(),
    clock: systemClock,
    ids: cryptoIds,
  };
}

/** Verifying documents works on the objects; a verdict changes no fee, so no fee schedules. */
export function documentVerificationDepsFromEnv(): Parameters<typeof verifyArrival>[0] {
  return {
    petitions: petitionWriterFromEnv(),
    documents: documentObjectsFromEnv(),
    clock: systemClock,
    ids: cryptoIds,
  };
}

/** What submission needs: the data table and the idempotency table holding the keys' records. */
export function submissionDepsFromEnv(): SubmissionDeps {
  const { IDEMPOTENCY_TABLE_NAME } = readEnv({ IDEMPOTENCY_TABLE_NAME: z.string().check(z.minLength(3)) });
  const { db, table } = dataTableFromEnv();
  return {
    submissions: new DynamoSubmissionStore(db, table, IDEMPOTENCY_TABLE_NAME),
    payments: paymentRepositoryFromEnv(),
    clock: systemClock,
    ids: cryptoIds,
  };
}

/** What a petition's transitions need (court steps, resubmit, withdraw), on one DynamoDB client. */
export function petitionDepsFromEnv(): TransitionDeps {
  return {
    ...petitionAdaptersFromEnv(),
    calendars: calendarRepositoryFromEnv(),
    registry: onDataTable(DynamoCourtRegistry),
    clock: systemClock,
    ids: cryptoIds,
  };
}

export function citizenDepsFromEnv(): TrackingDeps {
  return {
    petitions: petitionReaderFromEnv(),
    offices: officeRepositoryFromEnv(),
    limiter: onDataTable(DynamoAttemptLimiter),
    clock: systemClock,
  };
}

/** A citizen's rating: the tracking checks, and the one write. */
export function feedbackDepsFromEnv(): FeedbackDeps {
  return {
    petitions: petitionRepositoryFromEnv(),
    offices: officeRepositoryFromEnv(),
    limiter: onDataTable(DynamoAttemptLimiter),
    clock: systemClock,
  };
}

/** The electronic notice record, with what reading it needs: the citizen's proof, or the staff's petition. */
export function eNoticeDepsFromEnv() {
  return {
    petitions: petitionReaderFromEnv(),
    offices: officeRepositoryFromEnv(),
    limiter: onDataTable(DynamoAttemptLimiter),
    notices: onDataTable(DynamoENotices),
    clock: systemClock,
  };
}

/** The registry and its network target (kept with the report bookkeeping), on one client. */
export function registryAdaptersFromEnv() {
  return { offices: officeRepositoryFromEnv(), targets: networkTargetsFromEnv() };
}
