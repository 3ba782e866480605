import { byCodePoint } from '../domain/order';
import type { Payment } from '../domain/payments';

/**
 * Payment items as the ports give them, oldest first, an order id breaking a tie: a module of its
 * own, so that the petition reader (a citizen's track reads the payments with the petition) needs
 * nothing of the payment repository.
 */
export function paymentsFromItems(items: readonly Record<string, unknown>[]): Payment[] {
  return items
    .map(paymentFromItem)
    .sort((a, b) => byCodePoint(a.createdAt, b.createdAt) || byCodePoint(a.orderId, b.orderId));
}

/** One payment item as the ports give it. */
export function paymentFromItem(item: Record<string, unknown>): Payment {
  const { pk: _pk, sk: _sk, entity: _entity, ...payment } = item;
  return payment as unknown as Payment;
}
