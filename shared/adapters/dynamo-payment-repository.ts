import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Payment } from '../domain/payments';
import type { PetitionEvent } from '../events/petition-events';
import type { CounterIncrement, PaymentRepository } from '../ports';
import { keys } from './dynamo-keys';
import { outboxPut } from './dynamo-outbox';
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
    const payments: Payment[] = [];
    let startKey: Record<string, unknown> | undefined;
    const prefix = keys.paymentsPrefix(petitionId);
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :payment)',
          ExpressionAttributeValues: { ':pk': prefix.pk, ':payment': prefix.skPrefix },
          ConsistentRead: true,
          ExclusiveStartKey: startKey,
        }),
      );
      payments.push(...(page.Items ?? []).map(paymentFromItem));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return payments.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.orderId.localeCompare(b.orderId));
  }

  async get(petitionId: string, orderId: string): Promise<Payment | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.payment(petitionId, orderId), ConsistentRead: true }),
    );
    return Item ? paymentFromItem(Item) : undefined;
  }

  async create(payment: Payment): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: paymentItem(payment),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
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
    try {
      await transactWrite(this.db, {
        TransactItems: [
          {
            Put: {
              TableName: this.tableName,
              Item: paymentItem(payment),
              ConditionExpression: 'version = :previous',
              ExpressionAttributeValues: { ':previous': previousVersion },
            },
          },
          ...reference,
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

function paymentItem(payment: Payment): Record<string, unknown> {
  return { ...keys.payment(payment.petitionId, payment.orderId), entity: 'payment', ...payment };
}

function paymentFromItem(item: Record<string, unknown>): Payment {
  const { pk: _pk, sk: _sk, entity: _entity, ...payment } = item;
  return payment as unknown as Payment;
}
