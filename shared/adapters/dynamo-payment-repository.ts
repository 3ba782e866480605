import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { PAYEES, type Payee } from '../domain/fees';
import { formatRials, parseRials } from '../domain/money';
import type { Payment } from '../domain/payments';
import type { PetitionEvent } from '../events/petition-events';
import type { CounterIncrement, PaymentRepository } from '../ports';
import { keys } from './dynamo-keys';
import { outboxPut } from './dynamo-outbox';
import { paymentFromItem, paymentsFromItems } from './dynamo-payment-items';
import { queryAll } from './dynamo-query';
import { counterUpdate, failedConditions, transactWrite } from './dynamo-transactions';

/**
 * Payment attempts beside their petition (`PETITION#<id>` / `PAYMENT#<order id>`), and one claim
 * item per gateway reference, so that one RefNum never pays for two payments. A payment's version
 * guards every change: of two concurrent callbacks for one payment, one transaction wins and the
 * other writes nothing, its counters included.
 */
export class DynamoPaymentRepository implements PaymentRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async forPetition(petitionId: string): Promise<Payment[]> {
    const prefix = keys.paymentsPrefix(petitionId);
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :payment)',
      ExpressionAttributeValues: { ':pk': prefix.pk, ':payment': prefix.skPrefix },
      ConsistentRead: true,
    });
    return paymentsFromItems(items);
  }

  async get(petitionId: string, orderId: string): Promise<Payment | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.payment(petitionId, orderId), ConsistentRead: true }),
    );
    return Item ? paymentFromItem(Item) : undefined;
  }

  async create(payment: Payment): Promise<boolean> {
    const put = {
      TableName: this.tableName,
      Item: paymentItem(payment),
      ConditionExpression: 'attribute_not_exists(pk)',
    };
    try {
      // Only test and demo seeding create a payment already verified; its totals move with it.
      if (payment.state === 'verified') {
        await transactWrite(this.db, { TransactItems: [{ Put: put }, { Update: this.paidTotalsUpdate(payment) }] });
      } else {
        await this.db.send(new PutCommand(put));
      }
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException || failedConditions(error)?.[0]) return false;
      throw error;
    }
  }

  /**
   * Adds a verified payment to its petition's paid totals. Verification is final and happens once:
   * the payment's own write is conditioned on its not being verified already, so no payment adds twice.
   */
  private paidTotalsUpdate(payment: Payment) {
    return {
      TableName: this.tableName,
      Key: keys.paidTotals(payment.petitionId),
      UpdateExpression: 'SET entity = :entity ADD #payee :amount',
      ExpressionAttributeNames: { '#payee': payment.payee },
      ExpressionAttributeValues: { ':entity': 'paid-totals', ':amount': parseRials(payment.amountRials) },
    };
  }

  async referenceHolder(terminalId: string, refNum: string): Promise<string | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.paymentReference(terminalId, refNum),
        ConsistentRead: true,
      }),
    );
    return typeof Item?.paymentId === 'string' ? Item.paymentId : undefined;
  }

  async save(
    payment: Payment,
    previousVersion: number,
    counters: CounterIncrement[],
    events: PetitionEvent[] = [],
  ): ReturnType<PaymentRepository['save']> {
    const reference = payment.refNum
      ? [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...keys.paymentReference(payment.terminalId, payment.refNum),
                entity: 'payment-reference',
                paymentId: payment.paymentId,
                petitionId: payment.petitionId,
              },
              // Claimed by this payment, or by none yet.
              ConditionExpression: 'attribute_not_exists(pk) OR paymentId = :me',
              ExpressionAttributeValues: { ':me': payment.paymentId },
            },
          },
        ]
      : [];
    const verifies = payment.state === 'verified';
    try {
      await transactWrite(this.db, {
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: paymentItem(payment),
              ...(verifies
                ? {
                    ConditionExpression: 'version = :previous AND #state <> :verified',
                    ExpressionAttributeNames: { '#state': 'state' },
                    ExpressionAttributeValues: { ':previous': previousVersion, ':verified': 'verified' },
                  }
                : {
                    ConditionExpression: 'version = :previous',
                    ExpressionAttributeValues: { ':previous': previousVersion },
                  }),
            },
          },
          ...reference,
          ...(verifies ? [{ Update: this.paidTotalsUpdate(payment) }] : []),
          ...counters.map((c) => ({ Update: counterUpdate(this.tableName, c) })),
          // The payment-verified event, in the outbox of the same transaction as the payment.
          ...events.map((event) => outboxPut(this.tableName, event)),
        ],
      });
      return 'ok';
    } catch (error) {
      const failed = failedConditions(error);
      if (!failed) throw error;
      if (failed[0]) return 'payment-changed';
      if (failed[1] && reference.length > 0) return 'reference-taken';
      throw error;
    }
  }
}

/** The paid-totals item as rials per payee (DynamoDB adds numbers of up to 38 digits exactly). */
export function paidTotalsFromItem(item: Record<string, unknown>): Record<Payee, string> {
  const amount = (payee: Payee) => formatRials(parseRials(String(item[payee] ?? 0)));
  return Object.fromEntries(PAYEES.map((payee) => [payee, amount(payee)])) as Record<Payee, string>;
}

function paymentItem(payment: Payment): Record<string, unknown> {
  return { ...keys.payment(payment.petitionId, payment.orderId), entity: 'payment', ...payment };
}
