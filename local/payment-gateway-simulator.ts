import { createHash, randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SEP_PATHS } from '../shared/adapters/shaparak-gateway';
import { formatRialsForPeople, toPersianDigits } from '../shared/domain/money';
import { type ExactJson, parseExact, stringifyExact } from '../shared/http/exact-json';

/**
 * A local stand-in for a Shaparak internet payment gateway, speaking the SEP protocol that
 * shared/adapters/shaparak-gateway.ts speaks (token, payment page, browser callback, verify,
 * reverse). What it keeps true, because the backend's safety depends on it: a verify of a
 * reference it never issued is refused; a repeated verify answers the same detail (ResultCode 2)
 * and counts once; a payment not verified within the window is reversed by the gateway itself,
 * and a verify after that answers -6. No framework: node:http, and HTML a browser can click.
 */
export interface GatewaySimulatorOptions {
  /** 0 (default) takes a free port. */
  port?: number;
  host?: string;
  /** Terminals that exist (a list, or a test of the id); a token for any other is refused. */
  terminals: readonly string[] | ((terminalId: string) => boolean);
  /** After a payment, how long a verify is accepted before the automatic reversal. SEP: 30 minutes. */
  verifyWindowMs?: number;
  /** The simulator's clock, so tests can move past the window without waiting. */
  now?: () => number;
  /** How often to look for payments to reverse; 0 for never (they are still found on each request). */
  sweepIntervalMs?: number;
}

export type SimulatedState = 'pending' | 'cancelled' | 'paid' | 'verified' | 'reversed' | 'expired';

export interface SimulatedTransaction {
  token: string;
  terminalId: string;
  amount: bigint;
  resNum: string;
  redirectUrl: string;
  state: SimulatedState;
  createdAt: number;
  tokenExpiresAt: number;
  refNum?: string;
  traceNo?: string;
  rrn?: string;
  paidAt?: number;
  verifiedAt?: number;
  reversedAt?: number;
  /** Reversed by the window, not by a reverse request. */
  autoReversed: boolean;
  /** What the browser posted (or would post) back to the merchant. */
  callback?: Record<string, string>;
}

