import { assertSendableSmsText, maskMobile, smsSegments } from '../shared/domain/sms';
import type { DeliveryReport, SmsMessage, SmsPort, SmsReceipt } from '../shared/domain/sms-port';

/**
 * The SMS port of the local runtime: nothing leaves the machine. Each message is kept in memory
 * and printed, so `npm start` shows what a citizen would receive. It keeps the provider's
 * behaviour that matters for exactly-once sending: a local id seen before returns the first
 * message and sends (prints) nothing. It holds no personal data beyond the masked number: the
 * text never carries any (see shared/domain/sms.ts).
 */

export interface SinkRecord {
  providerMessageId: string;
  localId: string;
  /** `09*****4567` */
  to: string;
  text: string;
  segments: number;
  sentAt: string;
}

export interface SmsSinkOptions {
  senderLine?: string;
  /** Where each message is printed; tests collect it instead. */
  print?: (line: string) => void;
  now?: () => Date;
  /** Messages an earlier run sent (`npm start` keeps them in the data folder), so their local ids stay used. */
  sent?: readonly SinkRecord[];
  /** Called with each new message, after it is printed: `npm start` appends it to its file. */
  onRecord?: (record: SinkRecord) => void;
}

export class SmsSink implements SmsPort {
  readonly senderLine: string;
  private readonly print: (line: string) => void;
  private readonly now: () => Date;
  private readonly records: SinkRecord[] = [];
  private readonly byLocalId = new Map<string, SinkRecord>();
  private readonly onRecord: (record: SinkRecord) => void;

  constructor(options: SmsSinkOptions = {}) {
    this.senderLine = options.senderLine ?? '10000000';
    this.print = options.print ?? ((line) => console.log(line));
    this.now = options.now ?? (() => new Date());
    this.onRecord = options.onRecord ?? (() => undefined);
    for (const record of options.sent ?? []) {
      this.records.push(record);
      this.byLocalId.set(record.localId, record);
    }
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    assertSendableSmsText(message.text);
    const seen = this.byLocalId.get(message.localId);
    if (seen) return { providerMessageId: seen.providerMessageId, state: 'delivered', segments: seen.segments };
    const record: SinkRecord = {
      providerMessageId: `local-${this.records.length + 1}`,
      localId: message.localId,
      to: maskMobile(message.to),
      text: message.text,
      segments: smsSegments(message.text),
      sentAt: this.now().toISOString(),
    };
    this.records.push(record);
    this.byLocalId.set(record.localId, record);
    const parts = `${record.segments} part${record.segments > 1 ? 's' : ''}`;
    this.print(`[sms] ${record.sentAt} ${this.senderLine} → ${record.to} (${parts})\n${record.text}`);
    this.onRecord(record);
    return { providerMessageId: record.providerMessageId, state: 'delivered', segments: record.segments };
  }

  async status(providerMessageIds: readonly string[]): Promise<DeliveryReport[]> {
    return providerMessageIds.map((id): DeliveryReport => {
      const record = this.records.find((r) => r.providerMessageId === id);
      if (!record) return { providerMessageId: id, state: 'unknown', providerStatus: 'local-unknown' };
      const { localId, sentAt } = record;
      return { providerMessageId: id, localId, state: 'delivered', providerStatus: 'local-delivered', at: sentAt };
    });
  }

  /** What was sent, oldest first: for a script or a local route that lists messages. */
  messages(): readonly SinkRecord[] {
    return [...this.records];
  }
}
