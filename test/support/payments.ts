import { handler as getPetitionFees } from '../../functions/get-petition-fees';
import { handler as paymentCallback } from '../../functions/payment-callback';
import { handler as startPayment } from '../../functions/start-payment';
import { seedDemoSchedules } from '../../local/seed';
import { petitionAdaptersFromEnv } from '../../shared/adapters/from-env';
import type { Payee } from '../../shared/domain/fees';
import type { PaymentRedirect } from '../../shared/ports';
import { type Answer, apiEvent, type Caller, call } from './api-event';

/**
 * Paying through the local gateway simulator the way a payer does: the office starts a payment,
 * the payer's browser opens the gateway's page and presses a button, and the page posts the
 * callback back through the browser. The simulator runs for the whole jest run (global-setup.ts).
 */

const decodeHtml = (text: string) => text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));

/** What the payer's browser does on the gateway's page; answers the form fields it posts back to us. */
export async function payAtGateway(
  redirect: { url: string },
  choice: 'pay' | 'cancel' = 'pay',
): Promise<Record<string, string>> {
  const page = await (await fetch(redirect.url)).text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  const token = /name="token" value="([^"]+)"/.exec(page)?.[1];
  if (!action || !token) throw new Error(`not a payment page: ${page.slice(0, 200)}`);
  const answer = await (
    await fetch(new URL(action, redirect.url), { method: 'POST', body: new URLSearchParams({ token, choice }) })
  ).text();
  const fields: Record<string, string> = {};
  for (const m of answer.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[decodeHtml(m[1]!)] = decodeHtml(m[2]!);
  }
  if (!fields.ResNum) throw new Error(`no callback form: ${answer.slice(0, 200)}`);
  return fields;
}

/** The callback as the browser posts it: a form, asking for JSON (a browser would take the HTML page). */
export function callbackEvent(fields: Record<string, string>, extra: { accept?: string; rawBody?: string } = {}) {
  return apiEvent('payment-callback', {
    rawBody: extra.rawBody ?? new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: extra.accept ?? 'application/json' },
  });
}

export async function postCallback(fields: Record<string, string>): Promise<Answer> {
  return call(paymentCallback, callbackEvent(fields));
}

export async function startPaymentFor(caller: Caller, petitionId: string, payee: Payee): Promise<Answer> {
  return call(startPayment, apiEvent('start-payment', { caller, pathParameters: { petitionId }, body: { payee } }));
}

export async function feesOf(caller: Caller, petitionId: string): Promise<Answer> {
  return call(getPetitionFees, apiEvent('get-petition-fees', { caller, pathParameters: { petitionId } }));
}

/** Starts a payment to one payee and pays it at the gateway; answers the callback's answer. */
export async function pay(caller: Caller, petitionId: string, payee: Payee): Promise<Answer> {
  const started = await startPaymentFor(caller, petitionId, payee);
  if (started.status !== 201 && started.status !== 200) {
    throw new Error(`payment not started: ${started.status} ${JSON.stringify(started.body)}`);
  }
  return postCallback(await payAtGateway(started.body.redirect as PaymentRedirect));
}

/** Pays whatever the petition owes each payee, through the gateway; answers the receipts now held. */
export async function payInFull(caller: Caller, petitionId: string): Promise<Answer['body'][]> {
  const fees = await feesOf(caller, petitionId);
  for (const payee of ['judiciary', 'office'] as const) {
    if (fees.body.balance?.[payee].dueRials !== '0') {
      const paid = await pay(caller, petitionId, payee);
      if (paid.body.outcome !== 'verified') throw new Error(`payment not verified: ${JSON.stringify(paid.body)}`);
    }
  }
  return (await feesOf(caller, petitionId)).body.receipts;
}

export { recordPaidInFull } from '../../local/demo-payments';

/** Demo fee schedules for the Solar Hijri year of `at` (and the next), for drafts at a fixed clock. */
export async function demoSchedulesFor(at: Date): Promise<void> {
  await seedDemoSchedules(petitionAdaptersFromEnv().schedules, at);
}

/**
 * The same payment through an HTTP API (the local gateway, `npm start`): the office starts each
 * payment, the payer pays at the simulator's page, and the browser's callback form goes to the
 * API's callback route. Answers the receipts.
 */
export async function payInFullOverHttp(baseUrl: string, authorization: string, petitionId: string) {
  const feesOver = async () => {
    const answer = await fetch(`${baseUrl}/v1/petitions/${petitionId}/fees`, { headers: { authorization } });
    return (await answer.json()) as {
      balance: Record<Payee, { dueRials: string }> | null;
      receipts: Record<string, unknown>[];
    };
  };
  const fees = await feesOver();
  for (const payee of ['judiciary', 'office'] as const) {
    if (fees.balance?.[payee].dueRials === '0') continue;
    const started = await fetch(`${baseUrl}/v1/petitions/${petitionId}/payments`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ payee }),
    });
    if (started.status !== 201 && started.status !== 200) {
      throw new Error(`payment not started: ${started.status} ${await started.text()}`);
    }
    const { redirect } = (await started.json()) as { redirect: PaymentRedirect };
    const callback = await fetch(`${baseUrl}/v1/payments/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(await payAtGateway(redirect)).toString(),
    });
    const answer = (await callback.json()) as { outcome?: string };
    if (answer.outcome !== 'verified') throw new Error(`payment not verified: ${JSON.stringify(answer)}`);
  }
  return (await feesOver()).receipts;
}
