/**
 * Iranian national identifiers. A person's national code (کد ملی) is 10 digits whose last digit is
 * a check digit over the first nine (weights 10..2, r = sum mod 11, check = r < 2 ? r : 11 - r).
 * A legal entity's national ID (شناسه ملی) is 11 digits; its check digit adds (tens digit + 2) to
 * each of the first ten digits, weights 29, 27, 23, 19, 17 repeating, then sum mod 11 (10 → 0).
 */
export function isValidPersonNationalId(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  if (/^(\d)\1{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digits[i]! * (10 - i);
  const remainder = sum % 11;
  const check = remainder < 2 ? remainder : 11 - remainder;
  return digits[9] === check;
}

const LEGAL_WEIGHTS = [29, 27, 23, 19, 17];

export function isValidLegalEntityId(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  if (/^(\d)\1{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const bias = digits[9]! + 2;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits[i]! + bias) * LEGAL_WEIGHTS[i % 5]!;
  const check = sum % 11 === 10 ? 0 : sum % 11;
  return digits[10] === check;
}

/** Builds a valid person national ID from nine digits: demo data and tests need real-looking IDs. */
export function withPersonCheckDigit(firstNine: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const remainder = sum % 11;
  return firstNine + String(remainder < 2 ? remainder : 11 - remainder);
}
