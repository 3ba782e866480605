import { DEMO_FEE_SCHEDULE_1403, demoFeeSchedules } from '../../local/demo-fee-schedules';
import {
  assertScheduleWritable,
  compareWithPaid,
  FeeError,
  type FeeSchedule,
  feeScheduleVersionId,
  partyCounts,
  type QuoteInput,
  quoteFees,
  selectSchedule,
} from '../../shared/domain/fees';

// 1403-07-10 in Tehran: inside the 1403 schedule's validity.
const IN_1403 = new Date('2024-10-01T08:00:00Z');
const schedule = DEMO_FEE_SCHEDULE_1403;

const petition = (overrides: Partial<QuoteInput>): QuoteInput => ({
  kind: 'civil-petition',
  stage: 'first-instance',
  claimants: 1,
  defendants: 1,
  attachmentPages: [2],
  paidElectronically: true,
  ...overrides,
});

const amounts = (input: QuoteInput) => {
  const quote = quoteFees(input, schedule, IN_1403);
  return { lines: Object.fromEntries(quote.lines.map((l) => [l.code, l.amountRials])), totals: quote.totals };
};

const feeError = (act: () => unknown) => {
  try {
    act();
  } catch (error) {
    if (error instanceof FeeError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected a FeeError');
};

/*
 * THE TABLE, WORKED OUT BY HAND from the 1403 figures of issue 14.
 * Court fee, first instance, monetary: 2.5% of the part of the claim up to 200,000,000 rials plus
 * 3.5% of the part above it, the line rounded up to the whole rial. Appeal and objection: 4.5% of
 * the judgment; cassation, retrial, third-party objection: 5.5% of it. Complaint: flat 100,000.
 * Office: 770,000 for a petition (covers 1 claimant, 1 defendant, 2 attachment pages), 70,000 per
 * extra party, 70,000 per extra page, 75,000 for electronic payment; written statement 630,000;
 * SANA registration 335,000 each.
 *
 *  #  case                                   court fee, by hand                           office, by hand
 *  1  claim 10,000,000; 1+1; [2]; e-pay      10,000,000 × 2.5% = 250,000                  770,000 + 75,000 = 845,000
 *  2  claim 199,999,999; 1+1; [1,1]; e-pay   199,999,999 × 2.5% = 4,999,999.975           845,000
 *                                            → up: 5,000,000
 *  3  claim 200,000,000; 1+1; []; no e-pay   200,000,000 × 2.5% = 5,000,000 exactly       770,000
 *  4  claim 200,000,001; 1+1; [2]; e-pay     5,000,000 + 1 × 3.5% = 5,000,000.035         845,000
 *                                            → up: 5,000,001
 *  5  claim 300,000,000; 2+3; [3,4]; e-pay   5,000,000 + 100,000,000 × 3.5% (3,500,000)   770,000 + 3 parties × 70,000
 *                                            = 8,500,000                                  + (7 − 2) pages × 70,000
 *                                                                                         + 75,000 = 1,405,000
 *  6  claim 12,345,678,901; 1+1; [2]         5,000,000 + 12,145,678,901 × 3.5%            845,000
 *                                            (425,098,761.535) = 430,098,761.535
 *                                            → up: 430,098,762
 *  7  appeal, judgment 123,456,789           123,456,789 × 4.5% = 5,555,555.505           845,000
 *                                            → up: 5,555,556
 *  8  objection, judgment 150,000,000        150,000,000 × 4.5% = 6,750,000               845,000
 *  9  cassation, judgment 80,000,000         80,000,000 × 5.5% = 4,400,000                845,000
 * 10  complaint; 1 complainant, 0 accused    flat 100,000                                 845,000
 * 11  non-monetary, highest; 1+1; [5]        flat for the category: 1,800,000             770,000 + 3 × 70,000 + 75,000
 *                                                                                         = 1,055,000
 * 12  written statement; 1+4; [10]; no e-p.  none: 0                                      630,000 (includes nothing,
 *                                                                                         so nothing is extra)
 * 13  request; 1+1; [2]; 2 SANA              none in the demo: 0                          770,000 + 75,000 + 2 × 335,000
 *                                                                                         = 1,515,000
 */
describe('quotes against the hand-worked table', () => {
  it.each([
    ['1: a small claim', petition({ claimAmountRials: '10000000' }), '250000', '845000'],
    [
      '2: one rial below the bracket edge',
      petition({ claimAmountRials: '199999999', attachmentPages: [1, 1] }),
      '5000000',
      '845000',
    ],
    [
      '3: exactly on the bracket edge',
      petition({ claimAmountRials: '200000000', attachmentPages: [], paidElectronically: false }),
      '5000000',
      '770000',
    ],
    ['4: one rial above the bracket edge', petition({ claimAmountRials: '200000001' }), '5000001', '845000'],
    [
      '5: extra parties and extra pages',
      petition({ claimAmountRials: '300000000', claimants: 2, defendants: 3, attachmentPages: [3, 4] }),
      '8500000',
      '1405000',
    ],
    ['6: a large claim', petition({ claimAmountRials: '12345678901' }), '430098762', '845000'],
    [
      '7: an appeal on the judgment amount',
      petition({ kind: 'appeal', stage: 'appeal', judgmentAmountRials: '123456789' }),
      '5555556',
      '845000',
    ],
    [
      '8: an objection (vakhahi)',
      petition({ stage: 'objection', judgmentAmountRials: '150000000' }),
      '6750000',
      '845000',
    ],
    [
      '9: cassation',
      petition({ kind: 'appeal', stage: 'cassation', judgmentAmountRials: '80000000' }),
      '4400000',
      '845000',
    ],
    [
      '10: a criminal complaint',
      petition({ kind: 'criminal-complaint', defendants: 0, attachmentPages: [0] }),
      '100000',
      '845000',
    ],
    [
      '11: a non-monetary claim',
      petition({ nonMonetaryCategory: 'reported-highest', attachmentPages: [5] }),
      '1800000',
      '1055000',
    ],
    [
      '12: a written statement',
      petition({ kind: 'written-statement', defendants: 4, attachmentPages: [10], paidElectronically: false }),
      '0',
      '630000',
    ],
    [
      '13: a request with SANA registrations',
      petition({ kind: 'request', services: { 'sana-registration': 2 } }),
      '0',
      '1515000',
    ],
  ])('row %s', (_row, input, court, office) => {
    // Act
    const { totals } = amounts(input);

    // Assess
    expect(totals).toEqual({ judiciary: court, office, total: String(BigInt(court) + BigInt(office)) });
  });

  it('itemises row 5 line by line, each with its payee', () => {
    const quote = quoteFees(
      petition({ claimAmountRials: '300000000', claimants: 2, defendants: 3, attachmentPages: [3, 4] }),
      schedule,
      IN_1403,
    );

    expect(quote.lines.map((l) => [l.code, l.payee, l.amountRials])).toEqual([
      ['civil-first-instance-monetary', 'judiciary', '8500000'],
      ['petition', 'office', '770000'],
      ['extra-party', 'office', '210000'],
      ['extra-page', 'office', '350000'],
      ['electronic-payment', 'office', '75000'],
    ]);
    expect(quote.lines[0]!.basis.en).toBe(
      '2.5% of 200,000,000 + 3.5% of 100,000,000 rials of the claim (each rate on its own part)',
    );
    expect(quote.lines[2]!.basis.fa).toBe('۳ طرف اضافه × ۷۰٬۰۰۰ ریال');
  });

  it('says in the basis when a line was rounded up', () => {
    const [court] = quoteFees(petition({ claimAmountRials: '200000001' }), schedule, IN_1403).lines;

    expect(court!.basis.en).toBe(
      '2.5% of 200,000,000 + 3.5% of 1 rials of the claim (each rate on its own part), rounded up to the whole rial',
    );
    expect(court!.basis.fa).toContain('گرد به بالا');
  });

  it("carries each line's source and the weakest status of the figures it used", () => {
    const above = quoteFees(petition({ claimAmountRials: '300000000' }), schedule, IN_1403).lines[0]!;
    const complaint = quoteFees(petition({ kind: 'criminal-complaint' }), schedule, IN_1403).lines[0]!;

    // The 2.5% slice comes from a single unnamed source, so any claim that uses it is unverified.
    expect(above.status).toBe('unverified');
    expect(above.source.en).toContain('circular 100/2789/9000');
    expect(above.source.en).toContain('a single unnamed source');
    expect(complaint.status).toBe('secondary-source');
  });

  it('pins the quote to the schedule version and the Solar Hijri day it was chosen by', () => {
    const quote = quoteFees(petition({ claimAmountRials: '10000000' }), schedule, IN_1403);

    expect(quote).toMatchObject({
      schedule: { versionId: 'demo-1403-r1', year: 1403, revision: 1, demo: true },
      quotedAt: '2024-10-01T08:00:00.000Z',
      quotedOn: '1403-07-10',
    });
  });
});

describe('what a quote refuses', () => {
  it.each([
    ['a civil petition with neither an amount nor a category', petition({}), 'no-court-fee-rule'],
    [
      'an appeal without the judgment amount',
      petition({ kind: 'appeal', stage: 'appeal', claimAmountRials: '1000' }),
      'judgment-amount-required',
    ],
    [
      'an amount and a category at once',
      petition({ claimAmountRials: '1000', nonMonetaryCategory: 'reported-lowest' }),
      'ambiguous-claim',
    ],
    ['a category the schedule does not have', petition({ nonMonetaryCategory: 'eviction' }), 'unknown-category'],
    [
      'a non-monetary appeal, for which no figure was gathered',
      petition({ stage: 'appeal', nonMonetaryCategory: 'reported-lowest' }),
      'no-court-fee-rule',
    ],
    [
      'a service the tariff does not have',
      petition({ claimAmountRials: '1000', services: { translation: 1 } }),
      'unknown-service',
    ],
    ['a negative party count', petition({ claimAmountRials: '1000', defendants: -1 }), 'invalid-quote-input'],
    ['a fractional page count', petition({ claimAmountRials: '1000', attachmentPages: [1.5] }), 'invalid-quote-input'],
    ['an amount that is not whole rials', petition({ claimAmountRials: '1000.5' }), 'invalid-quote-input'],
  ])('refuses %s', (_case, input, code) => {
    expect(feeError(() => quoteFees(input, schedule, IN_1403)).code).toBe(code);
  });

  it('refuses a schedule that is not valid on the quote day', () => {
    const error = feeError(() =>
      quoteFees(petition({ claimAmountRials: '1000' }), schedule, new Date('2026-11-28T08:00:00Z')),
    );

    expect(error).toEqual({
      code: 'schedule-not-valid-on-date',
      params: { versionId: 'demo-1403-r1', day: '1405-09-07' },
    });
  });
});

describe('choosing the schedule valid on the quote day', () => {
  const correction: FeeSchedule = {
    ...schedule,
    revision: 2,
    versionId: feeScheduleVersionId({ year: 1403, revision: 2, demo: true }),
    validFrom: '1403-07-01',
  };
  const real: FeeSchedule = {
    ...schedule,
    demo: false,
    versionId: feeScheduleVersionId({ year: 1403, revision: 1, demo: false }),
  };

  it('takes a mid-year correction from the day it is valid, and the original before', () => {
    expect(selectSchedule([schedule, correction], new Date('2024-06-01T08:00:00Z')).versionId).toBe('demo-1403-r1');
    expect(selectSchedule([schedule, correction], IN_1403).versionId).toBe('demo-1403-r2');
  });

  it('prefers a real schedule to a demo one of the same year', () => {
    expect(selectSchedule([correction, real, schedule], IN_1403).versionId).toBe('1403-r1');
  });

  it('says so when no schedule covers the day', () => {
    expect(feeError(() => selectSchedule([schedule], new Date('2026-11-28T08:00:00Z')))).toEqual({
      code: 'no-schedule-for-date',
      params: { day: '1405-09-07' },
    });
  });
});

describe('a used schedule never changes', () => {
  const correctedPages: FeeSchedule = {
    ...schedule,
    tariffItems: schedule.tariffItems.map((item) =>
      item.code === 'extra-page' ? { ...item, amountRials: '80000' } : item,
    ),
  };

  it('leaves an existing quote as it was when a correction is published as a new version', () => {
    // Prepare
    const input = petition({ claimAmountRials: '10000000', attachmentPages: [5] });
    const before = quoteFees(input, schedule, IN_1403);
    const snapshot = structuredClone(before);
    const revision2: FeeSchedule = {
      ...correctedPages,
      revision: 2,
      versionId: feeScheduleVersionId({ year: 1403, revision: 2, demo: true }),
    };

    // Act
    const write = assertScheduleWritable(revision2, undefined, false);
    const after = quoteFees(input, selectSchedule([schedule, revision2], IN_1403), IN_1403);

    // Assess: 3 extra pages went from 210,000 to 240,000 in the new quote only.
    expect(write).toBe('create');
    expect(before).toEqual(snapshot);
    expect(before.totals.office).toBe('1055000');
    expect(after.totals.office).toBe('1085000');
    expect(after.schedule.versionId).toBe('demo-1403-r2');
  });

  it('refuses to change a version that has been quoted with, pointing at the next revision', () => {
    expect(feeError(() => assertScheduleWritable(correctedPages, schedule, true))).toEqual({
      code: 'schedule-version-used',
      params: { versionId: 'demo-1403-r1', nextRevision: 2 },
    });
  });

  it('lets an identical reload through, whatever the key order, and an unused version be edited', () => {
    const reversedKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversedKeys)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversedKeys(v)]),
            )
          : value;
    const reloaded = reversedKeys(schedule) as FeeSchedule;

    expect(JSON.stringify(reloaded)).not.toBe(JSON.stringify(schedule));
    expect(assertScheduleWritable(reloaded, schedule, true)).toBe('unchanged');
    expect(assertScheduleWritable(correctedPages, schedule, false)).toBe('replace');
  });
});

