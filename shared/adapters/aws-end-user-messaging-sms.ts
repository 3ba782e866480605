import type { SendTextMessageRequest, SendTextMessageResult } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { assertSendableSmsText } from '../domain/sms';
import {
  type DeliveryReport,
  type SmsFailureKind,
  type SmsMessage,
  type SmsPort,
  SmsProviderError,
  type SmsReceipt,
} from '../domain/sms-port';

/**
 * The SMS port over AWS End User Messaging SMS (`pinpoint-sms-voice-v2`, `SendTextMessage`), the
 * second adapter of the port, for where AWS's channel reaches the recipients. It does not reach
 * +98 numbers today (AWS does not serve Iran), so the stack deploys the Iranian provider's HTTP
 * adapter; this one is chosen with `SMS_PROVIDER=aws-end-user-messaging`.
 *
 * Differences from the HTTP provider, which the notifier's claim-before-send absorbs:
 * - no deduplication on our local id: it travels in the message's `Context`, and a send that timed
 *   out after AWS accepted it may go twice (the claim stops every other duplicate);
 * - no status query: delivery arrives through the configuration set's event destinations, so
 *   `status()` answers `unknown` for each id and the reports come by the event route instead.
 * It takes the SDK's send as a function: the client is loaded only where this adapter is chosen
 * (shared/adapters/notices-from-env.ts), so no other bundle carries it.
 */
export class AwsEndUserMessagingSms implements SmsPort {
  constructor(
    private readonly sendText: (input: SendTextMessageRequest) => Promise<Pick<SendTextMessageResult, 'MessageId'>>,
    readonly senderLine: string,
    private readonly configurationSetName?: string,
  ) {}

  async send(message: SmsMessage): Promise<SmsReceipt> {
    assertSendableSmsText(message.text);
    try {
      const { MessageId } = await this.sendText({
        DestinationPhoneNumber: e164(message.to),
        OriginationIdentity: this.senderLine,
        MessageBody: message.text,
        MessageType: 'TRANSACTIONAL',
        Context: { localId: message.localId },
        ...(this.configurationSetName ? { ConfigurationSetName: this.configurationSetName } : {}),
      });
      if (!MessageId) throw new SmsProviderError('retry', 'no-message-id', 'AWS answered without a message id');
      return { providerMessageId: MessageId, state: 'sent' };
    } catch (error) {
      if (error instanceof SmsProviderError) throw error;
      if (isServiceRefusal(error))
        // The exception's name only: its message may quote the destination number.
        throw new SmsProviderError(failureKind(error), error.name, `End User Messaging refused: ${error.name}`);
      throw new SmsProviderError('retry', 'network', 'End User Messaging could not be reached');
    }
  }

  async status(providerMessageIds: readonly string[]): Promise<DeliveryReport[]> {
    return providerMessageIds.map((providerMessageId) => ({ providerMessageId, state: 'unknown', providerStatus: '' }));
  }
}

/** An Iranian mobile (`09…`, as petitions hold it) in the E.164 form AWS takes (`+989…`). */
export function e164(mobile: string): string {
  if (!/^09\d{9}$/.test(mobile)) throw new SmsProviderError('permanent', 'bad-number', 'not an Iranian mobile number');
  return `+98${mobile.slice(1)}`;
}

/** What to do about each refusal, by the service's documented exception names. */
export function failureKind(error: { name: string }): SmsFailureKind {
  switch (error.name) {
    case 'ThrottlingException':
    case 'ServiceQuotaExceededException':
    case 'InternalServerException':
      return 'retry';
    case 'AccessDeniedException':
    case 'ResourceNotFoundException': // the origination identity or configuration set
      return 'configuration';
    default: // ValidationException, ConflictException (an opted-out number) and anything new
      return 'permanent';
  }
}

/** An answer of the service (it carries response metadata), as opposed to a network failure. */
function isServiceRefusal(error: unknown): error is { name: string } {
  return error instanceof Error && '$metadata' in error && '$fault' in error;
}
