import { signWebhook, verifyWebhookSignature, type WebhookRequest } from '../../shared/domain/webhook-signature';

const secret = 'whsec-test-0123456789abcdef';
const now = new Date('2025-10-04T06:30:00Z');
const nowSeconds = now.getTime() / 1000;
const body = JSON.stringify({ reports: [{ providerMessageId: '8792343', state: 'delivered', providerStatus: '10' }] });

const signed = (overrides: Partial<WebhookRequest> = {}, at = nowSeconds): WebhookRequest => ({
  rawBody: body,
  signature: signWebhook(secret, at, body),
  timestamp: String(at),
  ...overrides,
});

describe('delivery-report webhook signature', () => {
  it('accepts a request signed with the shared secret within the tolerance', () => {
    const verdict = verifyWebhookSignature(signed(), { secrets: [secret], now });

    expect(verdict).toEqual({ ok: true });
  });

  it('accepts the raw body as bytes, exactly as received', () => {
    const verdict = verifyWebhookSignature(signed({ rawBody: Buffer.from(body, 'utf8') }), { secrets: [secret], now });

    expect(verdict).toEqual({ ok: true });
  });

  it('refuses a signature made with another secret', () => {
    const forged = signWebhook('not-the-secret', nowSeconds, body);

    const verdict = verifyWebhookSignature(signed({ signature: forged }), { secrets: [secret], now });

    expect(verdict).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a tampered body', () => {
    const tampered = body.replace('delivered', 'undelivered');

    const verdict = verifyWebhookSignature(signed({ rawBody: tampered }), { secrets: [secret], now });

    expect(verdict).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a body re-serialised after parsing, so handlers must verify the raw bytes', () => {
    const reformatted = JSON.stringify(JSON.parse(body), null, 2);

    const verdict = verifyWebhookSignature(signed({ rawBody: reformatted }), { secrets: [secret], now });

    expect(verdict).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a timestamp changed without re-signing', () => {
    const verdict = verifyWebhookSignature(signed({ timestamp: String(nowSeconds - 10) }), { secrets: [secret], now });

    expect(verdict).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each([
    ['six minutes old (a replay)', nowSeconds - 360],
    ['six minutes in the future', nowSeconds + 360],
  ])('refuses a correctly signed request %s', (_, at) => {
    const verdict = verifyWebhookSignature(signed({}, at), { secrets: [secret], now });

    expect(verdict).toEqual({ ok: false, reason: 'stale-timestamp' });
  });

  it('accepts a request at the edge of the five-minute tolerance', () => {
    const verdict = verifyWebhookSignature(signed({}, nowSeconds - 300), { secrets: [secret], now });

    expect(verdict).toEqual({ ok: true });
  });

  it.each([
    ['no signature', { signature: undefined }, 'missing-signature'],
    ['no timestamp', { timestamp: undefined }, 'missing-timestamp'],
    ['a timestamp that is not a number', { timestamp: 'yesterday' }, 'malformed-timestamp'],
    ['a signature without its scheme', { signature: 'a'.repeat(64) }, 'malformed-signature'],
    ['a truncated signature', { signature: 'v1=abcd' }, 'malformed-signature'],
  ] as const)('refuses %s', (_, overrides, reason) => {
    const verdict = verifyWebhookSignature(signed(overrides), { secrets: [secret], now });

    expect(verdict).toEqual({ ok: false, reason });
  });

  it('accepts the previous secret during a rotation, and nothing with no secret configured', () => {
    const request = signed();

    expect(verifyWebhookSignature(request, { secrets: ['new-secret', secret], now })).toEqual({ ok: true });
    expect(verifyWebhookSignature(request, { secrets: [], now })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhookSignature(request, { secrets: [''], now })).toEqual({ ok: false, reason: 'bad-signature' });
  });
});
