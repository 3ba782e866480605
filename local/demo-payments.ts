import { petitionAdaptersFromEnv } from '../shared/adapters/from-env';
import { newPayment, orderIdFor, type Payment } from '../shared/domain/payments';
import { balanceOf } from '../shared/use-cases/fees';
import { DEMO_JUDICIARY_TERMINAL } from './seed';

/**
 * For tests and benches about something else than payments (at a fixed clock the gateway cannot
 * follow, or thousands of drafts): writes
 * a verified payment per payee for what the stored quote still asks, as the callback would after
 * a successful verify (no counters: the collections are not what such tests count).
 */
export async function recordPaidInFull(petitionId: string, at = new Date()): Promise<void> {
  const { petitions, payments } = petitionAdaptersFromEnv();
  const petition = await petitions.get(petitionId);
  if (!petition?.quote) throw new Error(`no quote on ${petitionId}`);
  const existing = await payments.forPetition(petitionId);
  const balance = balanceOf(petition, existing);
  let attempt = existing.length;
  for (const payee of ['judiciary', 'office'] as const) {
    const due = balance?.[payee].dueRials ?? '0';
    if (due === '0') continue;
    attempt++;
    const orderId = orderIdFor(petitionId, attempt);
    const payment = newPayment(
      {
        paymentId: orderId,
        petitionId,
        officeCode: petition.officeCode,
        payee,
        terminalId: payee === 'judiciary' ? DEMO_JUDICIARY_TERMINAL : `9${petition.officeCode}`,
        orderId,
        amountRials: due,
        token: `test-${orderId}`,
        quote: { versionId: petition.quote.schedule.versionId, quotedAt: petition.quote.quotedAt },
      },
      at,
    );
    const verified: Payment = {
      ...payment,
      state: 'verified',
      refNum: `T${Date.now()}${attempt}`,
      callbackAt: at.toISOString(),
      verifiedAt: at.toISOString(),
    };
    if (!(await payments.create(verified))) throw new Error(`payment ${orderId} exists`);
  }
}
