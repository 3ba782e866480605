import { randomInt } from 'node:crypto';

/** A fresh office code per call, so tests in one file never collide on data. */
export function uniqueOfficeCode(): string {
  return String(randomInt(10_000_000, 99_999_999));
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
