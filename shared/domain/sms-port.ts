/**
 * The SMS port: what the notifier needs of an SMS provider, shaped after Iranian providers' HTTP
 * APIs (a dedicated sender line, a send call with the sender's own message id, delivery reports
 * that arrive by webhook), since AWS's SMS services should not be expected to reach +98 numbers.
 * The contract a provider must meet is docs/sms-provider-contract.md; adapters live in
 * shared/adapters (an HTTP provider) and local/ (a sink that prints).
 */

/** Where a message stands, in the provider-neutral vocabulary every adapter maps its codes to. */
export const DELIVERY_STATES = ['queued', 'sent', 'delivered', 'undelivered', 'failed', 'blocked', 'unknown'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** States after which a message does not change any more: a later report for it is stale. */
export const FINAL_DELIVERY_STATES: ReadonlySet<DeliveryState> = new Set([
  'delivered',
  'undelivered',
  'failed',
  'blocked',
]);

export interface SmsMessage {
  /** The recipient's mobile, `09` and nine digits, looked up from the petition at sending time. */
  to: string;
  /** Persian text, already checked by `assertSendableSmsText` (the adapter checks it again). */
  text: string;
  /**
   * Our id for this message (`smsLocalId`: one per event and recipient). A provider that has seen
   * it answers with the first message instead of sending a second: retries stay exactly-once.
   */
  localId: string;
}

export interface SmsReceipt {
  providerMessageId: string;
  state: DeliveryState;
  /** The parts the provider billed, when it says. */
  segments?: number;
}

export interface DeliveryReport {
  providerMessageId: string;
  localId?: string;
  state: DeliveryState;
  /** The provider's own status code or word, kept for support cases. */
  providerStatus: string;
  /** When the provider observed the state, ISO 8601; absent when it does not say. */
  at?: string;
}

/**
 * Why a send failed, as the notifier must act on it: `retry` (later, with backoff; then the
 * dead-letter queue), `permanent` (this message will never go: record it, do not retry),
 * `configuration` (no message will go until an operator fixes the account: alarm).
 */
export type SmsFailureKind = 'retry' | 'permanent' | 'configuration';

export class SmsProviderError extends Error {
  constructor(
    readonly kind: SmsFailureKind,
    readonly providerCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'SmsProviderError';
  }
}

export interface SmsPort {
  /** The dedicated line messages go out from (a service line, not an advertising one). */
  readonly senderLine: string;
  /** Hands one message to the provider. Throws SmsProviderError; never resolves without a provider message id. */
  send(message: SmsMessage): Promise<SmsReceipt>;
  /**
   * The provider's current view of messages, asked with our own credentials. A webhook report
   * only says which message to look at: what gets recorded is what this answers.
   */
  status(providerMessageIds: readonly string[]): Promise<DeliveryReport[]>;
}
