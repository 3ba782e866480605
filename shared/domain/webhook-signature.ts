import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Authenticity of the delivery-report webhook, a public route: the provider signs each request
 * with a secret shared with us. The signature is HMAC-SHA256 over `<timestamp>.<raw body>`, so
 * neither the body nor the timestamp can be changed without the secret, and a timestamp outside
 * the tolerance refuses a replayed request. Comparison is constant-time, so response timing does
 * not leak how much of a forged signature was right. Pure: the time is passed in.
 */

export const SIGNATURE_HEADER = 'x-jeso-signature';
export const TIMESTAMP_HEADER = 'x-jeso-timestamp';
/** The signature header's value: the scheme, then the lower-case hex digest (`v1=3f9a…`). */
const SCHEME = 'v1';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type WebhookRefusal =
  | 'missing-signature'
  | 'missing-timestamp'
  | 'malformed-signature'
  | 'malformed-timestamp'
  | 'stale-timestamp'
  | 'bad-signature';

export type WebhookVerdict = { ok: true } | { ok: false; reason: WebhookRefusal };

const toBytes = (body: string | Uint8Array) =>
  typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);

function digest(secret: string, timestamp: string, rawBody: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(toBytes(rawBody)).digest();
}

/** The header value a provider (or a test) sends for this body at this time. */
export function signWebhook(secret: string, timestamp: number, rawBody: string | Uint8Array): string {
  return `${SCHEME}=${digest(secret, String(timestamp), rawBody).toString('hex')}`;
}

export interface WebhookRequest {
  /** The body exactly as received, before any parsing: re-serialised JSON would not verify. */
  rawBody: string | Uint8Array;
  signature: string | undefined;
  /** Unix seconds, as the provider sent it. */
  timestamp: string | undefined;
}

export interface WebhookVerification {
  /** Current secret first; during a rotation, the previous one too. */
  secrets: readonly string[];
  now: Date;
  toleranceSeconds?: number;
}

export function verifyWebhookSignature(request: WebhookRequest, verification: WebhookVerification): WebhookVerdict {
  const { secrets, now, toleranceSeconds = DEFAULT_TOLERANCE_SECONDS } = verification;
  if (!request.signature) return { ok: false, reason: 'missing-signature' };
  if (!request.timestamp) return { ok: false, reason: 'missing-timestamp' };
  if (!/^\d{1,12}$/.test(request.timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  const hex = new RegExp(`^${SCHEME}=([0-9a-f]{64})$`).exec(request.signature.trim())?.[1];
  if (!hex) return { ok: false, reason: 'malformed-signature' };
  const skewSeconds = Math.abs(now.getTime() / 1000 - Number(request.timestamp));
  if (skewSeconds > toleranceSeconds) return { ok: false, reason: 'stale-timestamp' };
  const given = Buffer.from(hex, 'hex');
  // Every secret is tried, matched or not, so the time taken does not tell which one matched.
  let valid = false;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    if (timingSafeEqual(given, digest(secret, request.timestamp, request.rawBody))) valid = true;
  }
  return valid ? { ok: true } : { ok: false, reason: 'bad-signature' };
}
