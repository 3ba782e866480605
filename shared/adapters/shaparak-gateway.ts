import { isRialsString, parseRials } from '../domain/money';
import type { GatewayCallback, GatewayReversal, GatewayVerification } from '../domain/payments';
import { parseExact, stringifyExact } from '../http/exact-json';
import {
  GatewayProtocolError,
  type GatewayReference,
  GatewayRefusedError,
  GatewayUnavailableError,
  type PaymentGateway,
  type PaymentRedirect,
  type PaymentTokenRequest,
} from '../ports';

/**
 * The PaymentGateway port over HTTP, in the protocol of Saman's SEP internet payment gateway
 * (sep.shaparak.ir), as its technical guide is described by the public integrations we could read
 * (the guide itself was not available to us; docs/payment-gateway-contract.md lists what was
 * assumed):
 *   token    POST {base}/onlinepg/onlinepg  JSON {action:"token", TerminalId, Amount, ResNum,
 *            RedirectUrl, CellNumber?, TokenExpiryInMin?} → {status: 1, token} | {status: -1, errorCode, errorDesc}
 *   redirect GET  {base}/OnlinePG/SendToken?token=…
 *   callback form POST to RedirectUrl: MID, TerminalId, State, Status, RefNum, ResNum, TraceNo,
 *            Rrn, Amount, AffectiveAmount, Wage, SecurePan, HashedCardNumber, Token
 *   verify   POST {base}/verifyTxnRandomSessionkey/ipg/VerifyTransaction {RefNum, TerminalNumber}
 *   reverse  POST {base}/verifyTxnRandomSessionkey/ipg/ReverseTransaction {RefNum, TerminalNumber}
 *            → {ResultCode, ResultDescription, Success, TransactionDetail: {RRN, RefNum, MaskedPan,
 *               HashedPan, TerminalNumber, OrginalAmount, AffectiveAmount, StraceDate, StraceNo}}
 * ResultCode 0 is success, 2 a repeat of an earlier success, -2 an unknown reference, -6 a verify
 * after the 30-minute window (the transaction has been reversed).
 */
export const SEP_PATHS = {
  token: '/onlinepg/onlinepg',
  sendToken: '/OnlinePG/SendToken',
  verify: '/verifyTxnRandomSessionkey/ipg/VerifyTransaction',
  reverse: '/verifyTxnRandomSessionkey/ipg/ReverseTransaction',
} as const;

export const SEP_RESULT = { ok: '0', duplicate: '2', notFound: '-2', windowElapsed: '-6' } as const;

export interface SepGatewayOptions {
  /** `https://sep.shaparak.ir` in production; the simulator's URL locally. */
  baseUrl: string;
  /**
   * Where payers' browsers reach the gateway's page, when not at `baseUrl`: only locally, where
   * the backend calls the simulator on 127.0.0.1 and a phone opens it at the laptop's address.
   */
  pageBaseUrl?: string;
  timeoutMs?: number;
  /** SEP accepts 20 to 3600 minutes. */
  tokenLifetimeMinutes?: number;
  verifyWindowMs?: number;
  fetch?: typeof fetch;
}

const TERMINAL = /^\d{1,12}$/;
const ORDER_ID = /^[A-Za-z0-9_-]{1,50}$/;
const PRINTABLE = /^[\x21-\x7e]{1,128}$/;

export class SepPaymentGateway implements PaymentGateway {
  readonly verifyWindowMs: number;
  readonly tokenLifetimeMs: number;
  private readonly baseUrl: string;
  private readonly pageBaseUrl: string;
  private readonly timeoutMs: number;
  private readonly tokenLifetimeMinutes: number;
  private readonly fetch: typeof fetch;

  constructor(options: SepGatewayOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.pageBaseUrl = (options.pageBaseUrl ?? options.baseUrl).replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.tokenLifetimeMinutes = options.tokenLifetimeMinutes ?? 20;
    this.tokenLifetimeMs = this.tokenLifetimeMinutes * 60_000;
    this.verifyWindowMs = options.verifyWindowMs ?? 30 * 60_000;
    this.fetch = options.fetch ?? fetch;
  }

  async requestToken(request: PaymentTokenRequest): Promise<{ token: string }> {
    if (!TERMINAL.test(request.terminalId)) throw new GatewayProtocolError('terminal-id');
    if (!ORDER_ID.test(request.orderId)) throw new GatewayProtocolError('order-id');
    const answer = record(
      await this.post('token', SEP_PATHS.token, {
        action: 'token',
        TerminalId: request.terminalId,
        Amount: parseRials(request.amountRials),
        ResNum: request.orderId,
        RedirectUrl: request.callbackUrl,
        CellNumber: request.mobile,
        TokenExpiryInMin: BigInt(this.tokenLifetimeMinutes),
      }),
    );
    const status = text(answer, 'status');
    const token = text(answer, 'token');
    if (status === '1' && token) return { token };
    throw new GatewayRefusedError(text(answer, 'errorCode') ?? status ?? '?', text(answer, 'errorDesc') ?? '');
  }

  redirect(token: string): PaymentRedirect {
    return {
      method: 'GET',
      url: `${this.pageBaseUrl}${SEP_PATHS.sendToken}?token=${encodeURIComponent(token)}`,
      fields: {},
    };
  }

