import type { Payee } from '../shared/domain/fees';
import { withPersonCheckDigit } from '../shared/domain/national-id';
import { PETITION_KINDS, type PetitionKind } from '../shared/domain/petition';
import type { Principal } from '../shared/domain/roles';
import { KINDS_WITH_CASE_REFERENCE } from '../shared/domain/routing';
import type { PaymentRedirect } from '../shared/ports';
import { createPetitionSchema } from '../shared/schemas/petition';
import { balanceOf, decideIndigency } from '../shared/use-cases/fees';
import { acceptCallback, type PaymentDeps, startPayment } from '../shared/use-cases/payments';
import { createDraft, type DraftDeps, type SubmissionDeps, submitPetition } from '../shared/use-cases/petitions';
import { DEMO_COURTS, DEMO_OFFICES } from './demo-offices';

/**
 * DEMO DATA: a few submitted petitions per active demo office over the last two months, through
 * the real use cases (so quotes, payments, counters and tracking codes are real), so that reports
 * have figures on a fresh machine. Each is quoted from the demo schedules, paid through the local
 * gateway simulator (token, the payer's click, callback, verify), or, for some, filed with an
 * indigency claim so that only the office's tariff is paid. Every party is invented; subjects say "(نمونه)".
 */
const FIRST_NAMES = ['زهرا', 'محمد', 'فاطمه', 'علی', 'مریم', 'حسین', 'سارا', 'رضا'];
const LAST_NAMES = ['محمدی', 'حسینی', 'رضایی', 'احمدی', 'کریمی', 'موسوی', 'جعفری', 'رحیمی'];
const DAY = 86_400_000;

/** What the payer does on the gateway's page: press "pay"; answers the fields the browser posts back. */
export type PayerAtGateway = (redirect: PaymentRedirect) => Record<string, string>;

/** The claim each kind is quoted on: an amount, a judgment, or a non-monetary category of the schedule. */
function claimOf(kind: PetitionKind, seq: number): Record<string, string> {
  const amount = String((1 + ((seq * 37) % 60)) * 10_000_000);
  if (kind === 'appeal') return { judgmentAmountRials: amount };
  if (kind !== 'civil-petition') return {};
  return seq % 4 === 1 ? { nonMonetaryCategory: 'reported-lowest' } : { claimAmountRials: amount };
}

/** A demo case's court: the general civil court of the office's district. */
export function demoCaseCourt(officeCode: string): string {
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
  deps: Omit<DraftDeps & SubmissionDeps, 'clock'>,
  payments: Omit<PaymentDeps, 'clock'>,
  payer: PayerAtGateway,
  officeCodes: string[],
  now: Date,
): Promise<{ count: number; example?: { trackingCode: string; nationalId: string } }> {
  let count = 0;
  // One petition a citizen may follow, for the banner: its code and its claimant's national ID.
  let example: { trackingCode: string; nationalId: string } | undefined;
  // Offices side by side (a few at a time), each office's petitions in turn: the payments make
  // seeding wait on the gateway simulator, and one office's items never touch another's.
  const seedOffice = async (o: number, officeCode: string) => {
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
        ...claimOf(kind, seq),
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
      let { petition } = await createDraft({ ...deps, clock }, principal, body);
      if (kind === 'civil-petition' && seq % 7 === 3) {
        // Some claimants cannot pay the court fee: the clerk records an indigency claim instead.
        petition = await decideIndigency({ ...deps, clock }, principal, petition.petitionId, {
          action: 'claim',
          expectedVersion: petition.version,
        });
      }
      const balance = balanceOf(petition, []);
      for (const payee of ['judiciary', 'office'] as Payee[]) {
        if (balance?.[payee].dueRials === '0') continue;
        const started = await startPayment({ ...payments, clock }, principal, petition.petitionId, payee);
        await acceptCallback({ ...payments, clock }, payer(started.redirect));
      }
      const { trackingCode } = await submitPetition({ ...deps, clock }, principal, petition.petitionId);
      example ??= { trackingCode, nationalId: body.parties[0]?.nationalId ?? '' };
      count++;
    }
  };
  const queue = [...officeCodes.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await seedOffice(...next);
  };
  await Promise.all(Array.from({ length: SEEDING_CONCURRENCY }, worker));
  return { count, ...(example ? { example } : {}) };
}

/** How many offices are seeded at once. */
const SEEDING_CONCURRENCY = 4;
