import { CITIZEN_SIGHT, type CitizenSide, citizenSideOf } from '../domain/citizen-access';
import { ratingCounters } from '../domain/counters';
import { DEFECTS } from '../domain/defects';
import { ForbiddenError, NotFoundError, TooManyAttemptsError } from '../domain/errors';
import { PAYEE_LABELS } from '../domain/fees';
import { type GuessScope, guessBudgets } from '../domain/guessing';
import { lazily } from '../domain/lazily';
import { describeLastDay } from '../domain/legal-periods';
import { toPersianDigits } from '../domain/money';
import { receiptOf } from '../domain/payments';
import { orderedDefects, type Petition } from '../domain/petition';
import { fixedOffsetWallMs, IRAN_TIME_ZONE } from '../domain/solar-hijri';
import { describeDay, formatDay, tehranDayOf } from '../domain/solar-hijri-days';
import { partyKey } from '../domain/tracking-code';
import { type Language, label, nextStepText } from '../i18n/messages';
import type { AttemptLimiter, Clock, OfficeRepository, PetitionReader, PetitionRepository } from '../ports';
import type { FeedbackInput } from '../schemas/petition';
import { balanceOf } from './fees';

/**
 * The citizen's proof is a tracking code plus the national ID of a party the petition's notices
 * tell (domain/citizen-access.ts). Any mismatch answers exactly like an unknown code, so the API
 * never tells whether a code exists, nor whether an ID is a party's the system keeps silent to.
 */
export interface CitizenDeps {
  petitions: Pick<PetitionReader, 'trackingEntry' | 'get'>;
  offices: Pick<OfficeRepository, 'get'>;
  limiter: AttemptLimiter;
  clock: Clock;
}

/** Tracking also shows the receipts of the petition's payments, read with the petition. */
export type TrackingDeps = CitizenDeps & { petitions: Pick<PetitionReader, 'withPayments'> };

/** A rating is the one write a citizen makes. */
export type FeedbackDeps = CitizenDeps & { petitions: Pick<PetitionRepository, 'addFeedback'> };

/** Who is asking, as far as the public routes know: the client's address (API Gateway's sourceIp). */
export interface CitizenRequest {
  trackingCode: string;
  nationalId: string;
  address: string;
}

/**
 * A try is taken from the budgets of this code and address before the caller's national ID is
 * weighed, so concurrent guesses cannot get more tries evaluated than the budget; a try that
 * proves the caller's right is given back (domain/guessing.ts says how many and why).
 *
 * The right is a side of the petition (domain/citizen-access.ts): a party the notices never tell
 * (the accused of a criminal complaint, a civil defendant before the court registers the case)
 * has none, and is answered exactly as a wrong national ID, its try not given back. Why a miss:
 * a refund would be the oracle the 404 hides. Five lookups with the accused's ID from one address
 * would leave the budget whole where five wrong IDs spend it, so the sixth answer (404 or 429)
 * would tell whoever holds a list of IDs which one the complaint is against; and the accused has
 * nothing here to be spared for, since the system shows them nothing.
 *
 * The code's entry is read beside the reservation, and it names the parties who may track (by
 * key, domain/tracking-code.ts) and the office: a wrong national ID, the accused's among them, is
 * answered after that one read, exactly as an unknown code is, so how long a 404 takes does not
 * tell whether the code exists, nor whether the ID is a silent party's; and a proven party's
 * refund, the petition and what the caller reads next (`readAlongside`) all start at once: a
 * citizen's track waits for two round trips. A refused try is answered as soon as the reservation
 * says so, never after the read: how long a 429 takes tells nothing either.
 * An entry from before the keys were kept names the petition only, and one from before
 * `keyedParties` keys every party: for those the petition decides, one round trip later and
 * before any refund (a silent party's miss then takes a read longer than a wrong ID's), until
 * `npm run backfill` rewrites them (scripts/backfill-tracking-entries.ts).
 * `readPetition` is how the petition is read beside the refund: alone, unless the caller reads it
 * with what shares its partition.
 */
