import { SmsSink } from '../../local/sms-sink';
import { injectSmsPort, smsPortFromEnv } from '../../shared/adapters/notices-from-env';
import { SmsProviderError } from '../../shared/domain/sms-port';

const base = { AWS_REGION: 'me-central-1', TABLE_NAME: 'data' };
const cloud = {
  ...base,
  SMS_PROVIDER: 'kavenegar',
  SMS_API_BASE_URL: 'https://api.kavenegar.com/v1',
  SMS_API_KEY_SECRET_ARN: 'arn:aws:secretsmanager:me-central-1:000000000000:secret:SmsApiKey-abc123',
};
const message = { to: '09121234567', text: 'دفتر ۵۶۱۰۱\nدادخواست ثبت شد.', localId: '1' };

afterEach(() => injectSmsPort(undefined));

it('uses the HTTP provider with the configured sender line in AWS, its key read only when a message goes', () => {
  const port = smsPortFromEnv({ ...cloud, SMS_SENDER_LINE: '10004346' });

  expect(port.senderLine).toBe('10004346');
});

it.each([
  ['no sender line', cloud, 'no-sender-line'],
  ['an unknown provider', { ...cloud, SMS_PROVIDER: 'other', SMS_SENDER_LINE: '1000' }, 'unknown-provider'],
  ['a base URL that is not one', { ...cloud, SMS_API_BASE_URL: 'kavenegar', SMS_SENDER_LINE: '1000' }, 'bad-base-url'],
])('with %s, loads but refuses each message as a configuration problem (kept due, alarmed)', async (_, env, code) => {
  const refusal = await smsPortFromEnv(env)
    .send(message)
    .catch((error: unknown) => error);

  expect(refusal).toBeInstanceOf(SmsProviderError);
  expect(refusal).toMatchObject({ kind: 'configuration', providerCode: code });
});

it('refuses to load without the provider endpoint or the secret', () => {
  expect(() => smsPortFromEnv({ ...base, SMS_PROVIDER: 'kavenegar' })).toThrow(
    /SMS_API_BASE_URL, SMS_API_KEY_SECRET_ARN/,
  );
  expect(() => smsPortFromEnv(base)).toThrow(/SMS_PROVIDER/);
});

it('locally sends through the sink the runtime injects, even one injected after the port was made', async () => {
  const port = smsPortFromEnv({ ...base, SMS_PROVIDER: 'local-sink' });
  await expect(port.send(message)).rejects.toThrow('injected no SMS port');
  const sink = new SmsSink({ print: () => undefined });
  injectSmsPort(sink);

  await port.send(message);

  expect(sink.messages()).toMatchObject([{ to: '09*****4567', localId: '1' }]);
});