export interface RunningGatewaySimulator {
  baseUrl: string;
  /**
   * Drives the payment page without a browser: what clicking "pay" or "cancel" does, returning
   * the fields the browser would post to the callback URL. Clicking twice returns the same.
   */
  pay(token: string, choice?: 'pay' | 'cancel'): Record<string, string>;
  /** Reverses paid-but-unverified payments past the window and expires stale tokens; returns how many changed. */
  sweep(): number;
  transaction(tokenOrRefNum: string): Readonly<SimulatedTransaction> | undefined;
  /** Money the gateway has settled for the merchant: verified and not reversed, once each. */
  settled(): { count: number; amount: bigint };
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
const ORDER_ID = /^[A-Za-z0-9_-]{1,50}$/;
const PAY_PATH = '/OnlinePG/pay';
const PAYMENT_PAGE_POST = '/OnlinePG/OnlinePG';

export async function startPaymentGatewaySimulator(options: GatewaySimulatorOptions): Promise<RunningGatewaySimulator> {
  const now = options.now ?? Date.now;
  const windowMs = options.verifyWindowMs ?? 30 * 60_000;
  const known = options.terminals;
  const isTerminal = typeof known === 'function' ? known : (id: string) => known.includes(id);
  const byToken = new Map<string, SimulatedTransaction>();
  const byRef = new Map<string, SimulatedTransaction>();
  const resNums = new Set<string>();

  function sweep(): number {
    let changed = 0;
    const at = now();
    for (const tx of byToken.values()) {
      if (tx.state === 'paid' && at - tx.paidAt! >= windowMs) {
        Object.assign(tx, { state: 'reversed', reversedAt: at, autoReversed: true });
        changed += 1;
      } else if (tx.state === 'pending' && at >= tx.tokenExpiresAt) {
        tx.state = 'expired';
        changed += 1;
      }
    }
    return changed;
  }

  function pay(token: string, choice: 'pay' | 'cancel' = 'pay'): Record<string, string> {
    sweep();
    const tx = byToken.get(token);
    if (!tx) throw new SimulatorError(404, 'توکن یافت نشد.');
    if (tx.callback) return tx.callback;
    if (tx.state !== 'pending') throw new SimulatorError(410, 'زمان استفاده از این توکن گذشته است.');
    const base = { MID: tx.terminalId, TerminalId: tx.terminalId, ResNum: tx.resNum, Token: tx.token };
    if (choice === 'cancel') {
      tx.state = 'cancelled';
      tx.callback = { ...base, State: 'CanceledByUser', Status: '1' };
      return tx.callback;
    }
    const pan = `6037${String(randomInt(10 ** 6)).padStart(6, '0')}${String(randomInt(10 ** 6)).padStart(6, '0')}`;
    Object.assign(tx, {
      state: 'paid',
      paidAt: now(),
      refNum: randomBytes(24).toString('base64url'),
      traceNo: String(randomInt(100_000, 1_000_000)),
      rrn: String(randomInt(10 ** 11, 10 ** 12)),
    });
    byRef.set(tx.refNum!, tx);
    tx.callback = {
      ...base,
      State: 'OK',
      Status: '2',
      RefNum: tx.refNum!,
      TraceNo: tx.traceNo!,
      Rrn: tx.rrn!,
      Amount: tx.amount.toString(),
      AffectiveAmount: tx.amount.toString(),
      Wage: '0',
      SecurePan: `${pan.slice(0, 6)}******${pan.slice(-4)}`,
      HashedCardNumber: createHash('sha256').update(pan).digest('hex'),
    };
    return tx.callback;
  }

  function tokenRequest(body: unknown): ExactJson {
    const fields = lowerKeys(body);
    const refuse = (errorCode: string, errorDesc: string): ExactJson => ({ status: -1n, errorCode, errorDesc });
    const terminalId = fields.get('terminalid');
    const amount = fields.get('amount');
    const resNum = fields.get('resnum');
    const redirectUrl = fields.get('redirecturl');
    const lifetime = fields.get('tokenexpiryinmin') ?? '20';
    if (fields.get('action')?.toLowerCase() !== 'token') return refuse('5', 'پارامترهای ارسالی نامعتبر است.');
    if (!terminalId || !isTerminal(terminalId)) return refuse('12', 'شماره ترمینال ارسال شده یافت نشد.');
    if (!amount || !/^[1-9]\d{0,20}$/.test(amount)) return refuse('5', 'مبلغ نامعتبر است.');
    if (!resNum || !ORDER_ID.test(resNum)) return refuse('5', 'شماره سفارش (ResNum) نامعتبر است.');
    // ResNum exists to stop double spending, so one order id buys one token.
    if (resNums.has(`${terminalId}:${resNum}`)) return refuse('5', 'شماره سفارش (ResNum) تکراری است.');
    if (!redirectUrl || !isHttpUrl(redirectUrl)) return refuse('5', 'نشانی بازگشت نامعتبر است.');
    if (!/^\d{2,4}$/.test(lifetime) || Number(lifetime) < 20 || Number(lifetime) > 3600) {
      return refuse('5', 'مدت اعتبار توکن نامعتبر است.');
    }
    const token = randomBytes(16).toString('hex');
    const createdAt = now();
    byToken.set(token, {
      token,
      terminalId,
      amount: BigInt(amount),
      resNum,
      redirectUrl,
      state: 'pending',
      createdAt,
      tokenExpiresAt: createdAt + Number(lifetime) * 60_000,
      autoReversed: false,
    });
    resNums.add(`${terminalId}:${resNum}`);
    return { status: 1n, token };
  }

  function detail(tx: SimulatedTransaction): ExactJson {
    return {
      RRN: tx.rrn!,
      RefNum: tx.refNum!,
      MaskedPan: tx.callback?.SecurePan ?? '',
      HashedPan: tx.callback?.HashedCardNumber ?? '',
      TerminalNumber: BigInt(tx.terminalId),
      OrginalAmount: tx.amount,
      AffectiveAmount: tx.amount,
      StraceDate: new Date(tx.paidAt!).toISOString(),
      StraceNo: tx.traceNo!,
    };
  }

  function findPaid(body: unknown): SimulatedTransaction | undefined {
    const fields = lowerKeys(body);
    const tx = byRef.get(fields.get('refnum') ?? '');
    // Another terminal's reference answers exactly like a missing one.
    return tx && tx.terminalId === fields.get('terminalnumber') ? tx : undefined;
  }

  const answer = (code: bigint, description: string, success: boolean, tx?: SimulatedTransaction): ExactJson => ({
    ...(tx ? { TransactionDetail: detail(tx) } : {}),
    ResultCode: code,
    ResultDescription: description,
    Success: success,
  });

  function verify(body: unknown): ExactJson {
    sweep();
    const tx = findPaid(body);
    if (!tx) return answer(-2n, 'تراکنش یافت نشد.', false);
    if (tx.state === 'reversed') return answer(-6n, 'زمان مجاز تأیید گذشته و تراکنش برگشت خورده است.', false);
    if (tx.state === 'verified') return answer(2n, 'درخواست تکراری است؛ تراکنش پیش‌تر تأیید شده است.', true, tx);
    Object.assign(tx, { state: 'verified', verifiedAt: now() });
    return answer(0n, 'عملیات با موفقیت انجام شد.', true, tx);
  }

  function reverse(body: unknown): ExactJson {
    sweep();
    const tx = findPaid(body);
    if (!tx) return answer(-2n, 'تراکنش یافت نشد.', false);
    if (tx.state === 'reversed') return answer(2n, 'درخواست تکراری است؛ تراکنش پیش‌تر برگشت خورده است.', true, tx);
    if (now() - tx.paidAt! >= windowMs) return answer(-6n, 'زمان مجاز برگشت تراکنش گذشته است.', false);
    Object.assign(tx, { state: 'reversed', reversedAt: now() });
    return answer(0n, 'تراکنش برگشت خورد.', true, tx);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status = error instanceof SimulatorError ? error.status : 500;
      const message = error instanceof SimulatorError ? error.message : 'خطای داخلی شبیه‌ساز.';
      if (!response.headersSent) {
        send(response, status, 'text/html; charset=utf-8', page('خطا', `<p>${escapeHtml(message)}</p>`));
      } else {
        response.end();
      }
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const route = `${request.method} ${url.pathname}`;
    const json = (value: ExactJson) => send(response, 200, 'application/json; charset=utf-8', stringifyExact(value));
    switch (route) {
      case `POST ${SEP_PATHS.token}`:
        return json(tokenRequest(await readJson(request)));
      case `POST ${SEP_PATHS.verify}`:
        return json(verify(await readJson(request)));
      case `POST ${SEP_PATHS.reverse}`:
        return json(reverse(await readJson(request)));
      case `GET ${SEP_PATHS.sendToken}`:
        return paymentPage(response, url.searchParams.get('token') ?? '');
      case `POST ${PAYMENT_PAGE_POST}`:
        return paymentPage(response, new URLSearchParams(await readBody(request)).get('Token') ?? '');
      case `POST ${PAY_PATH}`: {
        const form = new URLSearchParams(await readBody(request));
        const choice = form.get('choice') === 'cancel' ? 'cancel' : 'pay';
        const token = form.get('token') ?? '';
        const fields = pay(token, choice);
        return send(response, 200, 'text/html; charset=utf-8', callbackPage(byToken.get(token)!.redirectUrl, fields));
      }
      default:
        return send(response, 404, 'application/json; charset=utf-8', JSON.stringify({ message: 'not found' }));
    }
  }

  function paymentPage(response: ServerResponse, token: string): void {
    sweep();
    const tx = byToken.get(token);
    if (!tx) throw new SimulatorError(404, 'توکن یافت نشد.');
    if (tx.state !== 'pending') throw new SimulatorError(410, 'این توکن دیگر قابل استفاده نیست.');
    const body = `
<p>این صفحه شبیه‌ساز است و هیچ پولی جابه‌جا نمی‌شود.</p>
<dl>
  <dt>مبلغ</dt><dd>${formatRialsForPeople(tx.amount, 'fa')} ریال</dd>
  <dt>پایانه</dt><dd>${toPersianDigits(escapeHtml(tx.terminalId))}</dd>
  <dt>شماره سفارش</dt><dd dir="ltr">${escapeHtml(tx.resNum)}</dd>
</dl>
<form method="post" action="${PAY_PATH}">
  <input type="hidden" name="token" value="${escapeHtml(tx.token)}">
  <button type="submit" name="choice" value="pay">پرداخت</button>
  <button type="submit" name="choice" value="cancel">انصراف</button>
</form>`;
    send(response, 200, 'text/html; charset=utf-8', page('درگاه پرداخت اینترنتی (شبیه‌ساز)', body));
  }

  const host = options.host ?? '127.0.0.1';
  await ensureListening(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const timer = options.sweepIntervalMs === 0 ? undefined : setInterval(sweep, options.sweepIntervalMs ?? 1000);
  timer?.unref();

  return {
    baseUrl: `http://${host}:${port}`,
    pay,
    sweep,
    transaction: (key) => byToken.get(key) ?? byRef.get(key),
    settled: () => {
      const verified = [...byToken.values()].filter((tx) => tx.state === 'verified');
      return { count: verified.length, amount: verified.reduce((sum, tx) => sum + tx.amount, 0n) };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (timer) clearInterval(timer);
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

class SimulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function ensureListening(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function readBody(request: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new SimulatorError(413, 'درخواست بیش از حد بزرگ است.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  try {
    return parseExact(await readBody(request));
  } catch (error) {
    if (error instanceof SimulatorError) throw error;
    return {};
  }
}

/** SEP's .NET binding ignores the case of field names (integrations send both ResNum and Resnum). */
function lowerKeys(body: unknown): Map<string, string> {
  const fields = new Map<string, string>();
  if (body === null || typeof body !== 'object') return fields;
  for (const [key, value] of Object.entries(body)) if (typeof value === 'string') fields.set(key.toLowerCase(), value);
  return fields;
}

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
  response.end(body);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="font-family: Tahoma, sans-serif; max-width: 32rem; margin: 2rem auto">
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>`;
}

/** The browser's way back to the merchant: a form posted by itself, as real gateways do. */
function callbackPage(redirectUrl: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `  <input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const body = `
<form id="callback" method="post" action="${escapeHtml(redirectUrl)}">
${inputs}
  <noscript><button type="submit">بازگشت به سایت پذیرنده</button></noscript>
</form>
<script>document.getElementById('callback').submit();</script>`;
  return page('بازگشت به سایت پذیرنده', body);
}
