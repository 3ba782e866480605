import {
  detailTypeOf,
  PETITION_EVENT_SOURCE,
  type PetitionEvent,
  parseEventOfItsType,
} from '../events/petition-events';
import type { PipeBusTarget } from '../events/pipe-transform';
import { outboxStreamFilter } from '../events/rules';
import { keys, OUTBOX_KEY_PREFIX } from './dynamo-keys';

/**
 * The transactional outbox (DESIGN.md section 8, issue 15): every change of a petition writes one
 * outbox item holding its event, in the same TransactWriteItems as the change itself. The table's
 * stream carries new outbox items to an EventBridge pipe, which puts the event on the bus. A
 * cancelled transaction writes nothing, so it emits nothing; a committed one emits its event once
 * the stream delivers it (at least once: consumers deduplicate on `eventId`).
 */

/**
 * Outbox items are read once, from the stream, within seconds; the stream keeps records 24 hours.
 * Three days leaves room for a pipe stopped over a weekend to be inspected, then TTL deletes them
 * for free (a TTL deletion is a stream REMOVE, which the pipe's filter drops).
 */
export const OUTBOX_RETENTION_DAYS = 3;

/**
 * The `Put` of an event's outbox item, to add to the change's transaction:
 *
 * ```ts
 * await transactWrite(db, { TransactItems: [{ Put: versionedPut(...) }, ..., outboxPut(tableName, event)] });
 * ```
 *
 * Key: `OUTBOX#<eventId>` / `OUTBOX`, a partition per event, so no two changes anywhere share a
 * key. The event is validated here: a malformed event cancels its change rather than reaching
 * the bus. Conditional on the key being new, so an event id is never emitted twice.
 *
 * Cost: the item is the event (300–700 bytes of JSON) and four short attributes, under 1 KB and on
 * no index, so it costs 1 write unit, which a transaction doubles: **2 write units per change**
 * (a submission goes from 16 to 18). Reading the stream (Pipes) and the TTL deletion cost nothing.
 */
export function outboxPut(tableName: string, event: PetitionEvent) {
  const valid = parseEventOfItsType(event);
  const expiresAt = Math.floor(Date.parse(valid.occurredAt) / 1000) + OUTBOX_RETENTION_DAYS * 86_400;
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.outbox(valid.eventId),
        entity: 'outbox',
        detailType: detailTypeOf(valid.type),
        // A string, not a map: the stream shows a map in DynamoDB's typed JSON ({"S": …}), which
        // the pipe could not turn back into the event; a string it hands on as the event itself.
        event: JSON.stringify(valid),
        expiresAt,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * The pipe from the table stream to the event bus, one definition for CDK (infra/event-backbone.ts)
 * and the local runtime (local/event-stream.ts): the filter on stream records (new outbox items
 * only, never a petition image with its parties) and the target's source, detail-type and detail.
 */
export const OUTBOX_PIPE: { filter: ReturnType<typeof outboxStreamFilter>; target: PipeBusTarget } = {
  filter: outboxStreamFilter(OUTBOX_KEY_PREFIX),
  target: {
    source: PETITION_EVENT_SOURCE,
    detailType: '$.dynamodb.NewImage.detailType.S',
    inputTemplate: '<$.dynamodb.NewImage.event.S>',
  },
};
