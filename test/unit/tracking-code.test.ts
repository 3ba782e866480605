import fc from 'fast-check';
import {
  dammCheckDigit,
  isValidTrackingCode,
  newTrackingCode,
  TRACKING_CODE_LENGTH,
} from '../../shared/domain/tracking-code';

const code = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: TRACKING_CODE_LENGTH - 1, maxLength: TRACKING_CODE_LENGTH - 1 })
  .map((digits) => {
    let i = 0;
    return newTrackingCode(() => digits[i++]!);
  });

describe('tracking codes', () => {
  it('are 12 digits, never start with 0, and pass their own check', () => {
    fc.assert(fc.property(code, (c) => c.length === TRACKING_CODE_LENGTH && c[0] !== '0' && isValidTrackingCode(c)));
  });

  it('catch every single wrong digit', () => {
    fc.assert(
      fc.property(code, fc.nat(TRACKING_CODE_LENGTH - 1), fc.integer({ min: 1, max: 9 }), (c, position, shift) => {
        const wrong = c.slice(0, position) + String((Number(c[position]) + shift) % 10) + c.slice(position + 1);
        return !isValidTrackingCode(wrong);
      }),
    );
  });

  it('catch every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(code, fc.nat(TRACKING_CODE_LENGTH - 2), (c, i) => {
        fc.pre(c[i] !== c[i + 1]);
        const swapped = c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2);
        return !isValidTrackingCode(swapped);
      }),
    );
  });

  it('compute the Damm check digit of a known example', () => {
    expect(dammCheckDigit('572')).toBe(4);
  });
});
