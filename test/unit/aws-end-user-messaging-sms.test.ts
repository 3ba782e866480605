import {
  AccessDeniedException,
  type SendTextMessageRequest,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { AwsEndUserMessagingSms, e164 } from '../../shared/adapters/aws-end-user-messaging-sms';
import { smsPortFromEnv } from '../../shared/adapters/notices-from-env';
import { SmsProviderError } from '../../shared/domain/sms-port';

/**
 * The second SMS adapter, AWS End User Messaging SMS. AWS's service has no local engine, so its
 * answers are the SDK's own exception classes thrown by a stand-in for the client's send.
 */
const message = { to: '09151234567', text: 'دادخواست ۱۲۳ ثبت شد. دفتر بیرجند ۱', localId: '000000000000000042' };
const metadata = { $metadata: {}, message: 'refused for +989151234567' };

describe('the AWS End User Messaging SMS adapter', () => {
  it('sends a transactional text from the origination identity to the E.164 number, our id in its context', async () => {
    const sent: SendTextMessageRequest[] = [];
    const port = new AwsEndUserMessagingSms(
      async (input) => {
        sent.push(input);
        return { MessageId: 'msg-1' };
      },
      '+15555550100',
      'jeso-notices',
    );

    const receipt = await port.send(message);

    expect(receipt).toEqual({ providerMessageId: 'msg-1', state: 'sent' });
    expect(sent).toEqual([
      {
        DestinationPhoneNumber: '+989151234567',
        OriginationIdentity: '+15555550100',
        MessageBody: message.text,
        MessageType: 'TRANSACTIONAL',
        Context: { localId: message.localId },
        ConfigurationSetName: 'jeso-notices',
      },
    ]);
  });

  it.each([
    ['throttling', new ThrottlingException(metadata), 'retry'],
    ['access denied', new AccessDeniedException(metadata), 'configuration'],
    ['a validation error', new ValidationException({ ...metadata, Reason: 'INVALID_PARAMETER' }), 'permanent'],
    ['a network failure', new TypeError('fetch failed'), 'retry'],
  ])('turns %s into the failure kind the notifier acts on, naming no number', async (_case, refusal, kind) => {
    const port = new AwsEndUserMessagingSms(async () => {
      throw refusal;
    }, '+15555550100');

    const failure = await port.send(message).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(SmsProviderError);
    expect(failure).toMatchObject({ kind });
    expect(String((failure as Error).message)).not.toMatch(/9151234567/);
  });

  it('refuses a text with a link before calling AWS', async () => {
    let called = false;
    const port = new AwsEndUserMessagingSms(async () => {
      called = true;
      return { MessageId: 'x' };
    }, '+15555550100');

    await expect(port.send({ ...message, text: 'به adliran.ir بروید' })).rejects.toThrow();
    expect(called).toBe(false);
  });

  it('writes Iranian mobiles in E.164 and refuses anything else', () => {
    expect(e164('09121234567')).toBe('+989121234567');
    expect(() => e164('+15555550100')).toThrow(SmsProviderError);
  });

  it('is chosen by SMS_PROVIDER, and without an origination identity refuses each message as a configuration problem', async () => {
    const port = smsPortFromEnv({
      AWS_REGION: 'eu-central-1',
      TABLE_NAME: 'data',
      SMS_PROVIDER: 'aws-end-user-messaging',
    });

    await expect(port.send(message)).rejects.toMatchObject({
      kind: 'configuration',
      providerCode: 'no-origination-identity',
    });
  });
});