export async function petitionOfParty<T = undefined>(
  deps: CitizenDeps,
  scope: GuessScope,
  request: CitizenRequest,
  readAlongside: (petition: PetitionRef) => Promise<T> = async () => undefined as T,
  readPetition: (petitionId: string) => Promise<Petition | undefined> = (petitionId) => deps.petitions.get(petitionId),
): Promise<{ petition: Petition; side: CitizenSide; read: T }> {
  const now = deps.clock.now();
  const budgets = guessBudgets(scope, request.trackingCode, request.address);
  const finding = deps.petitions.trackingEntry(request.trackingCode);
  // A refused try never awaits the read; its failure then concerns nobody.
  finding.catch(() => undefined);
  const spent = await deps.limiter.reserve(budgets, now);
  if (spent) throw new TooManyAttemptsError(spent.retryAfter);
  const entry = await finding;
  if (!entry) throw new NotFoundError('petition');
  const sideIn = (petition: Petition | undefined) =>
    petition ? citizenSideOf(petition, request.nationalId) : undefined;
  // An ID the keys leave out is a miss, whichever parties the entry keys.
  if (entry.partyKeys && !entry.partyKeys.includes(partyKey(request.trackingCode, request.nationalId)))
    throw new NotFoundError('petition');
  let ref: PetitionRef;
  let legacy: Petition | undefined;
  if (entry.partyKeys && entry.officeCode && entry.keyedParties === 'told') {
    ref = { petitionId: entry.petitionId, officeCode: entry.officeCode };
  } else {
    legacy = await deps.petitions.get(entry.petitionId);
    if (!legacy || !sideIn(legacy)) throw new NotFoundError('petition');
    ref = legacy;
  }
  // Both settle before the answer, so a failed read never leaves the refund running past it; the
  // refund starts first, so not even a callback that throws at once can skip it.
  const [refund, reads] = await Promise.allSettled([
    deps.limiter.refund(budgets, now),
    Promise.all([legacy ?? readPetition(entry.petitionId), Promise.resolve().then(() => readAlongside(ref))]),
  ]);
  if (refund.status === 'rejected') throw refund.reason;
  if (reads.status === 'rejected') throw reads.reason;
  const [petition, read] = reads.value;
  // The petition, not its entry, has the last word on its parties and their sides (the two change together).
  const side = sideIn(petition);
  if (!petition || !side) throw new NotFoundError('petition');
  return { petition, side, read };
}

/** What a citizen's reads beside the refund may start from: known before the petition is read. */
export type PetitionRef = Pick<Petition, 'petitionId' | 'officeCode'>;

const timeOfDay = lazily(
  () =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: IRAN_TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
);

/** An instant as people in Iran read it: the Solar Hijri day and the time in Tehran, beside ISO. */
export function tehranMoment(instant: string, language: Language) {
  const at = new Date(instant);
  const day = tehranDayOf(at);
  const wall = fixedOffsetWallMs(at);
  // HH:MM off the fixed offset (no ICU on a cold start's first track), else from the tz database.
  const time = wall === undefined ? timeOfDay().format(at) : new Date(wall).toISOString().slice(11, 16);
  return {
    at: instant,
    solarHijriDate: formatDay(day),
    text:
      language === 'fa' ? `${describeDay(day, 'fa')}، ${toPersianDigits(time)}` : `${describeDay(day, 'en')}, ${time}`,
  };
}

/**
 * What a citizen sees of their petition: status and kind named in their language, dates on the
 * Solar Hijri calendar in Tehran time, the office that filed it and its phone, the case number,
 * and what to do next. The petitioner's side also sees its receipts and, when the court returned
 * the petition, the court's note, the defects and the cure deadline; another party the notices
 * tell (a civil defendant, once the case is registered) does not (domain/citizen-access.ts). No
 * party's name, ID or number.
 */
