import { PAYEE_LABELS } from '../domain/fees';
import { formatRialsForPeople, toPersianDigits } from '../domain/money';
import { PAYMENT_NEXT_STEP_TEXT, PAYMENT_OUTCOME_TEXT, PAYMENT_PAGE_TEXT } from '../i18n/fee-messages';
import type { Language } from '../i18n/messages';
import type { CallbackResult } from '../use-cases/payments';
import type { ApiResult } from './types';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page the payer's browser shows after the gateway sends it back: the outcome and, for a
 * verified payment, the receipt's numbers, in the payer's language. No links (notices with links
 * are how phishing imitates the judiciary) and nothing to click.
 */
export function paymentResultPage(result: CallbackResult, language: Language): ApiResult {
  const fa = language === 'fa';
  const digits = (text: string) => (fa ? toPersianDigits(text) : text);
  const text = PAYMENT_PAGE_TEXT[language];
  const rows: Array<[string, string]> = [
    [text.payee, PAYEE_LABELS[result.payment.payee][language]],
    [text.amount, `${formatRialsForPeople(BigInt(result.payment.amountRials), language)} ${text.rials}`],
  ];
  if (result.receipt) {
    rows.push([text.refNum, result.receipt.refNum]);
    if (result.receipt.traceNo) rows.push([text.traceNo, digits(result.receipt.traceNo)]);
  }
  const list = rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n');
  const title = PAYMENT_OUTCOME_TEXT[result.outcome][language];
  const body = `<!doctype html>
<html lang="${language}" dir="${fa ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body style="font-family: Tahoma, sans-serif; max-width: 32rem; margin: 2rem auto">
<h1>${escapeHtml(title)}</h1>
<dl>
${list}
</dl>
<p>${escapeHtml(PAYMENT_NEXT_STEP_TEXT[result.outcome][language])}</p>
</body>
</html>`;
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-language': language,
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
    body,
  };
}
