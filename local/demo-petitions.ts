import { withPersonCheckDigit } from '../shared/domain/national-id';
import { PETITION_KINDS } from '../shared/domain/petition';
import type { Principal } from '../shared/domain/roles';
import { KINDS_WITH_CASE_REFERENCE } from '../shared/domain/routing';
import type { IdGenerator, SubmissionStore } from '../shared/ports';
import { createPetitionSchema } from '../shared/schemas/petition';
import { createDraft, type PetitionDeps, submitPetition } from '../shared/use-cases/petitions';
import { DEMO_COURTS, DEMO_OFFICES } from './demo-offices';

/**
 * DEMO DATA: a few submitted petitions per active demo office over the last two months, through
 * the real use cases (so counters and tracking codes are real), so that reports have figures on
 * a fresh machine. Every party is invented; subjects say "(نمونه)".
 */
const FIRST_NAMES = ['زهرا', 'محمد', 'فاطمه', 'علی', 'مریم', 'حسین', 'سارا', 'رضا'];
const LAST_NAMES = ['محمدی', 'حسینی', 'رضایی', 'احمدی', 'کریمی', 'موسوی', 'جعفری', 'رحیمی'];
const DAY = 86_400_000;

/** A demo case's court: the general civil court of the office's district. */
function demoCaseCourt(officeCode: string): string {
  const office = DEMO_OFFICES.find((o) => o.officeCode === officeCode);
  const court = DEMO_COURTS.find(
    (c) =>
      c.kind === 'general-civil' &&
      c.provinceCode === office?.provinceCode &&
      c.judicialDistrict === office?.judicialDistrict,
  );
  return court?.courtCode ?? 'D29-01-CIVIL';
}

export async function seedDemoPetitions(
  deps: Omit<PetitionDeps, 'clock'> & { ids: IdGenerator; submissions: SubmissionStore },
  officeCodes: string[],
  now: Date,
): Promise<number> {
  let count = 0;
  for (const [o, officeCode] of officeCodes.entries()) {
    const principal: Principal = { kind: 'office', userId: `demo-clerk-${officeCode}`, role: 'clerk', officeCode };
    const petitions = 4 + ((o * 7) % 9);
    for (let i = 0; i < petitions; i++) {
      // Spread over the last ~50 days, at office hours.
      const at = new Date(now.getTime() - ((o * 13 + i * 17) % 50) * DAY - ((i * 37) % 8) * 3600_000);
      const clock = { now: () => at };
      const seq = o * 100 + i;
      const kind = PETITION_KINDS[seq % PETITION_KINDS.length]!;
      const body = createPetitionSchema.parse({
        kind,
        ...(KINDS_WITH_CASE_REFERENCE.includes(kind)
          ? { caseReference: { courtCode: demoCaseCourt(officeCode), caseNumber: String(140300000000 + seq) } }
          : {}),
        subject: 'مطالبه وجه (نمونه)',
        description: 'دادخواست نمونه برای اجرای محلی.',
        parties: [
          {
            type: 'person',
            role: 'claimant',
            nationalId: withPersonCheckDigit(String(100_000_000 + seq * 7919).slice(0, 9)),
            firstName: FIRST_NAMES[seq % FIRST_NAMES.length],
            lastName: LAST_NAMES[(seq * 3) % LAST_NAMES.length],
            fatherName: FIRST_NAMES[(seq + 3) % FIRST_NAMES.length],
            mobile: `0915${String(1_000_000 + seq).slice(-7)}`,
          },
        ],
      });
      const { petition } = await createDraft({ ...deps, clock }, principal, body);
      await submitPetition({ ...deps, clock }, principal, petition.petitionId);
      count++;
    }
  }
  return count;
}
