import { randomInt } from 'node:crypto';

/** A fresh office code per call, so tests in one file never collide on data. */
export function uniqueOfficeCode(): string {
  return String(randomInt(10_000_000, 99_999_999));
}

/** A fresh payment terminal id per call (7 and ten digits: never a demo office's `9<code>` or the judiciary's). */
export function uniqueTerminalId(): string {
  return `7${randomInt(1_000_000_000, 9_999_999_999)}`;
}

export function officeBody(overrides: Record<string, unknown> = {}) {
  return {
    officeCode: uniqueOfficeCode(),
    name: 'دفتر خدمات الکترونیک قضایی مود',
    provinceCode: '29',
    judicialDistrict: 'سربیشه',
    county: 'سربیشه',
    bakhsh: 'مود',
    deprivedArea: true,
    status: 'planned',
    plannedOpeningBy: '2019-09-22',
    contact: { phone: '05632221234', address: 'خراسان جنوبی، مود، خیابان اصلی' },
    ...overrides,
  };
}
