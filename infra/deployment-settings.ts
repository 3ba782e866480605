import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PLACEHOLDER_TERMINAL_ID, TERMINAL_ID_PATTERN } from '../shared/domain/payments';

/**
 * Deployment settings that the cloud stack and the local runtime must agree on. They come from
 * CDK context (`cdk.json`, or `-c name=value` on the command line); the local runtime reads the
 * same `cdk.json`, so one setting drives both and they cannot drift apart.
 */

/** Iran's nearest AWS region; AWS serves no region in Iran. */
export const DEFAULT_REGION = 'me-central-1';

/** A front end under development (Vite's default port). */
export const DEFAULT_ALLOWED_ORIGINS = ['http://localhost:5173'];

/** Where the hosted sign-in returns a front end under development. */
export const DEFAULT_CALLBACK_URLS = ['http://localhost:5173/auth/callback'];
export const DEFAULT_LOGOUT_URLS = ['http://localhost:5173/'];

/**
 * What browsers may send and read. The headers are exactly the ones the handlers read
 * (`authorization`, `content-type`, `idempotency-key`, `accept-language`, the correlation id) and
 * the ones clients need back (`location` after a create, `retry-after` on 429/503, the
 * correlation id to quote, `content-disposition` for report files).
 */
export const API_CORS = {
  allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const,
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'accept-language', 'x-correlation-id'],
  exposeHeaders: ['location', 'retry-after', 'x-correlation-id', 'content-disposition'],
  /** Browsers cache a preflight answer this long (Chromium caps it at 2 hours). */
  maxAgeSeconds: 3600,
};

/**
 * The documents bucket: browsers PUT scans to presigned URLs with the signed headers and GET
 * them back. `content-length` is not listed: browsers set it themselves and never preflight it.
 */
export const DOCUMENTS_CORS = {
  allowMethods: ['PUT', 'GET', 'HEAD'] as const,
  allowHeaders: ['content-type', 'x-amz-checksum-sha256', 'x-amz-sdk-checksum-algorithm', 'x-amz-tagging'],
  exposeHeaders: ['etag'],
  maxAgeSeconds: 3600,
};

/** Saman's SEP internet payment gateway (the adapter's dialect), production. */
export const DEFAULT_PAYMENT_GATEWAY_URL = 'https://sep.shaparak.ir';
/**
 * A placeholder for the judiciary's terminal: the gateway refuses it, so court fees cannot be
 * taken until the real terminal is set (`-c judiciaryTerminalId=...`).
 */
export const PLACEHOLDER_JUDICIARY_TERMINAL = PLACEHOLDER_TERMINAL_ID;

export interface DeploymentSettings {
  region: string;
  allowedOrigins: string[];
  callbackUrls: string[];
  logoutUrls: string[];
  /** The hosted sign-in domain prefix (`<prefix>.auth.<region>.amazoncognito.com`), when configured. */
  authDomainPrefix?: string;
  /** The payment gateway's base URL and the judiciary's terminal, which court fees are paid to. */
  paymentGatewayUrl: string;
  judiciaryTerminalId: string;
  /**
   * The API's public base URL (a custom domain), for the gateway's callback; the HTTP API's own
   * endpoint when absent.
   */
  publicApiUrl?: string;
  /** The SMS provider's API base URL (the HTTP adapter, shared/adapters/http-sms-provider.ts). */
  smsApiBaseUrl: string;
  /** The dedicated sender line SMS notices go out from; until it is set, no SMS is sent (and the notifier alarms). */
  smsSenderLine?: string;
}

/** Kavenegar's REST API, the provider the HTTP adapter is written to. */
export const DEFAULT_SMS_API_BASE_URL = 'https://api.kavenegar.com/v1';

type ContextReader = (key: string) => unknown;

