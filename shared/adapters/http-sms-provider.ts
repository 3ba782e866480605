import { assertSendableSmsText } from '../domain/sms';
import {
  type DeliveryReport,
  type DeliveryState,
  type SmsFailureKind,
  type SmsMessage,
  type SmsPort,
  SmsProviderError,
  type SmsReceipt,
} from '../domain/sms-port';

/**
 * The SMS port over an Iranian provider's HTTP API, written to the shape of Kavenegar's documented
 * REST API (v1): `POST {base}/{api-key}/sms/send.json` with form fields `receptor`, `sender`,
 * `message`, `localid`, answering `{ return: { status, message }, entries: [{ messageid, status,
 * statustext, … }] }`; `sms/status.json` with `messageid` for the current state of up to 500
 * messages. A `localid` already used is not sent again: the provider answers with the first
 * message, which is what makes a retried send exactly-once.
 *
 * Assumptions (the public docs and SDKs seen do not settle them; verify with the provider before
 * going live, see docs/sms-provider-contract.md): the numeric codes below; HTTP status mirroring
 * `return.status`; and the delivery callback's shape (form fields `messageid` and `status`,
 * unsigned), which is why a callback is treated as a hint and the state is read back with
 * `status()` before anything is recorded.
 *
 * The API key sits in the URL path: neither URLs nor request options are ever logged or put in an
 * error message here.
 */

export interface HttpSmsProviderConfig {
  apiKey: string;
  senderLine: string;
  /** Without the trailing slash; Kavenegar's is `https://api.kavenegar.com/v1`. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Per request; a timed-out send is retried with the same local id, so it cannot double. */
  timeoutMs?: number;
}

/** Kavenegar message status codes (`entries[].status`) in the port's vocabulary. */
export function kavenegarState(code: number): DeliveryState {
  switch (code) {
    case 1: // in the send queue
    case 2: // scheduled
      return 'queued';
    case 4: // handed to the operator
    case 5:
      return 'sent';
    case 6: // failed at the line
    case 13: // cancelled, charge refunded
      return 'failed';
    case 10:
      return 'delivered';
    case 11: // phone off or out of reach until the operator gave up
      return 'undelivered';
    case 14: // the recipient refuses messages from this kind of line
      return 'blocked';
    default: // 100: unknown id, not ours, or older than the provider keeps
      return 'unknown';
  }
}

const PERMANENT = new Set([400, 406, 411, 413, 414, 417, 419, 420, 422]);
const CONFIGURATION = new Set([401, 403, 404, 405, 407, 412, 416, 418, 426, 427, 501]);

/**
 * What the notifier should do after an API error code (`return.status`). Bad input for this one
 * message (an invalid number 411, a text refused 413/420/422) never succeeds on retry; account
 * problems (a wrong key 403, an unregistered sender line 412, no credit 418) stop every message
 * until an operator acts; anything else, and any unknown code, is retried.
 */
export function classifyKavenegarError(code: number): SmsFailureKind {
  if (PERMANENT.has(code)) return 'permanent';
  if (CONFIGURATION.has(code)) return 'configuration';
  return 'retry';
}

interface KavenegarEntry {
  messageid: number | string;
  status: number;
  statustext?: string;
  localid?: string;
}

interface KavenegarAnswer {
  return: { status: number; message?: string };
  entries?: KavenegarEntry[] | KavenegarEntry | null;
}

const MAX_STATUS_IDS = 500;

export class HttpSmsProvider implements SmsPort {
  readonly senderLine: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly config: HttpSmsProviderConfig) {
    if (!/^[0-9A-Za-z-]+$/.test(config.apiKey)) throw new Error('SMS provider API key missing or malformed');
    if (!/^\+?\d{4,20}$/.test(config.senderLine)) throw new Error('SMS sender line must be digits');
    this.senderLine = config.senderLine;
    this.fetch = config.fetch ?? globalThis.fetch;
    this.timeoutMs = config.timeoutMs ?? 10_000;
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    assertSendableSmsText(message.text);
    if (!/^09\d{9}$/.test(message.to)) {
      throw new SmsProviderError('permanent', 'receptor', 'recipient is not an Iranian mobile number');
    }
    const answer = await this.call('sms/send.json', {
      receptor: message.to,
      sender: this.senderLine,
      message: message.text,
      localid: message.localId,
    });
    const entry = entriesOf(answer)[0];
    if (!entry)
      throw new SmsProviderError('retry', 'no-entry', 'provider accepted the request but returned no message');
    return { providerMessageId: String(entry.messageid), state: kavenegarState(entry.status) };
  }

  async status(providerMessageIds: readonly string[]): Promise<DeliveryReport[]> {
    const reports: DeliveryReport[] = [];
    for (let i = 0; i < providerMessageIds.length; i += MAX_STATUS_IDS) {
      const ids = providerMessageIds.slice(i, i + MAX_STATUS_IDS);
      const answer = await this.call('sms/status.json', { messageid: ids.join(',') });
      for (const entry of entriesOf(answer)) {
        reports.push({
          providerMessageId: String(entry.messageid),
          ...(entry.localid ? { localId: String(entry.localid) } : {}),
          state: kavenegarState(entry.status),
          providerStatus: String(entry.status),
        });
      }
    }
    return reports;
  }

  private async call(method: string, form: Record<string, string>): Promise<KavenegarAnswer> {
    let response: Response;
    try {
      response = await this.fetch(`${this.config.baseUrl}/${this.config.apiKey}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // The error of fetch may quote the URL, and with it the key: only its name goes on.
      throw new SmsProviderError('retry', 'network', `SMS provider unreachable (${(error as Error).name})`);
    }
    let answer: KavenegarAnswer;
    try {
      answer = (await response.json()) as KavenegarAnswer;
    } catch {
      throw new SmsProviderError(
        'retry',
        `http-${response.status}`,
        `SMS provider answered ${response.status} without JSON`,
      );
    }
    const code = answer?.return?.status;
    if (typeof code !== 'number') {
      throw new SmsProviderError('retry', `http-${response.status}`, 'SMS provider answer has no status');
    }
    if (code !== 200) {
      throw new SmsProviderError(classifyKavenegarError(code), String(code), `SMS provider refused (${code})`);
    }
    return answer;
  }
}

function entriesOf(answer: KavenegarAnswer): KavenegarEntry[] {
  const entries = answer.entries;
  if (!entries) return [];
  return Array.isArray(entries) ? entries : [entries];
}

/**
 * Reads a delivery callback in the shape assumed for Kavenegar (form fields `messageid`, `status`).
 * It names a message; it proves nothing, as it is not signed: confirm with `status()`.
 */
export function parseKavenegarCallback(
  rawBody: string,
): { providerMessageId: string; providerStatus: string } | undefined {
  const form = new URLSearchParams(rawBody);
  const providerMessageId = form.get('messageid');
  const providerStatus = form.get('status');
  if (!providerMessageId || !/^\d{1,20}$/.test(providerMessageId)) return undefined;
  if (!providerStatus || !/^\d{1,4}$/.test(providerStatus)) return undefined;
  return { providerMessageId, providerStatus };
}
