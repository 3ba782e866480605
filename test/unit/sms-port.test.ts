import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SmsSink } from '../../local/sms-sink';
import {
  classifyKavenegarError,
  HttpSmsProvider,
  kavenegarState,
  parseKavenegarCallback,
} from '../../shared/adapters/http-sms-provider';
import { UnsafeSmsTextError } from '../../shared/domain/sms';
import { SmsProviderError } from '../../shared/domain/sms-port';
import { deliveryReportWebhookSchema, officeShortNameSchema } from '../../shared/schemas/notices';

const API_KEY = '4D6F636B2D6B6579';
const text = 'دفتر ۱۰۱ بیرجند\nدادخواست ۹۸۷۶۵۴۳۲۱۰۹۶ ثبت و برای مرجع قضایی فرستاده شد.';
const message = { to: '09121234567', text, localId: '008596225878696463' };

interface Received {
  path: string;
  contentType: string | undefined;
  form: URLSearchParams;
}

/** A stand-in for the provider on the loopback interface: real HTTP, answers scripted per test. */
class FakeProvider {
  readonly received: Received[] = [];
  answer: (request: Received) => { status: number; body: string } = () => ({ status: 200, body: '{}' });
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const request = { path: req.url ?? '', contentType: req.headers['content-type'], form };
      this.received.push(request);
      const { status, body } = this.answer(request);
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** Kavenegar's answer shape: `return` with the API code, `entries` with the messages. */
const answer = (code: number, entries: unknown) => ({
  status: code,
  body: JSON.stringify({ return: { status: code, message: '' }, entries }),
});
const accepted = (entries: unknown) => answer(200, entries);
const refused = (code: number) => answer(code, null);

describe('HTTP SMS provider (Kavenegar-shaped)', () => {
  const fake = new FakeProvider();
  let provider: HttpSmsProvider;

  beforeAll(async () => {
    const baseUrl = await fake.start();
    provider = new HttpSmsProvider({ apiKey: API_KEY, senderLine: '10004346', baseUrl, timeoutMs: 2000 });
  });
  afterAll(() => fake.stop());
  beforeEach(() => fake.received.splice(0));

  it('posts receptor, sender, message and local id as a form to sms/send.json under the API key', async () => {
    fake.answer = () =>
      accepted([{ messageid: 8792343, status: 1, statustext: 'در صف ارسال', receptor: '09121234567' }]);

    const receipt = await provider.send(message);

    expect(receipt).toEqual({ providerMessageId: '8792343', state: 'queued' });
    expect(fake.received).toHaveLength(1);
    const [request] = fake.received;
    expect(request?.path).toBe(`/v1/${API_KEY}/sms/send.json`);
    expect(request?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(request!.form)).toEqual({
      receptor: '09121234567',
      sender: '10004346',
      message: text,
      localid: message.localId,
    });
  });

  it.each([
    [411, 'permanent'], // invalid recipient
    [418, 'configuration'], // no credit
    [403, 'configuration'], // wrong API key
    [409, 'retry'], // provider busy
  ] as const)('turns provider code %i into a %s failure', async (code, kind) => {
    fake.answer = () => refused(code);

    const failure = await provider.send(message).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SmsProviderError);
    expect(failure).toMatchObject({ kind, providerCode: String(code) });
  });

  it('treats an answer that is not JSON as a failure to retry', async () => {
    fake.answer = () => ({ status: 502, body: '<html>bad gateway</html>' });

    await expect(provider.send(message)).rejects.toMatchObject({ kind: 'retry', providerCode: 'http-502' });
  });

  it('never puts the API key in an error, even when the provider is unreachable', async () => {
    const baseUrl = 'http://127.0.0.1:9/v1'; // the discard port: nothing listens
    const offline = new HttpSmsProvider({ apiKey: API_KEY, senderLine: '10004346', baseUrl, timeoutMs: 500 });

    const failure = (await offline.send(message).catch((error: unknown) => error)) as SmsProviderError;

    expect(failure.kind).toBe('retry');
    expect(`${failure.message} ${failure.stack}`).not.toContain(API_KEY);
  });

  it('refuses a text with a link before anything leaves the machine', async () => {
    await expect(provider.send({ ...message, text: 'ابلاغیه: sana.adliran.ir' })).rejects.toThrow(UnsafeSmsTextError);
    expect(fake.received).toHaveLength(0);
  });

  it('refuses a number that is not an Iranian mobile as a permanent failure, without calling the provider', async () => {
    await expect(provider.send({ ...message, to: '+15551234567' })).rejects.toMatchObject({ kind: 'permanent' });
    expect(fake.received).toHaveLength(0);
  });

  it('asks sms/status.json for the current state, at most 500 ids a call', async () => {
    const delivered = (id: string) => ({ messageid: Number(id), status: 10, statustext: 'رسیده به گیرنده' });
    fake.answer = (request) => accepted((request.form.get('messageid') ?? '').split(',').map(delivered));
    const ids = Array.from({ length: 501 }, (_, i) => String(1000 + i));

    const reports = await provider.status(ids);

    expect(fake.received.map((r) => r.path)).toEqual([
      `/v1/${API_KEY}/sms/status.json`,
      `/v1/${API_KEY}/sms/status.json`,
    ]);
    expect(reports).toHaveLength(501);
    expect(reports[0]).toEqual({ providerMessageId: '1000', state: 'delivered', providerStatus: '10' });
  });

  it.each([
    [1, 'queued'],
    [4, 'sent'],
    [6, 'failed'],
    [10, 'delivered'],
    [11, 'undelivered'],
    [14, 'blocked'],
    [100, 'unknown'],
  ] as const)('maps message status %i to %s', (code, state) => {
    expect(kavenegarState(code)).toBe(state);
  });

  it('treats an unknown error code as worth a retry', () => {
    expect(classifyKavenegarError(599)).toBe('retry');
  });

  it('reads a delivery callback only as a pointer to a message, refusing anything else', () => {
    const callback = parseKavenegarCallback('messageid=8792343&status=10');

    expect(callback).toEqual({ providerMessageId: '8792343', providerStatus: '10' });
    expect(parseKavenegarCallback('messageid=abc&status=10')).toBeUndefined();
    expect(parseKavenegarCallback('status=10')).toBeUndefined();
  });
});

