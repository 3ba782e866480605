import { type Court, type CourtKind, newCourt } from '../../shared/domain/court';
import { claimBand, PEACE_COURT_LIMIT, routePetition } from '../../shared/domain/routing';

const now = new Date('2026-11-25T08:00:00Z');
const office = { provinceCode: '29', judicialDistrict: 'بیرجند' };

function court(courtCode: string, kind: CourtKind, judicialDistrict = 'بیرجند', overrides: Partial<Court> = {}): Court {
  return {
    ...newCourt({ courtCode, name: 'دادگاه', provinceCode: '29', judicialDistrict, kind, status: 'active' }, now),
    ...overrides,
  };
}

const district = [
  court('BIR-PEACE', 'peace'),
  court('BIR-CIVIL', 'general-civil'),
  court('BIR-PROS', 'prosecutor'),
  court('QAEN-CIVIL', 'general-civil', 'قائن'),
  court('APPEAL-29', 'appeal'),
];

describe('routing by the rule table', () => {
  it.each([
    [
      'a civil claim within the peace-court limit',
      { kind: 'civil-petition', claimAmountRials: '1000000000' },
      'BIR-PEACE',
    ],
    ['a civil claim over the limit', { kind: 'civil-petition', claimAmountRials: '1000000001' }, 'BIR-CIVIL'],
    ['a civil petition that is not monetary', { kind: 'civil-petition' }, 'BIR-CIVIL'],
    ['a criminal complaint', { kind: 'criminal-complaint' }, 'BIR-PROS'],
    ['a request', { kind: 'request' }, 'BIR-CIVIL'],
    ['an appeal', { kind: 'appeal', caseReference: { courtCode: 'BIR-CIVIL' } }, 'APPEAL-29'],
    ['a written statement', { kind: 'written-statement', caseReference: { courtCode: 'QAEN-CIVIL' } }, 'QAEN-CIVIL'],
  ] as const)('sends %s to its court', (_name, petition, expected) => {
    const decision = routePetition(petition, office, { courts: district, fallbacks: {} });

    expect(decision?.court.courtCode).toBe(expected);
    expect(decision?.flaggedForReview).toBe(false);
  });

  it('keeps the peace-court limit as one setting that names its source and is marked unverified', () => {
    expect(PEACE_COURT_LIMIT.verified).toBe(false);
    expect(PEACE_COURT_LIMIT.source.en).toMatch(/Article 12/);
    expect(claimBand('0')).toBe('not-monetary');
    expect(claimBand(String(PEACE_COURT_LIMIT.rials))).toBe('within-peace-limit');
  });

  it("sends a petition to the province's fallback, flagged for review, when the district has no court of the kind", () => {
    const courts = [...district, court('QAEN-PEACE', 'peace', 'قائن')];
    const decision = routePetition(
      { kind: 'civil-petition', claimAmountRials: '5000' },
      { provinceCode: '29', judicialDistrict: 'قائن' },
      { courts: courts.filter((c) => c.courtCode !== 'QAEN-PEACE'), fallbacks: { peace: 'BIR-PEACE' } },
    );

    expect(decision).toMatchObject({
      court: { courtCode: 'BIR-PEACE' },
      flaggedForReview: true,
      reviewReason: 'no-court-of-kind-in-district',
    });
  });

  it('passes over a suspended court, and finds none without a fallback', () => {
    const courts = district.map((c) => (c.kind === 'prosecutor' ? { ...c, status: 'suspended' as const } : c));

    expect(routePetition({ kind: 'criminal-complaint' }, office, { courts, fallbacks: {} })).toBeUndefined();
  });

  it("sends a written statement whose case court is suspended to the fallback of that court's kind", () => {
    const courts = [...district, court('BIR-CIVIL-2', 'general-civil', 'بیرجند', { status: 'suspended' })];
    const decision = routePetition({ kind: 'written-statement', caseReference: { courtCode: 'BIR-CIVIL-2' } }, office, {
      courts,
      fallbacks: { 'general-civil': 'BIR-CIVIL' },
    });

    expect(decision).toMatchObject({ court: { courtCode: 'BIR-CIVIL' }, reviewReason: 'case-court-not-active' });
  });
});