  parseCallback(body: string | URLSearchParams | Record<string, unknown>): GatewayCallback {
    const fields = formFields(body);
    const field = (name: string, pattern: RegExp = PRINTABLE) => {
      const value = fields.get(name);
      if (value === undefined || value === '') return undefined;
      if (!pattern.test(value)) throw new GatewayProtocolError(`callback ${name}`);
      return value;
    };
    const gatewayState = field('State');
    const status = field('Status', /^-?\d{1,4}$/);
    const orderId = field('ResNum', ORDER_ID);
    const terminalId = field('TerminalId', TERMINAL) ?? field('MID', TERMINAL);
    if (!gatewayState || !orderId || !terminalId) {
      throw new GatewayProtocolError('callback without State, ResNum or TerminalId');
    }
    // SEP states the result twice, as a word and a number; a callback counts as paid only if both say so.
    const paid = gatewayState === 'OK' && (status === undefined || status === '2');
    const cancelled = gatewayState === 'CanceledByUser' || status === '1';
    const amountRials = field('Amount', /^\d{1,21}$/);
    const refNum = field('RefNum');
    if (paid && (!refNum || !amountRials || !isRialsString(amountRials))) {
      throw new GatewayProtocolError('paid callback without RefNum or Amount');
    }
    const optional = (key: keyof GatewayCallback, value: string | undefined) =>
      value === undefined ? {} : { [key]: value };
    return {
      terminalId,
      orderId,
      outcome: paid ? 'paid' : cancelled ? 'cancelled' : 'failed',
      gatewayState,
      ...optional('token', field('Token')),
      ...optional('refNum', refNum),
      ...optional('traceNo', field('TraceNo')),
      ...optional('rrn', field('Rrn')),
      ...optional('amountRials', amountRials),
      ...optional('maskedPan', field('SecurePan')),
    };
  }

  async verify(reference: GatewayReference): Promise<GatewayVerification> {
    const answer = await this.referenceCall('verify', SEP_PATHS.verify, reference);
    const code = text(answer, 'ResultCode');
    const success = answer.Success === true;
    if (success && (code === SEP_RESULT.ok || code === SEP_RESULT.duplicate)) {
      const detail = record(answer.TransactionDetail);
      const refNum = text(detail, 'RefNum');
      const terminalId = text(detail, 'TerminalNumber');
      const amountRials = text(detail, 'OrginalAmount');
      if (!refNum || !terminalId || !amountRials || !isRialsString(amountRials)) {
        throw new GatewayProtocolError('verify detail');
      }
      const optional = (key: string, value: string | undefined) => (value ? { [key]: value } : {});
      return {
        outcome: 'verified',
        duplicate: code === SEP_RESULT.duplicate,
        refNum,
        terminalId,
        amountRials,
        ...optional('traceNo', text(detail, 'StraceNo')),
        ...optional('rrn', text(detail, 'RRN')),
        ...optional('maskedPan', text(detail, 'MaskedPan')),
      };
    }
    return failure(code);
  }

  async reverse(reference: GatewayReference): Promise<GatewayReversal> {
    const answer = await this.referenceCall('reverse', SEP_PATHS.reverse, reference);
    const code = text(answer, 'ResultCode');
    if (answer.Success === true && (code === SEP_RESULT.ok || code === SEP_RESULT.duplicate)) {
      return { outcome: 'reversed', duplicate: code === SEP_RESULT.duplicate };
    }
    return failure(code);
  }

  private async referenceCall(
    operation: string,
    path: string,
    reference: GatewayReference,
  ): Promise<Record<string, unknown>> {
    if (!TERMINAL.test(reference.terminalId)) throw new GatewayProtocolError('terminal-id');
    if (!PRINTABLE.test(reference.refNum)) throw new GatewayProtocolError('ref-num');
    return record(
      await this.post(operation, path, { RefNum: reference.refNum, TerminalNumber: BigInt(reference.terminalId) }),
    );
  }

  private async post(
    operation: string,
    path: string,
    body: Record<string, string | bigint | undefined>,
  ): Promise<unknown> {
    let response: Response;
    let payload: string;
    try {
      response = await this.fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: stringifyExact(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      payload = await response.text();
    } catch (error) {
      throw new GatewayUnavailableError(operation, { cause: error });
    }
    if (response.status >= 500) throw new GatewayUnavailableError(operation);
    if (!response.ok) throw new GatewayProtocolError(`${operation} answered HTTP ${response.status}`);
    try {
      return parseExact(payload);
    } catch {
      throw new GatewayProtocolError(`${operation} answered something other than JSON`);
    }
  }
}

function failure(code: string | undefined): Exclude<GatewayVerification, { outcome: 'verified' }> {
  if (code === SEP_RESULT.notFound) return { outcome: 'unknown-reference' };
  if (code === SEP_RESULT.windowElapsed) return { outcome: 'window-elapsed' };
  return { outcome: 'refused', code: code ?? '?' };
}

function record(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GatewayProtocolError('expected a JSON object');
  }
  return value as Record<string, unknown>;
}

/** A field as text: numbers arrive as their source text from parseExact, so both kinds read the same. */
function text(from: Record<string, unknown>, key: string): string | undefined {
  const value = from[key];
  return typeof value === 'string' ? value : undefined;
}

function formFields(body: string | URLSearchParams | Record<string, unknown>): Map<string, string> {
  const fields = new Map<string, string>();
  const params =
    typeof body === 'string' ? new URLSearchParams(body) : body instanceof URLSearchParams ? body : undefined;
  if (params) {
    for (const [key, value] of params) {
      // A repeated field is a tampering attempt (which Amount is the real one?), never the gateway's doing.
      if (fields.has(key)) throw new GatewayProtocolError(`callback repeats ${key}`);
      fields.set(key, value);
    }
    return fields;
  }
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value === 'string') fields.set(key, value);
    else if (typeof value === 'number' && Number.isSafeInteger(value)) fields.set(key, String(value));
  }
  return fields;
}
