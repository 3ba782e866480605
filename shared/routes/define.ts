import type * as z from 'zod/mini';
import type { Role } from '../domain/roles';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * DynamoDB actions a function may be granted on the data table, by their IAM names (without
 * `dynamodb:`). BatchWriteItem and Scan are deliberately absent: no function uses them. DeleteItem
 * releases an office's payment terminal claim, and is granted on `TERMINAL#*` only (update-office).
 * In a transaction each element needs the action of its kind (Put → PutItem, Update → UpdateItem,
 * Delete → DeleteItem, ConditionCheck → ConditionCheckItem); there is no TransactWriteItems action:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html
 */
export type DataAction =
  | 'GetItem'
  | 'BatchGetItem'
  | 'Query'
  | 'PutItem'
  | 'UpdateItem'
  | 'DeleteItem'
  | 'ConditionCheckItem';

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
 * What a function does with document objects: presign uploads, presign downloads, re-tag them as
 * kept once submitted, or verify arrivals (read, quarantine). Each maps to the narrowest S3 grant.
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
  /**
   * Calls the payment gateway over HTTPS (outbound internet): the function gets the gateway's
   * URL, the judiciary's terminal and the callback URL (shared/adapters/from-env.ts, paymentEnvShape).
   */
  paymentGateway?: boolean;
  /**
   * Knows the judiciary's terminal without calling the gateway: the registry's writes refuse it as
   * an office's. The function gets JUDICIARY_TERMINAL_ID alone (shared/adapters/from-env.ts,
   * judiciaryTerminalEnvShape); `paymentGateway` brings it too.
   */
  judiciaryTerminal?: boolean;
  /** Its own timeout and memory, where the shared ones (DEFAULT_LIMITS) do not fit; say why beside it. */
  limits?: FunctionLimits;
  summary: string;
}

export interface FunctionLimits {
  timeoutSeconds: number;
  memoryMb: number;
}

/**
 * Every function's timeout and memory unless its spec names its own: an API answer takes tens of
 * milliseconds (`npm run bench`), so 10 s is a generous bound that still fails fast.
 */
export const DEFAULT_LIMITS: FunctionLimits = { timeoutSeconds: 10, memoryMb: 512 };

export const limitsOf = (spec: Pick<FunctionSpec, 'limits'>): FunctionLimits => spec.limits ?? DEFAULT_LIMITS;

/**
 * What the national report needs (`npm run bench -- national`: 3,000 offices took 1.6 s on a quiet
 * 2-core machine and up to 10.4 s on a loaded one, with 382 MB resident): a larger memory, which
 * also brings Lambda more CPU, and a timeout that API Gateway's 30 s integration limit still allows.
 */
export const NATIONAL_REPORT_LIMITS: FunctionLimits = { timeoutSeconds: 29, memoryMb: 1024 };

/** Reading and writing whole items by key, as the staff functions that change petitions do. */
export const READ_WRITE_ITEMS: readonly TableGrant[] = [{ actions: ['GetItem', 'PutItem'] }];
/** The same plus counter updates, which always travel in a transaction with the item they count. */
export const READ_WRITE_COUNT: readonly TableGrant[] = [{ actions: ['GetItem', 'PutItem', 'UpdateItem'] }];
/** The office registry (gsi3), the network target and the per-office counters a report reads. */
export const REPORT_READS: readonly TableGrant[] = [
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
export const CITIZEN_READS: TableGrant = {
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
  request?: {
    path?: z.ZodMiniType;
    query?: z.ZodMiniType;
    body?: z.ZodMiniType;
    /** The body may be left out, meaning `{}` (a submission needs nothing but its path). */
    bodyOptional?: boolean;
    /** The body is an HTML form (application/x-www-form-urlencoded), not JSON: a gateway's callback. */
    form?: boolean;
  };
  responses: Record<
    number,
    { description: string; schema?: z.ZodMiniType; contentType?: string; otherContentTypes?: readonly string[] }
  >;
}

/** The staff who work with petitions; the national administrator reads reports only. */
export const ALL_STAFF: readonly Role[] = ['clerk', 'manager', 'court', 'province-admin'];
/** Everyone on staff, for what holds no petition and no personal data (the registry). */
export const REGISTRY_READERS: readonly Role[] = [...ALL_STAFF, 'national-admin'];
export const PROVINCE_ADMIN: readonly Role[] = ['province-admin'];
export const NATIONAL_ADMIN: readonly Role[] = ['national-admin'];
export const OFFICE_STAFF: readonly Role[] = ['clerk', 'manager'];
/** The national fee schedules: loaded by the national administrator, read by those who quote and collect. */
export const FEE_SCHEDULE_READERS: readonly Role[] = ['clerk', 'manager', 'court', 'national-admin'];
/**
 * What changes a petition and so quotes its fees again: the petition item (and, when a returned
 * petition's parties change, its tracking code's entry, in the same transaction), the schedules
 * of the quote day's year (Query) and, the first time a version is used, marking it used
 * (UpdateItem).
 */
export const QUOTING: readonly TableGrant[] = [
  { actions: ['GetItem', 'PutItem'] },
  { actions: ['Query', 'UpdateItem'], leadingKeys: ['FEESCHEDULE#*'] },
];
/** A petition's payments, read beside it (submission and resubmission wait for them). */
/**
 * Counting again the cure periods a calendar change closes (use-cases/lapses.ts,
 * recountCuresClosedBy): the returned petitions by the day their cure ends (gsi3), and each later
 * deadline stored with its outbox event in one transaction.
 */
export const CURES_DUE: TableGrant = { actions: ['Query'], indexes: ['gsi3'], leadingKeys: ['CURE-DUE#*'] };
export const CURE_RECOUNT: readonly TableGrant[] = [
  CURES_DUE,
  { actions: ['PutItem'], leadingKeys: ['PETITION#*', 'OUTBOX#*'] },
];

export const PAYMENT_READS: TableGrant = { actions: ['Query'], leadingKeys: ['PETITION#*'] };
export const PUBLIC_THROTTLE = { rateLimit: 50, burstLimit: 100 };

/**
 * One route, declared in a module of its own (shared/routes/<id>.ts): its function imports only
 * that module, so a function's bundle holds its own route's schemas and no other's. `const` keeps
 * the schemas' own types, which the request middleware gives the handler.
 */
export function defineRoute<const R extends RouteDefinition>(route: R): R {
  return route;
}

export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