export async function trackPetition(deps: TrackingDeps, request: CitizenRequest, language: Language) {
  // The petition and its payments share a partition: one Query gives both, beside the office.
  const partitions = new Map<string, ReturnType<TrackingDeps['petitions']['withPayments']>>();
  const withPayments = (petitionId: string) => {
    const read = partitions.get(petitionId) ?? deps.petitions.withPayments(petitionId);
    partitions.set(petitionId, read);
    return read;
  };
  const {
    petition,
    side,
    read: [office, { payments }],
  } = await petitionOfParty(
    deps,
    'track',
    request,
    (ref) => Promise.all([deps.offices.get(ref.officeCode), withPayments(ref.petitionId)]),
    async (petitionId) => (await withPayments(petitionId)).petition,
  );
  const sight = CITIZEN_SIGHT[side];
  const balance = sight.receipts ? balanceOf(petition, payments) : undefined;
  // A return's note, defects and deadline are served on the petitioner, and shown to that side only.
  const served = sight.servedOnPetitioner && petition.status === 'returned';
  const returned = served ? [...petition.history].reverse().find((h) => h.action === 'return') : undefined;
  return {
    trackingCode: request.trackingCode,
    status: { code: petition.status, label: label(petition.status, language) },
    kind: { code: petition.kind, label: label(petition.kind, language) },
    office: {
      name: petition.officeName,
      ...(office?.contact.phone ? { phone: office.contact.phone } : {}),
    },
    submitted: tehranMoment(petition.submittedAt ?? petition.createdAt, language),
    updated: tehranMoment(petition.updatedAt, language),
    month: petition.month ?? '',
    ...(petition.caseNumber ? { caseNumber: petition.caseNumber } : {}),
    ...(returned?.note ? { courtNote: returned.note } : {}),
    // What was paid and what is still owed, to the petitioner's side only. No card number.
    ...(balance
      ? {
          fees: {
            dueRials: balance.dueRials,
            receipts: payments.flatMap((payment) => {
              const receipt = receiptOf(payment);
              return receipt
                ? [
                    {
                      payee: receipt.payee,
                      payeeLabel: PAYEE_LABELS[receipt.payee][language],
                      amountRials: receipt.amountRials,
                      refNum: receipt.refNum,
                      ...(receipt.traceNo ? { traceNo: receipt.traceNo } : {}),
                      paid: tehranMoment(receipt.verifiedAt, language),
                    },
                  ]
                : [];
            }),
          },
        }
      : {}),
    ...(petition.defects && served
      ? {
          defects: orderedDefects(petition.defects).map((code) => ({
            code,
            label: DEFECTS[code].label[language],
            whatToDo: DEFECTS[code].whatToDo[language],
          })),
        }
      : {}),
    ...(petition.cureDeadline && served
      ? { cureDeadline: { ...petition.cureDeadline, text: describeLastDay(petition.cureDeadline, language) } }
      : {}),
    nextStep: nextStepText(petition.status, language, {
      office: petition.officeName,
      phone: office?.contact.phone ?? '',
      caseNumber: petition.caseNumber ?? '',
    }),
  };
}

/**
 * The petitioner's side rates the office that served it, once per petition. Another party the
 * notices tell (a registered case's defendant) may follow the case but not rate: 403, which tells
 * it nothing tracking does not; a party the notices never tell gets the same 404 as a wrong ID.
 */
export async function giveFeedback(deps: FeedbackDeps, input: FeedbackInput, address: string) {
  const { petition, side } = await petitionOfParty(deps, 'feedback', {
    trackingCode: input.trackingCode,
    nationalId: input.nationalId,
    address,
  });
  if (!CITIZEN_SIGHT[side].rates) throw new ForbiddenError();
  const now = deps.clock.now();
  await deps.petitions.addFeedback(
    {
      petitionId: petition.petitionId,
      officeCode: petition.officeCode,
      ratings: input.ratings,
      ...(input.comment ? { comment: input.comment } : {}),
      at: now.toISOString(),
    },
    ratingCounters(input.ratings, now).map((c) => ({ officeCode: petition.officeCode, ...c })),
  );
  return { trackingCode: input.trackingCode, ratedAt: now.toISOString() };
}