/** Reads the settings from CDK context; throws with the setting's name when one is malformed. */
export function deploymentSettings(context: ContextReader, env: NodeJS.ProcessEnv = process.env): DeploymentSettings {
  // CDK_DEFAULT_REGION is not a choice: the CDK CLI always sets it (us-east-1 when nothing is
  // configured), so honouring it would silently deploy away from the intended region.
  const region = stringSetting('region', context('region') ?? env.JESO_REGION) ?? DEFAULT_REGION;
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) throw new Error(`region: not an AWS region name: "${region}"`);
  const domain = stringSetting('authDomainPrefix', context('authDomainPrefix'));
  if (domain !== undefined && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(domain)) {
    throw new Error(`authDomainPrefix: lower-case letters, digits and hyphens only: "${domain}"`);
  }
  const terminal =
    stringSetting('judiciaryTerminalId', context('judiciaryTerminalId')) ?? PLACEHOLDER_JUDICIARY_TERMINAL;
  if (!TERMINAL_ID_PATTERN.test(terminal) && terminal !== PLACEHOLDER_TERMINAL_ID)
    throw new Error(`judiciaryTerminalId: 4 to 12 digits, the first not 0: "${terminal}"`);
  const publicApiUrl = stringSetting('publicApiUrl', context('publicApiUrl'));
  const smsSenderLine = stringSetting('smsSenderLine', context('smsSenderLine'));
  if (smsSenderLine !== undefined && !/^\+?\d{4,20}$/.test(smsSenderLine))
    throw new Error(`smsSenderLine: digits only (a provider's sender line): "${smsSenderLine}"`);
  const smsApiBaseUrl = stringSetting('smsApiBaseUrl', context('smsApiBaseUrl')) ?? DEFAULT_SMS_API_BASE_URL;
  if (!smsApiBaseUrl.startsWith('https://') || smsApiBaseUrl.endsWith('/'))
    throw new Error(`smsApiBaseUrl: an https URL without a trailing slash: "${smsApiBaseUrl}"`);
  return {
    region,
    paymentGatewayUrl: httpsUrl(
      'paymentGatewayUrl',
      stringSetting('paymentGatewayUrl', context('paymentGatewayUrl')) ?? DEFAULT_PAYMENT_GATEWAY_URL,
    ),
    judiciaryTerminalId: terminal,
    ...(publicApiUrl ? { publicApiUrl: httpsUrl('publicApiUrl', publicApiUrl).replace(/\/+$/, '') } : {}),
    allowedOrigins: listSetting('allowedOrigins', context('allowedOrigins'), DEFAULT_ALLOWED_ORIGINS).map(origin),
    callbackUrls: listSetting('callbackUrls', context('callbackUrls'), DEFAULT_CALLBACK_URLS).map(url),
    logoutUrls: listSetting('logoutUrls', context('logoutUrls'), DEFAULT_LOGOUT_URLS).map(url),
    ...(domain ? { authDomainPrefix: domain } : {}),
    smsApiBaseUrl,
    ...(smsSenderLine ? { smsSenderLine } : {}),
  };
}

/** The settings as `cdk.json` gives them, for the local runtime (which has no CDK context of its own). */
export function localDeploymentSettings(projectRoot = process.cwd(), env: NodeJS.ProcessEnv = process.env) {
  const cdkJson = JSON.parse(readFileSync(resolve(projectRoot, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return deploymentSettings((key) => cdkJson.context?.[key], env);
}

function stringSetting(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`${name}: expected a string`);
  return value;
}

/** A list from `cdk.json` (a JSON array) or from `-c name=a,b` (a comma-separated string). */
function listSetting(name: string, value: unknown, fallback: string[]): string[] {
  if (value === undefined || value === null || value === '') return fallback;
  const items = typeof value === 'string' ? value.split(',').map((v) => v.trim()) : value;
  if (!Array.isArray(items) || items.length === 0 || items.some((v) => typeof v !== 'string' || v === '')) {
    throw new Error(`${name}: expected a non-empty list of strings`);
  }
  return items as string[];
}

/** An origin is scheme, host and port: no path, and never `*` (staff routes carry bearer tokens). */
function origin(value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`allowedOrigins: not an origin: "${value}"`);
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.origin !== value.replace(/\/$/, '')) {
    throw new Error(`allowedOrigins: an origin is scheme://host[:port] with no path: "${value}"`);
  }
  return parsed.origin;
}

/** Money and its callbacks travel over TLS only. */
function httpsUrl(name: string, value: string): string {
  try {
    if (new URL(value).protocol === 'https:') return value;
  } catch {
    // fall through to the error below
  }
  throw new Error(`${name}: not an https URL: "${value}"`);
}

function url(value: string): string {
  try {
    const parsed = new URL(value);
    // Cognito allows plain http only for localhost.
    if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && parsed.hostname === 'localhost')) return value;
  } catch {
    // fall through to the error below
  }
  throw new Error(`not an https URL (http only for localhost): "${value}"`);
}
