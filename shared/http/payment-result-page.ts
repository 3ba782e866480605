import { PAYEE_LABELS } from '../domain/fees';
import { formatRialsForPeople, toPersianDigits } from '../domain/money';
import type { Language } from '../i18n/messages';
import type { CallbackResult } from '../use-cases/payments';
import type { ApiResult } from './types';

const TEXT = {
  verified: { fa: 'پرداخت تأیید شد', en: 'Payment confirmed' },
  failed: { fa: 'پرداخت انجام نشد', en: 'Payment not made' },
  reversed: { fa: 'پرداخت برگشت خورد', en: 'Payment given back' },
} as const;

const NEXT = {
  verified: {
    fa: 'رسید این پرداخت نزد دفتر ثبت شد. این صفحه را می‌توانید ببندید و به دفتر برگردید.',
    en: 'The office has the receipt of this payment. You may close this page and return to the office.',
  },
  failed: {
    fa: 'پولی کسر نشده است، یا اگر کسر شده باشد درگاه آن را خودکار برمی‌گرداند. دوباره از دفتر بخواهید.',
    en: 'Nothing was taken, or the gateway gives back what was taken by itself. Ask the office to try again.',
  },
  reversed: {
    fa: 'مبلغ به کارت برگردانده شد. دوباره از دفتر بخواهید.',
    en: 'The amount was returned to the card. Ask the office to try again.',
  },
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page the payer's browser shows after the gateway sends it back: the outcome and, for a
 * verified payment, the receipt's numbers, in the payer's language. No links (notices with links
 * are how phishing imitates the judiciary) and nothing to click.
 */
export function paymentResultPage(result: CallbackResult, language: Language): ApiResult {
  const fa = language === 'fa';
  const digits = (text: string) => (fa ? toPersianDigits(text) : text);
  const rows: Array<[string, string]> = [
    [fa ? 'دریافت‌کننده' : 'Payee', PAYEE_LABELS[result.payment.payee][language]],
    [
      fa ? 'مبلغ' : 'Amount',
      `${formatRialsForPeople(BigInt(result.payment.amountRials), language)} ${fa ? 'ریال' : 'rials'}`,
    ],
  ];
  if (result.receipt) {
    rows.push([fa ? 'شماره مرجع' : 'Reference number', result.receipt.refNum]);
    if (result.receipt.traceNo) rows.push([fa ? 'شماره پیگیری' : 'Trace number', digits(result.receipt.traceNo)]);
  }
  const list = rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n');
  const title = TEXT[result.outcome][language];
  const body = `<!doctype html>
<html lang="${language}" dir="${fa ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title></head>
<body style="font-family: Tahoma, sans-serif; max-width: 32rem; margin: 2rem auto">
<h1>${escapeHtml(title)}</h1>
<dl>
${list}
</dl>
<p>${escapeHtml(NEXT[result.outcome][language])}</p>
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
