import { NOTICE_TABLE } from '../domain/notice-recipients';
import type { EventPattern } from './event-pattern';
import {
  detailTypeOf,
  PETITION_EVENT_SOURCE,
  PETITION_EVENT_TYPES,
  PETITION_EVENT_VERSION,
  type PetitionEventType,
} from './petition-events';

/**
 * The event patterns of the notices pipeline, as plain JSON: CDK gives them to
 * `events.Rule({ eventPattern })` / a pipe's filter criteria, and the local runtime gives the very
 * same objects to `matchesEventPattern`. Field names are the bus's (`detail-type`, not
 * `detailType`): CDK's EventPattern type spells them in camelCase, so hand these to the L1
 * `CfnRule.eventPattern` or map the two top-level names.
 */

/**
 * The event types someone is told of: every type but those whose row of the notice table is
 * empty (a removed document), which would only cost the notifier an invocation and two reads.
 */
export const NOTICE_EVENT_TYPES = /* @__PURE__ */ PETITION_EVENT_TYPES.filter((type) =>
  Object.values(NOTICE_TABLE[type]).some((channels) => channels.length > 0),
);

/** Petition events of schema version 1 that someone is told of: the notifier sends SMS and posts notices from these. */
export const NOTIFIER_RULE_PATTERN = {
  source: [PETITION_EVENT_SOURCE],
  'detail-type': /* @__PURE__ */ NOTICE_EVENT_TYPES.map(detailTypeOf),
  detail: { version: [PETITION_EVENT_VERSION] },
} as const satisfies EventPattern;

/**
 * Each time a petition goes (back) into the court's hands: a first submission, a resubmission, and
 * a reinstatement (whose petition may hold scans declared while it was returned). The document
 * keeper lifts the draft tag from their scans (shared/use-cases/documents.ts, keepSubmittedDocuments).
 * And each removal of a declared document, whose object the keeper deletes (forgetRemovedDocument).
 */
export const DOCUMENT_KEEPER_RULE_PATTERN = {
  source: [PETITION_EVENT_SOURCE],
  'detail-type': [detailTypeOf('submitted'), detailTypeOf('reinstated'), detailTypeOf('document-removed')],
  detail: { version: [PETITION_EVENT_VERSION] },
} as const satisfies EventPattern;

/**
 * What a court's case-management system follows: every step of a petition in the court's hands.
 * Document checks and payments happen on the draft, before any court is involved. A first
 * submission names no court yet (routing follows it); a resubmission does.
 */
export const COURT_EVENT_TYPES = [
  'submitted',
  'routed',
  'reassigned',
  'dispatched',
  'registered',
  'returned',
  'rejection-due',
  'rejected',
  'reinstated',
  'withdrawn',
  'deadline-moved',
] as const satisfies readonly PetitionEventType[];

/**
 * The example rule for a court case-management system subscribing to the bus: the events of the
 * petitions routed to one court. A reassignment away from the court names the new court, so the
 * old court also subscribes to `detail.data.previousCourtCode` (second pattern).
 */
export function courtCaseManagementPatterns(courtCode: string): EventPattern[] {
  const common = { source: [PETITION_EVENT_SOURCE], 'detail-type': COURT_EVENT_TYPES.map(detailTypeOf) };
  return [
    { ...common, detail: { courtCode: [courtCode] } },
    {
      source: [PETITION_EVENT_SOURCE],
      'detail-type': [detailTypeOf('reassigned')],
      detail: { data: { previousCourtCode: [courtCode] } },
    },
  ];
}

/** For the README's event catalogue and the CDK example: one court of the demo province. */
export const EXAMPLE_COURT_RULE_PATTERN: EventPattern = {
  source: [PETITION_EVENT_SOURCE],
  'detail-type': COURT_EVENT_TYPES.map(detailTypeOf),
  detail: { courtCode: ['56-PEACE-01'] },
};

/**
 * The pipe's filter on the table stream: only new outbox items become bus events (an outbox
 * item is written once, in the transaction of the change, and never updated). The key layout is
 * the integrator's choice; the pattern takes the partition-key prefix of outbox items.
 */
export function outboxStreamFilter(outboxKeyPrefix: string): EventPattern {
  return { eventName: ['INSERT'], dynamodb: { NewImage: { pk: { S: [{ prefix: outboxKeyPrefix }] } } } };
}