describe('a new quote against what was paid', () => {
  const quoteOf = (input: QuoteInput) => quoteFees(input, schedule, IN_1403);
  const first = quoteOf(petition({ claimAmountRials: '10000000' })); // 250,000 + 845,000

  it('is settled when the verified payments match the quote', () => {
    expect(compareWithPaid(first, { judiciary: '250000', office: '845000' })).toMatchObject({
      dueRials: '0',
      settled: true,
    });
  });

  it('shows the difference as due when pages were added after payment', () => {
    const more = quoteOf(petition({ claimAmountRials: '10000000', attachmentPages: [2, 2] })); // 2 extra pages: +140,000

    const balance = compareWithPaid(more, { judiciary: '250000', office: '845000' });

    expect(balance).toEqual({
      judiciary: { quotedRials: '250000', paidRials: '250000', dueRials: '0', creditRials: '0', deferredRials: '0' },
      office: { quotedRials: '985000', paidRials: '845000', dueRials: '140000', creditRials: '0', deferredRials: '0' },
      dueRials: '140000',
      settled: false,
    });
  });

  it("records a credit when the quote falls, and never lets one payee's credit pay the other", () => {
    const lower = quoteOf(petition({ claimAmountRials: '4000000' })); // court 100,000

    const balance = compareWithPaid(lower, { judiciary: '250000', office: '800000' });

    expect(balance.judiciary).toMatchObject({ dueRials: '0', creditRials: '150000' });
    expect(balance.office).toMatchObject({ dueRials: '45000', creditRials: '0' });
    expect(balance.dueRials).toBe('45000');
  });
});

