import { DEMO_FEE_SCHEDULE_1403, demoFeeSchedules } from '../../local/demo-fee-schedules';
import { ValidationError } from '../../shared/domain/errors';
import type { FeeSchedule } from '../../shared/domain/fees';
import { feeBracketsContiguous } from '../../shared/i18n/field-messages';
import { feeQuoteInputSchema, feeScheduleSchema } from '../../shared/schemas/fee-schedule';
import { parseInput } from '../../shared/schemas/validate';
import { fieldMessageName } from '../support/field-messages';

const valid = (): FeeSchedule => structuredClone(DEMO_FEE_SCHEDULE_1403);

/** Every issue as `path: message`, so a test names exactly which field failed and why. */
function issues(value: unknown): string[] {
  const result = feeScheduleSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${fieldMessageName(i.message)}`);
}

function firstRule(schedule: FeeSchedule) {
  const rule = schedule.courtFeeRules[0]!;
  if (rule.calculation.type !== 'percentage') throw new Error('the first demo rule is the percentage one');
  return rule.calculation;
}

describe('loading a fee schedule', () => {
  it('accepts every demo schedule, as the national admin would load it', () => {
    expect(demoFeeSchedules(new Date('2026-11-28T08:00:00Z')).flatMap(issues)).toEqual([]);
  });

  it.each<[string, (s: FeeSchedule) => void, string]>([
    [
      'a gap between brackets',
      (s) => {
        firstRule(s).brackets[1]!.fromRials = '200000001';
      },
      'courtFeeRules.0.calculation.brackets.1.fromRials: feeBracketsContiguous',
    ],
    [
      'overlapping brackets',
      (s) => {
        firstRule(s).brackets[1]!.fromRials = '150000000';
      },
      'courtFeeRules.0.calculation.brackets.1.fromRials: feeBracketsContiguous',
    ],
    [
      'a first bracket that does not start at zero',
      (s) => {
        firstRule(s).brackets[0]!.fromRials = '1';
      },
      'courtFeeRules.0.calculation.brackets.0.fromRials: feeBracketsStart',
    ],
    [
      'a last bracket with an end',
      (s) => {
        firstRule(s).brackets[1]!.toRials = '900000000';
      },
      'courtFeeRules.0.calculation.brackets.1.toRials: feeBracketsOpenEnded',
    ],
    [
      'a bracket that ends where it starts',
      (s) => {
        firstRule(s).brackets[1]!.fromRials = '0';
        firstRule(s).brackets[0]!.toRials = '0';
      },
      'courtFeeRules.0.calculation.brackets.0.toRials: feeBracketEmpty',
    ],
    [
      'an amount with a decimal point',
      (s) => {
        s.tariffItems[0]!.amountRials = '770000.5';
      },
      'tariffItems.0.amountRials: feeRials',
    ],
    [
      'validity ending in another year',
      (s) => {
        s.validTo = '1404-01-15';
      },
      'validTo: feeYearMismatch',
    ],
    [
      'validity ending before it starts',
      (s) => {
        s.validFrom = '1403-12-01';
        s.validTo = '1403-06-01';
      },
      'validTo: feeValidityOrder',
    ],
    [
      'a day that does not exist (1404 has no 30 Esfand)',
      (s) =>
        Object.assign(s, { year: 1404, versionId: 'demo-1404-r1', validFrom: '1404-01-01', validTo: '1404-12-30' }),
      'validTo: feeSolarDay',
    ],
    [
      'a version id that does not name the year and revision',
      (s) => {
        s.versionId = 'demo-1403-r7';
      },
      'versionId: feeVersionId',
    ],
    [
      'a percentage for a non-monetary claim',
      (s) => {
        s.courtFeeRules[2]!.claim = 'non-monetary';
      },
      'courtFeeRules.2.claim: feeCalculationClaim',
    ],
    [
      'two rules that answer the same complaint',
      (s) => void s.courtFeeRules.push({ ...s.courtFeeRules[4]!, code: 'complaint-again' }),
      'courtFeeRules.7: feeRuleOverlap',
    ],
    [
      'a rule for any claim overlapping a monetary one',
      (s) => void s.courtFeeRules.push({ ...s.courtFeeRules[4]!, code: 'civil-any', kinds: ['civil-petition'] }),
      'courtFeeRules.7: feeRuleOverlap',
    ],
    [
      'a repeated code',
      (s) => {
        s.tariffItems[1]!.code = 'petition';
      },
      'tariffItems.1.code: feeDuplicateCode',
    ],
    [
      'two base prices for one kind',
      (s) => {
        s.tariffItems[1]!.charge = { type: 'base', kinds: ['request'] };
      },
      'tariffItems.1.charge.kinds: feeTariffKindOverlap',
    ],
    [
      'two electronic-payment items',
      (s) => void s.tariffItems.push({ ...s.tariffItems[4]!, code: 'e-pay-2' }),
      'tariffItems.7.charge.type: feeDuplicateCharge',
    ],
    [
      'an included page count with no price for extra pages',
      (s) => {
        s.tariffItems = s.tariffItems.filter((t) => t.code !== 'extra-page');
      },
      'tariffItems: feeExtrasMissing',
    ],
  ])('refuses %s', (_case, change, expected) => {
    // Prepare
    const schedule = valid();
    change(schedule);

    // Act, Assess
    expect(issues(schedule)).toEqual([expected]);
  });

  it.each<[string, (s: Record<string, unknown> & FeeSchedule) => void]>([
    [
      'a rate in percent with a fraction instead of basis points',
      (s) => {
        (firstRule(s).brackets[0] as { basisPoints: number }).basisPoints = 2.5;
      },
    ],
    [
      'an amount as a JSON number',
      (s) => {
        (s.tariffItems[0] as unknown as { amountRials: number }).amountRials = 770000;
      },
    ],
    [
      'a rule without a verification status',
      (s) => void delete (s.courtFeeRules[0] as Partial<FeeSchedule['courtFeeRules'][0]>).status,
    ],
    [
      'a status outside the three',
      (s) => {
        (s.courtFeeRules[0] as { status: string }).status = 'probably';
      },
    ],
    [
      'an unknown field',
      (s) => {
        s.comment = 'x';
      },
    ],
  ])('refuses %s', (_case, change) => {
    const schedule = valid() as Record<string, unknown> & FeeSchedule;
    change(schedule);

    expect(issues(schedule)).toHaveLength(1);
  });

  it("reports refusals through the API's validation error, field by field in both languages", () => {
    const schedule = valid();
    firstRule(schedule).brackets[1]!.fromRials = '200000001';

    let error: unknown;
    try {
      parseInput(feeScheduleSchema, schedule, 'body');
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.map((f) => f.field)).toEqual([
      'body.courtFeeRules.0.calculation.brackets.1.fromRials',
    ]);
    expect((error as ValidationError).fields[0]?.messages).toEqual(feeBracketsContiguous);
    expect(feeBracketsContiguous.fa).toContain('بی‌فاصله');
  });
});

describe('the quote input a petition gives', () => {
  it('defaults to first instance and electronic payment', () => {
    const input = feeQuoteInputSchema.parse({
      kind: 'civil-petition',
      claimAmountRials: '1000',
      claimants: 1,
      defendants: 1,
      attachmentPages: [2],
    });

    expect(input).toMatchObject({ stage: 'first-instance', paidElectronically: true });
  });

  it('refuses an amount and a non-monetary category together', () => {
    const result = feeQuoteInputSchema.safeParse({
      kind: 'civil-petition',
      claimAmountRials: '1000',
      nonMonetaryCategory: 'reported-lowest',
      claimants: 1,
      defendants: 1,
      attachmentPages: [],
    });

    expect(result.success ? [] : result.error.issues.map((i) => fieldMessageName(i.message))).toEqual([
      'feeAmbiguousClaim',
    ]);
  });
});
