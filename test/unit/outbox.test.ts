import { core } from 'zod/mini';
import { OUTBOX_PIPE, OUTBOX_RETENTION_DAYS, outboxPut } from '../../shared/adapters/dynamo-outbox';
import { matchesEventPattern } from '../../shared/events/event-pattern';
import { type PetitionEvent, toBusEvent } from '../../shared/events/petition-events';
import {
  busEntryOf,
  PipeTransformError,
  renderInputTemplate,
  resolvePipePath,
  targetParameter,
} from '../../shared/events/pipe-transform';
import { courtCaseManagementPatterns, NOTIFIER_RULE_PATTERN } from '../../shared/events/rules';
import { allSampleEvents, COURT, sampleEvent } from '../support/petition-events';

/** A DynamoDB stream record as a pipe receives it, for an item written with `Item`. */
function streamRecord(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', item: Record<string, unknown>) {
  const image = Object.fromEntries(
    Object.entries(item).map(([k, v]) => [k, typeof v === 'number' ? { N: String(v) } : { S: String(v) }]),
  );
  return {
    eventID: '7f1c',
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'me-central-1',
    dynamodb: {
      Keys: { pk: image.pk, sk: image.sk },
      ...(eventName === 'REMOVE' ? {} : { NewImage: image }),
      SequenceNumber: '100',
      SizeBytes: 500,
      StreamViewType: 'NEW_IMAGE',
    },
    eventSourceARN: 'arn:aws:dynamodb:me-central-1:000000000000:table/data/stream/label',
  };
}

/** DynamoDB's item size: each attribute's name plus its value (UTF-8 strings; numbers about 1 byte per 2 digits + 1). */
function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce(
    (size, [name, value]) =>
      size +
      Buffer.byteLength(name) +
      (typeof value === 'number' ? Math.ceil(String(value).length / 2) + 1 : Buffer.byteLength(String(value))),
    0,
  );
}

describe('the outbox item', () => {
  it('is a conditional put keyed by its event alone: one partition per event, never a shared key', () => {
    const [first, second] = allSampleEvents().map((event, i) => ({
      ...event,
      eventId: `${i}`.padStart(8, '0') + event.eventId.slice(8),
    }));
    const a = outboxPut('data', first!).Put;
    const b = outboxPut('data', second!).Put;

    expect(a.Item.pk).toBe(`OUTBOX#${first!.eventId}`);
    expect(a.Item.sk).toBe('OUTBOX');
    expect(a.Item.pk).not.toBe(b.Item.pk);
    expect(a.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(a.TableName).toBe('data');
  });

  it('holds the event as JSON, its detail-type, and a TTL of a few days after the change', () => {
    const event = sampleEvent('returned');

    const { Item } = outboxPut('data', event).Put;

    expect(JSON.parse(Item.event)).toEqual(event);
    expect(Item.detailType).toBe('petition.returned');
    expect(Item.expiresAt).toBe(Date.parse(event.occurredAt) / 1000 + OUTBOX_RETENTION_DAYS * 86_400);
    expect(Object.keys(Item).filter((name) => name.startsWith('gsi'))).toEqual([]);
  });

  it('costs one write unit (doubled in a transaction): every event, at its longest, stays under 1 KB', () => {
    for (const event of allSampleEvents({ caseNumber: '14049876543210987654' })) {
      expect(itemSize(outboxPut('data', event).Put.Item)).toBeLessThan(1024);
    }
  });

  it('refuses an event outside the schema (a name slipped in), so its change fails instead of the bus carrying it', () => {
    const event = { ...sampleEvent('submitted'), claimantName: 'زهرا محمدی' } as unknown as PetitionEvent;

    expect(() => outboxPut('data', event)).toThrow(core.$ZodError);
  });
});

describe('the outbox pipe (filter and transformation shared by CDK and the local runtime)', () => {
  const event = sampleEvent('registered');
  const outboxItem = outboxPut('data', event).Put.Item;

  it('passes a new outbox item and nothing else from the table stream', () => {
    const petitionItem = { pk: `PETITION#${event.petitionId}`, sk: 'PETITION', parties: '[…]' };

    expect(matchesEventPattern(OUTBOX_PIPE.filter, streamRecord('INSERT', outboxItem))).toBe(true);
    expect(matchesEventPattern(OUTBOX_PIPE.filter, streamRecord('INSERT', petitionItem))).toBe(false);
    expect(matchesEventPattern(OUTBOX_PIPE.filter, streamRecord('MODIFY', outboxItem))).toBe(false);
    // TTL's deletion of an outbox item three days later is a REMOVE: not an event again.
    expect(matchesEventPattern(OUTBOX_PIPE.filter, streamRecord('REMOVE', outboxItem))).toBe(false);
  });

  it('makes the record a clean bus event: source, detail-type and the event itself as detail', () => {
    const entry = busEntryOf(OUTBOX_PIPE.target, streamRecord('INSERT', outboxItem));

    expect(entry).toEqual({ source: 'jeso.petitions', detailType: 'petition.registered', detail: event });
  });

  it('gives events the notifier rule and a court subscription select', () => {
    const bus = { id: 'b', account: '000000000000', region: 'me-central-1' };
    const busEvent = toBusEvent(event, bus);
    const [ownCourt] = courtCaseManagementPatterns(COURT);

    expect(matchesEventPattern(NOTIFIER_RULE_PATTERN, busEvent)).toBe(true);
    expect(matchesEventPattern(ownCourt!, busEvent)).toBe(true);
    expect(matchesEventPattern(courtCaseManagementPatterns('56-OTHER-01')[0]!, busEvent)).toBe(false);
  });
});

describe('pipe input transformation, as documented', () => {
  const record = { a: { b: 'text "quoted"', n: 7, o: { x: [1, 2] } } };

  it('puts a string in as it is (quote it yourself), objects and numbers as JSON', () => {
    expect(
      renderInputTemplate('{"s": "<$.a.b>", "n": <$.a.n>, "o": <$.a.o>}', { a: { ...record.a, b: 'plain' } }),
    ).toBe('{"s": "plain", "n": 7, "o": {"x":[1,2]}}');
    expect(renderInputTemplate('<$.a.b>', record)).toBe('text "quoted"');
  });

  it('reads a dynamic path parameter from the record, and takes any other value as it is', () => {
    expect(targetParameter('$.a.b', record)).toBe('text "quoted"');
    expect(targetParameter('jeso.petitions', record)).toBe('jeso.petitions');
    expect(resolvePipePath(record, '$.a.missing')).toBeUndefined();
  });

  it('refuses what it does not model, and a detail that is not a JSON object', () => {
    expect(() => renderInputTemplate('<aws.pipes.event.ingestion-time>', record)).toThrow(PipeTransformError);
    expect(() => renderInputTemplate('<$.a.o.x[0]>', record)).toThrow(PipeTransformError);
    expect(() => renderInputTemplate('<$.a.missing>', record)).toThrow(PipeTransformError);
    const target = { source: 's', detailType: 'd', inputTemplate: '<$.a.b>' };
    expect(() => busEntryOf(target, record)).toThrow('the detail is not JSON');
    expect(() => busEntryOf({ ...target, inputTemplate: '<$.a.o.x>' }, record)).toThrow('not a JSON object');
  });
});