describe('demo schedules', () => {
  it('quote today (1405) and after the next Nowruz (1406) from the same code', () => {
    const input = petition({ claimAmountRials: '300000000' });
    const today = new Date('2026-11-28T08:00:00Z');
    const nowruz = new Date('2027-03-20T20:31:00Z'); // 00:01 on 1 Farvardin 1406, Tehran

    const quotes = [today, nowruz].map((at) => quoteFees(input, selectSchedule(demoFeeSchedules(today), at), at));

    expect(quotes.map((q) => q.schedule.versionId)).toEqual(['demo-1405-r1', 'demo-1406-r1']);
    expect(quotes.map((q) => q.totals.total)).toEqual(['9345000', '9345000']);
  });

  it('move on with the clock: a start in 1406 brings 1406 and 1407', () => {
    expect(demoFeeSchedules(new Date('2027-06-01T08:00:00Z')).map((s) => s.versionId)).toEqual([
      'demo-1403-r1',
      'demo-1406-r1',
      'demo-1407-r1',
    ]);
  });

  it('are all marked demo, and the carried-forward figures unverified', () => {
    const [base, ...carried] = demoFeeSchedules(new Date('2026-11-28T08:00:00Z'));

    expect([base, ...carried].every((s) => s!.demo)).toBe(true);
    expect(carried.flatMap((s) => s.tariffItems.map((t) => t.status))).toEqual(Array(7 * 2).fill('unverified'));
    expect(carried[0]!.derivedFrom).toBe('demo-1403-r1');
    expect(base!.tariffItems.every((t) => t.status === 'secondary-source')).toBe(true);
  });
});

describe('party counts from a petition', () => {
  it('counts claimants and defendants', () => {
    expect(partyCounts([{ role: 'claimant' }, { role: 'defendant' }, { role: 'defendant' }])).toEqual({
      claimants: 1,
      defendants: 2,
    });
  });
});
