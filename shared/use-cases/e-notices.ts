import { DEFECTS } from '../domain/defects';
import type { ENotice, ViewChannel } from '../domain/e-notices';
import { NotFoundError } from '../domain/errors';
import { describeLastDay } from '../domain/legal-periods';
import { assertVisible } from '../domain/petition';
import { asOfficeStaff, type Principal } from '../domain/roles';
import type { Deadline } from '../events/petition-events';
import { type Language, label } from '../i18n/messages';
import type { Clock, ENoticeStore, PetitionReader } from '../ports';
import { type CitizenDeps, type CitizenRequest, petitionOfParty, tehranMoment } from './citizen';

/**
 * Reading the electronic notice record. A party reads their own notices with the tracking code and
 * their national ID (the tracking route's guessing budget, so this route is no oracle for IDs
 * either), and that read is what the record counts as a view, with its channel. A party the
 * notices never tell (domain/citizen-access.ts) gets the 404 a wrong ID gets, as on tracking. Staff read the
 * same records through the petition, which never counts as the party's view; an office may print
 * one for a party at the counter, which is logged and does not serve it again.
 */

export async function readOwnNotices(
  deps: CitizenDeps & { notices: ENoticeStore },
  request: CitizenRequest,
  channel: ViewChannel,
  language: Language,
) {
  const { petition, read: notices } = await petitionOfParty(deps, 'track', request, (ref) =>
    deps.notices.ofPetition(ref.petitionId),
  );
  const parties = new Set(
    petition.parties.flatMap((party, index) => (party.nationalId === request.nationalId ? [index] : [])),
  );
  const own = notices.filter((n) => parties.has(n.partyIndex));
  const now = deps.clock.now();
  await Promise.all(own.map((notice) => deps.notices.recordView(petition.petitionId, notice.noticeId, now, channel)));
  const viewed = own.map((notice) => ({
    ...notice,
    firstViewedAt: notice.firstViewedAt ?? now.toISOString(),
    firstViewChannel: notice.firstViewChannel ?? channel,
    lastViewedAt: now.toISOString(),
    views: notice.views + 1,
  }));
  return { trackingCode: request.trackingCode, items: viewed.map((notice) => noticeView(notice, language)) };
}

/** Staff (the office, the court, the province) read a petition's notices; no view is counted. */
export async function petitionNotices(
  deps: { petitions: Pick<PetitionReader, 'get'>; notices: ENoticeStore },
  principal: Principal,
  petitionId: string,
  language: Language,
) {
  const petition = await deps.petitions.get(petitionId);
  assertVisible(petition, principal);
  const notices = await deps.notices.ofPetition(petitionId);
  return { petitionId, items: notices.map((notice) => noticeView(notice, language)) };
}

/** The office that filed the petition prints a notice for a party; the print is logged on the record. */
export async function printNotice(
  deps: { petitions: Pick<PetitionReader, 'get'>; notices: ENoticeStore; clock: Clock },
  principal: Principal,
  petitionId: string,
  noticeId: string,
  language: Language,
) {
  const { officeCode } = asOfficeStaff(principal);
  const petition = await deps.petitions.get(petitionId);
  assertVisible(petition, principal);
  const notice = (await deps.notices.ofPetition(petitionId)).find((n) => n.noticeId === noticeId);
  if (!notice) throw new NotFoundError('notice');
  const now = deps.clock.now();
  await deps.notices.recordPrint(petitionId, noticeId, now, officeCode);
  return noticeView({ ...notice, prints: [...notice.prints, { at: now.toISOString(), officeCode }] }, language);
}

/** A notice as people read it: labelled, its dates on the Solar Hijri calendar in Tehran time. */
export function noticeView(notice: ENotice, language: Language) {
  const { content } = notice;
  const deadline = content.kind === 'defect-notice' ? content.cureDeadline : content.objectionDeadline;
  return {
    noticeId: notice.noticeId,
    kind: { code: content.kind, label: label(content.kind, language) },
    courtCode: notice.courtCode,
    served: tehranMoment(notice.servedAt, language),
    ...(content.kind === 'defect-notice'
      ? {
          defects: content.defects.map((code) => ({
            code,
            label: DEFECTS[code].label[language],
            basis: DEFECTS[code].basis.text[language],
            whatToDo: DEFECTS[code].whatToDo[language],
          })),
        }
      : { reason: { code: content.reason, label: label(content.reason, language) } }),
    deadline: deadlineView(deadline, language),
    ...(notice.smsDeliveredAt ? { smsDelivered: tehranMoment(notice.smsDeliveredAt, language) } : {}),
    ...(notice.firstViewedAt
      ? {
          firstViewed: {
            ...tehranMoment(notice.firstViewedAt, language),
            channel: notice.firstViewChannel ?? 'web',
          },
        }
      : {}),
    views: notice.views,
    prints: notice.prints.map((print) => ({ ...tehranMoment(print.at, language), officeCode: print.officeCode })),
  };
}

/** The deadline as the tracking answer words it (legal-periods.ts), so both say the same. */
function deadlineView(deadline: Deadline, language: Language) {
  return { ...deadline, text: describeLastDay(deadline, language) };
}
