import * as problemTexts from '../i18n/problem-texts';
import type { DefectCode } from './defects';
import { ConflictError } from './errors';
import { isLapsed, type LegalPeriod } from './legal-periods';
import type { Deadline, NoticeRecordEntry, Petition, RejectionReason } from './petition';

/**
 * What a court office's papers do to a petition once the step itself is taken (applyTransition):
 * a return posts a defect notice and starts the cure period; a rejection posts the order and
 * starts the objection window. Posting to the petitioner's electronic notice record is service,
 * so `servedAt` is the posting instant. Pure: the periods come in computed (legal-periods.ts).
 */

export function deadlineOf(period: LegalPeriod): Deadline {
  return { lastDay: period.lastDay, endsAt: period.endsAt, provisional: period.provisional };
}

export function withDefectNotice(
  petition: Petition,
  notice: { noticeId: string; defects: DefectCode[]; note?: string; cure: LegalPeriod },
): Petition {
  const deadline = deadlineOf(notice.cure);
  const entry: NoticeRecordEntry = {
    noticeId: notice.noticeId,
    kind: 'defect-notice',
    postedAt: notice.cure.servedAt,
    servedAt: notice.cure.servedAt,
    deadline,
    defects: notice.defects,
    ...(notice.note ? { note: notice.note } : {}),
  };
  return {
    ...petition,
    defects: notice.defects,
    cureDeadline: deadline,
    notices: [...(petition.notices ?? []), entry],
  };
}

export function withRejectionOrder(
  petition: Petition,
  order: { noticeId: string; reason: RejectionReason; note?: string; objection: LegalPeriod },
): Petition {
  const deadline = deadlineOf(order.objection);
  const entry: NoticeRecordEntry = {
    noticeId: order.noticeId,
    kind: 'rejection-order',
    postedAt: order.objection.servedAt,
    servedAt: order.objection.servedAt,
    deadline,
    reason: order.reason,
    ...(order.note ? { note: order.note } : {}),
  };
  return {
    ...petition,
    rejection: { reason: order.reason, servedAt: order.objection.servedAt, objectionDeadline: deadline },
    notices: [...(petition.notices ?? []), entry],
  };
}

/** When the cure period now running was served: the petition's latest defect notice. */
export function cureServedAt(petition: Pick<Petition, 'notices'>): string | undefined {
  return petition.notices?.findLast((notice) => notice.kind === 'defect-notice')?.servedAt;
}

/**
 * Resubmission is open until the end of the cure period's last day (Tehran), and refused after it.
 * The deadline is the one that decides now (shared/use-cases/petitions.ts, deadlineNow).
 */
export function assertCurePeriodOpen(deadline: Deadline | undefined, now: Date): void {
  if (deadline && isLapsed(deadline, now)) {
    throw new ConflictError(problemTexts.curePeriodOver, { lastDay: deadline.lastDay });
  }
}

/** Reinstatement is open within the objection window to the rejection order (the one that decides now). */
export function assertObjectionWindowOpen(deadline: Deadline | undefined, now: Date): void {
  if (!deadline || isLapsed(deadline, now)) {
    throw new ConflictError(problemTexts.objectionPeriodOver, { lastDay: deadline?.lastDay ?? '' });
  }
}

/** A cured (resubmitted) or reinstated petition carries no open defects or rejection any more; its notices stay. */
export function clearedOfOrders(petition: Petition): Petition {
  const { defects: _defects, cureDeadline: _cure, rejection: _rejection, ...rest } = petition;
  return rest;
}

/** Whether the daily job should move a returned petition to rejection-due at `now`. */
export function isCureLapsed(petition: Pick<Petition, 'status' | 'cureDeadline'>, now: Date): boolean {
  return petition.status === 'returned' && petition.cureDeadline !== undefined && isLapsed(petition.cureDeadline, now);
}
