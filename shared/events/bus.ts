import type { EventPattern } from './event-pattern';
import { DOCUMENT_KEEPER_RULE_PATTERN, NOTIFIER_RULE_PATTERN } from './rules';

/** The custom bus petition events are published on; court systems subscribe to it by this name. */
export const PETITION_EVENT_BUS_NAME = 'jeso-petition-events';

/** A rule of the bus that invokes one of our functions (functions/<functionId>.ts). */
export interface BusRule {
  name: string;
  description: string;
  functionId: string;
  pattern: EventPattern;
  /** The target sends SMS: CDK gives it the provider's settings and API key. */
  sendsSms?: true;
  /**
   * Where an event the target failed on waits for an operator's replay (infra/event-backbone.ts).
   * Each queue holds one target's failures, so a replay never reaches another target.
   */
  deadLetters: 'notices' | 'keeper';
}

/**
 * The bus's own rules, one list for CDK (infra/event-backbone.ts makes each a rule with retries and
 * a dead-letter queue) and the local runtime (local/event-stream.ts matches each event against
 * the same patterns and invokes the same handlers).
 */
export const BUS_RULES: readonly BusRule[] = [
  {
    name: 'Notifier',
    description: 'Petition events of schema version 1 that someone is told of, to the notifier (NOTIFIER_RULE_PATTERN)',
    functionId: 'notify-parties',
    pattern: NOTIFIER_RULE_PATTERN,
    sendsSms: true,
    deadLetters: 'notices',
  },
  {
    name: 'DocumentKeeper',
    description:
      'Submissions, reinstatements and document removals to the document keeper (DOCUMENT_KEEPER_RULE_PATTERN)',
    functionId: 'keep-documents',
    pattern: DOCUMENT_KEEPER_RULE_PATTERN,
    deadLetters: 'keeper',
  },
];
