import type { CourtAssignment, Petition } from '../../shared/domain/petition';

/** A court of South Khorasan a petition was routed to by the province's fallback, for review. */
export const FALLBACK_ASSIGNMENT: CourtAssignment = {
  courtCode: 'TEST-BIR-CIVIL',
  name: 'دادگاه عمومی حقوقی بیرجند',
  kind: 'general-civil',
  provinceCode: '29',
  assignedAt: '2027-03-01T06:30:00.000Z',
  rule: 'civil-over-limit-or-not-monetary',
  flaggedForReview: true,
  reviewReason: 'no-court-of-kind-in-district',
};

/** A petition of office 56101 (South Khorasan) as stored once submitted and routed (no parties). */
export function submittedPetition(overrides: Partial<Petition> = {}): Petition {
  return {
    petitionId: 'p-1',
    officeCode: '56101',
    officeName: 'دفتر آزمون',
    provinceCode: '29',
    kind: 'civil-petition',
    subject: 'مطالبه وجه',
    description: '',
    parties: [],
    documents: [],
    status: 'submitted',
    court: { ...FALLBACK_ASSIGNMENT, flaggedForReview: false, reviewReason: undefined },
    version: 2,
    createdAt: '2027-03-01T06:00:00.000Z',
    updatedAt: '2027-03-01T06:30:00.000Z',
    createdBy: 'clerk-1',
    history: [],
    ...overrides,
  };
}
