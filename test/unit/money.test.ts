import fc from 'fast-check';
import {
  applyBasisPoints,
  divide,
  formatRials,
  formatRialsForPeople,
  parseRials,
  percentText,
  sumRials,
} from '../../shared/domain/money';

describe('rials as exact integers', () => {
  it('reads and writes amounts far beyond 2^53 without losing a digit', () => {
    // Prepare: 2^53 + 1 is the first integer a double cannot hold; the petition form allows 21 digits.
    const texts = ['9007199254740993', '999999999999999999999'];

    // Act
    const roundTrips = texts.map((text) => formatRials(parseRials(text)));

    // Assess
    expect(roundTrips).toEqual(texts);
  });

  it.each(['', '-1', '01', '1.5', '1e9', ' 12', '12 ', '۱۲', '1,000', '1000000000000000000000'])(
    'refuses %j as an amount of rials',
    (text) => {
      expect(() => parseRials(text)).toThrow('not-rials');
    },
  );

  it('refuses to write a negative amount: differences are due or credit, never a signed amount', () => {
    expect(() => formatRials(-1n)).toThrow('negative-rials');
  });

  it('sums exactly and groups digits for people in Persian and English', () => {
    const total = sumRials([parseRials('9007199254740993'), 7n]);

    expect(formatRials(total)).toBe('9007199254741000');
    expect(formatRialsForPeople(total, 'en')).toBe('9,007,199,254,741,000');
    expect(formatRialsForPeople(1234567n, 'fa')).toBe('۱٬۲۳۴٬۵۶۷');
  });
});

describe('the rounding rule: each percentage line up to the next whole rial', () => {
  // 2.5% is 250 basis points, so amount × 250 / 10,000 = amount / 40: the fraction moves in steps of 0.025.
  it.each([
    ['19', '0.475', 1n],
    ['20', '0.5 exactly', 1n],
    ['21', '0.525', 1n],
    ['40', '1 exactly, left as it is', 1n],
    ['41', '1.025', 2n],
    ['60', '1.5 exactly', 2n],
    ['0', '0', 0n],
  ] as const)('2.5%% of %s rials (%s) is %s rials', (amount, _exact, expected) => {
    expect(applyBasisPoints(parseRials(amount), 250)).toBe(expected);
  });

  it('rounds down only when asked, on both sides of .5', () => {
    expect([19n, 20n, 21n, 60n].map((a) => applyBasisPoints(a, 250, 'down'))).toEqual([0n, 0n, 0n, 1n]);
  });

  it('divides exactly when there is nothing to round', () => {
    expect(divide(10_000n * 123n, 10_000n, 'up')).toBe(123n);
  });

  it.each([3.5, -1, 10_001, Number.NaN])('refuses %p as basis points: rates are whole ten-thousandths', (rate) => {
    expect(() => applyBasisPoints(100n, rate)).toThrow('not-basis-points');
  });
});

describe('rates for people', () => {
  it.each([
    [350, '3.5%', '۳٫۵٪'],
    [250, '2.5%', '۲٫۵٪'],
    [400, '4%', '۴٪'],
    [5, '0.05%', '۰٫۰۵٪'],
    [10_000, '100%', '۱۰۰٪'],
  ])('%i basis points read %s and %s', (basisPoints, en, fa) => {
    expect(percentText(basisPoints, 'en')).toBe(en);
    expect(percentText(basisPoints, 'fa')).toBe(fa);
  });
});

describe('amounts grouped for people', () => {
  it('writes every amount exactly as Intl.NumberFormat does, in Persian and English, without it', () => {
    // Prepare: Intl as the reference; amounts from 0 to 21 digits, and the digit-count edges.
    const reference = {
      fa: new Intl.NumberFormat('fa-IR', { useGrouping: true }),
      en: new Intl.NumberFormat('en-US', { useGrouping: true }),
    };
    const edges = [0n, 9n, 10n, 999n, 1000n, 999_999n, 1_000_000n, 10n ** 21n - 1n];

    // Act and assess
    for (const amount of edges)
      for (const language of ['fa', 'en'] as const)
        expect(formatRialsForPeople(amount, language)).toBe(reference[language].format(amount));
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 21n }),
        fc.constantFrom('fa' as const, 'en' as const),
        (amount, language) => formatRialsForPeople(amount, language) === reference[language].format(amount),
      ),
    );
  });
});