describe('local SMS sink', () => {
  it('prints each message with the masked number only, and lists it', async () => {
    const printed: string[] = [];
    const sink = new SmsSink({ print: (line) => printed.push(line), now: () => new Date('2025-10-04T06:30:00Z') });

    const receipt = await sink.send(message);

    expect(receipt).toMatchObject({ providerMessageId: 'local-1', state: 'delivered', segments: 2 });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain('09*****4567');
    expect(printed[0]).toContain(text);
    expect(printed.join()).not.toContain('09121234567');
    expect(sink.messages()).toEqual([expect.objectContaining({ to: '09*****4567', localId: message.localId, text })]);
  });

  it('sends a local id once: a retried notice is neither printed nor listed twice', async () => {
    const printed: string[] = [];
    const sink = new SmsSink({ print: (line) => printed.push(line) });

    const first = await sink.send(message);
    const retry = await sink.send(message);

    expect(retry.providerMessageId).toBe(first.providerMessageId);
    expect(printed).toHaveLength(1);
    expect(sink.messages()).toHaveLength(1);
  });

  it('refuses a text with a link, as a real provider adapter does', async () => {
    const sink = new SmsSink({ print: () => undefined });

    await expect(sink.send({ ...message, text: 'پیگیری: http://x.ir' })).rejects.toThrow(UnsafeSmsTextError);
  });

  it('reports what it delivered when asked for a status', async () => {
    const sink = new SmsSink({ print: () => undefined });
    const { providerMessageId } = await sink.send(message);

    const reports = await sink.status([providerMessageId, 'local-99']);

    expect(reports.map((r) => r.state)).toEqual(['delivered', 'unknown']);
  });
});

describe('notice schemas', () => {
  it.each([
    ['a Persian short name of 30 characters', 'دفتر خدمات قضایی شهرستان بیرجن', true],
    ['31 characters', 'دفتر خدمات قضایی شهرستان بیرجند', false],
    ['a Persian-script domain', 'دفتر عدل.ایران', false],
    ['Latin letters', 'office 101', false],
  ])('an office short name of %s is %s', (_, value, ok) => {
    expect(officeShortNameSchema.safeParse(value).success).toBe(ok);
  });

  it('accepts a delivery-report body of the contract and refuses one with anything more', () => {
    const report = {
      providerMessageId: '8792343',
      localId: '008596225878696463',
      state: 'delivered',
      providerStatus: '10',
    };

    expect(deliveryReportWebhookSchema.safeParse({ reports: [report] }).success).toBe(true);
    expect(deliveryReportWebhookSchema.safeParse({ reports: [{ ...report, receptor: '09121234567' }] }).success).toBe(
      false,
    );
  });
});
