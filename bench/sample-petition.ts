import { withPersonCheckDigit } from '../shared/domain/national-id';

/** The claimant of every bench petition (a valid national ID, the same in every run). */
export const BENCH_CLAIMANT = withPersonCheckDigit('049937089');

/** The civil petition every bench section files: a claimant, a company as defendant, and these documents. */
export function samplePetition(documents: unknown[] = []) {
  return {
    kind: 'civil-petition',
    subject: 'مطالبه وجه چک',
    description: 'خواهان مبلغ چک برگشتی را مطالبه می‌کند.',
    claimAmountRials: '1250000000',
    parties: [
      {
        type: 'person',
        role: 'claimant',
        nationalId: BENCH_CLAIMANT,
        firstName: 'زهرا',
        lastName: 'محمدی',
        fatherName: 'علی',
        mobile: '09151234567',
      },
      { type: 'legal-entity', role: 'defendant', nationalId: '10380284790', name: 'شرکت نمونه' },
    ],
    ...(documents.length > 0 ? { documents } : {}),
  };
}
