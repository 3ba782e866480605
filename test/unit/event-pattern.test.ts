import { NOTICE_TABLE } from '../../shared/domain/notice-recipients';
import {
  assertValidPattern,
  type EventPattern,
  InvalidEventPatternError,
  matchesEventPattern,
} from '../../shared/events/event-pattern';
import {
  PETITION_EVENT_TYPES,
  type PetitionEvent,
  parseKeeperEvent,
  toBusEvent,
} from '../../shared/events/petition-events';
import {
  courtCaseManagementPatterns,
  DOCUMENT_KEEPER_RULE_PATTERN,
  EXAMPLE_COURT_RULE_PATTERN,
  NOTIFIER_RULE_PATTERN,
  outboxStreamFilter,
} from '../../shared/events/rules';
import { allSampleEvents, COURT, sampleEvent } from '../support/petition-events';

/** The example event of AWS's pages (an EC2 state change), with the fields the examples filter on. */
const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated', 'c-count': 5, 'd-count': 3, 'x-limit': 301.8 },
};
const with_ = (detail: Record<string, unknown>) => ({ ...ec2Event, detail: { ...ec2Event.detail, ...detail } });

describe('event patterns, by AWS’s documented matching rules', () => {
  it('matches when every field the pattern names has one of the listed values (eb-create-pattern)', () => {
    const pattern = {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['terminated'] },
    };

    expect(matchesEventPattern(pattern, ec2Event)).toBe(true);
    expect(matchesEventPattern(pattern, with_({ state: 'running' }))).toBe(false);
  });

  it('does not match when a field the pattern names is missing from the event', () => {
    expect(matchesEventPattern({ detail: { missing: ['x'] } }, ec2Event)).toBe(false);
  });

  it('matches exactly and case-sensitively', () => {
    expect(matchesEventPattern({ source: ['AWS.EC2'] }, ec2Event)).toBe(false);
    expect(matchesEventPattern({ source: ['aws.ec'] }, ec2Event)).toBe(false);
  });

  it('matches an array in the event when it intersects the pattern’s list (eb-event-patterns-arrays)', () => {
    const pattern = {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    };
    const event = {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:' +
          'autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    };

    expect(matchesEventPattern(pattern, event)).toBe(true);
    const elsewhere = { resources: ['arn:aws:ec2:us-east-1:999999999999:instance/i-b188560f'] };
    expect(matchesEventPattern(pattern, elsewhere)).toBe(false);
  });

  it('tells null from the empty string (eb-event-patterns-null-values)', () => {
    const event = { detail: { eventVersion: '', responseElements: null } };

    expect(matchesEventPattern({ detail: { eventVersion: [''] } }, event)).toBe(true);
    expect(matchesEventPattern({ detail: { responseElements: [null] } }, event)).toBe(true);
    expect(matchesEventPattern({ detail: { eventVersion: [null] } }, event)).toBe(false);
    expect(matchesEventPattern({ detail: { responseElements: [''] } }, event)).toBe(false);
  });

  it('matches a prefix of a string value (content filtering: prefix)', () => {
    expect(matchesEventPattern({ time: [{ prefix: '2017-12-22' }] }, ec2Event)).toBe(true);
    expect(matchesEventPattern({ time: [{ prefix: '2017-10-02' }] }, ec2Event)).toBe(false);
    expect(matchesEventPattern({ detail: { 'c-count': [{ prefix: '5' }] } }, ec2Event)).toBe(false);
  });

  it.each([
    [{ 'anything-but': 'initializing' }, 'terminated', true],
    [{ 'anything-but': 'initializing' }, 'initializing', false],
    [{ 'anything-but': ['stopped', 'overloaded'] }, 'stopped', false],
    [{ 'anything-but': ['stopped', 'overloaded'] }, 'running', true],
    [{ 'anything-but': { prefix: 'init' } }, 'initializing', false],
    [{ 'anything-but': { prefix: 'init' } }, 'running', true],
  ] as const)('anything-but %j against state %j matches: %s', (matcher, state, expected) => {
    expect(matchesEventPattern({ detail: { state: [matcher] } }, with_({ state }))).toBe(expected);
  });

  it('anything-but matches numbers too, and never a missing field', () => {
    const notRound = { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } };
    expect(matchesEventPattern(notRound, with_({ 'x-limit': 123 }))).toBe(true);
    expect(matchesEventPattern({ detail: { 'x-limit': [{ 'anything-but': 123 }] } }, with_({ 'x-limit': 123 }))).toBe(
      false,
    );
    expect(matchesEventPattern({ detail: { absent: [{ 'anything-but': 'x' }] } }, ec2Event)).toBe(false);
  });

  it('applies numeric ranges to JSON numbers only (content filtering: numeric)', () => {
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    } satisfies EventPattern;

    expect(matchesEventPattern(pattern, ec2Event)).toBe(true);
    expect(matchesEventPattern(pattern, with_({ 'c-count': 6 }))).toBe(false);
    expect(matchesEventPattern(pattern, with_({ 'c-count': 0 }))).toBe(false);
    expect(matchesEventPattern(pattern, with_({ 'c-count': '5' }))).toBe(false);
  });

  it('exists matches the presence or absence of a leaf, and never an intermediate node (content filtering: exists)', () => {
    const exists = { detail: { state: [{ exists: true }] } };
    const absent = { detail: { state: [{ exists: false }] } };
    const withoutState = { detail: { 'c-count': { c1: 100 } } };

    expect(matchesEventPattern(exists, ec2Event)).toBe(true);
    expect(matchesEventPattern(exists, withoutState)).toBe(false);
    expect(matchesEventPattern(absent, withoutState)).toBe(true);
    expect(matchesEventPattern(absent, ec2Event)).toBe(false);
    expect(matchesEventPattern({ detail: { 'c-count': [{ exists: true }] } }, withoutState)).toBe(false);
    expect(matchesEventPattern(exists, { detail: { state: ['initializing', 'running'] } })).toBe(true);
  });

  it('combines several filters, all of which must hold (content filtering: complex example)', () => {
    const pattern = {
      time: [{ prefix: '2017-12-22' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
      },
    } satisfies EventPattern;

    expect(matchesEventPattern(pattern, ec2Event)).toBe(true);
    expect(matchesEventPattern(pattern, with_({ 'x-limit': 200 }))).toBe(false);
  });

  it('matches a nested pattern against an array of objects when one element matches', () => {
    const event = { detail: { items: [{ kind: 'a' }, { kind: 'b' }] } };

    expect(matchesEventPattern({ detail: { items: { kind: ['b'] } } }, event)).toBe(true);
    expect(matchesEventPattern({ detail: { items: { kind: ['c'] } } }, event)).toBe(false);
  });

  it.each([
    ['an operator the local matcher does not implement', { source: [{ suffix: '.ec2' }] }],
    ['an empty list of values', { source: [] }],
    ['a bare value instead of a list', { source: 'aws.ec2' }],
    ['a matcher object with two operators', { source: [{ prefix: 'a', exists: true }] }],
    ['anything-but with a mixed list', { source: [{ 'anything-but': ['a', 1] }] }],
    ['a numeric range with a bad operator', { x: [{ numeric: ['>>', 1] }] }],
    ['an empty pattern', {}],
  ])('refuses %s loudly instead of matching differently from AWS', (_, pattern) => {
    expect(() => assertValidPattern(pattern)).toThrow(InvalidEventPatternError);
  });
});

describe('the rules of the notices pipeline', () => {
  const bus = { id: 'local-1', account: '000000000000', region: 'me-central-1' };
  const onBus = (event: PetitionEvent) => toBusEvent(event, bus);

  it('are valid patterns the local matcher fully understands', () => {
    const patterns = [
      NOTIFIER_RULE_PATTERN,
      DOCUMENT_KEEPER_RULE_PATTERN,
      EXAMPLE_COURT_RULE_PATTERN,
      ...courtCaseManagementPatterns(COURT),
      outboxStreamFilter('EVENT#'),
    ];

    for (const pattern of patterns) {
      expect(() => assertValidPattern(pattern)).not.toThrow();
    }
  });

  it('the notifier rule takes every event but a removed document, which the notice table tells no one of', () => {
    const left = PETITION_EVENT_TYPES.filter(
      (type) => !matchesEventPattern(NOTIFIER_RULE_PATTERN, onBus(sampleEvent(type))),
    );

    expect(left).toEqual(['document-removed']);
    expect(NOTICE_TABLE['document-removed']).toEqual({ claimant: [], defendant: [], accused: [] });
  });

  it('the document keeper takes the events that put a petition (back) in the court’s hands, and removals', () => {
    const taken = PETITION_EVENT_TYPES.filter((type) =>
      matchesEventPattern(DOCUMENT_KEEPER_RULE_PATTERN, onBus(sampleEvent(type))),
    );

    // submitted: a first submission or a resubmission; reinstated: back from a rejection order;
    // document-removed: the removed document's object is deleted.
    expect(taken).toEqual(['submitted', 'reinstated', 'document-removed']);
  });

  it('the document keeper parses exactly the events its rule passes, and refuses any other', () => {
    const passed = PETITION_EVENT_TYPES.filter((type) =>
      matchesEventPattern(DOCUMENT_KEEPER_RULE_PATTERN, onBus(sampleEvent(type))),
    );
    const parsed = PETITION_EVENT_TYPES.filter((type) => {
      try {
        parseKeeperEvent(sampleEvent(type));
        return true;
      } catch {
        return false;
      }
    });

    expect(parsed).toEqual(passed);
  });

  it('the notifier rule ignores other sources and other schema versions', () => {
    const busEvent = onBus(sampleEvent('submitted'));

    expect(matchesEventPattern(NOTIFIER_RULE_PATTERN, { ...busEvent, source: 'jeso.offices' })).toBe(false);
    const version2 = { ...busEvent, detail: { ...busEvent.detail, version: 2 } };
    expect(matchesEventPattern(NOTIFIER_RULE_PATTERN, version2)).toBe(false);
  });

  it('a court’s rule takes the events of petitions in its hands, and no draft’s payment or documents', () => {
    const [own] = courtCaseManagementPatterns(COURT);

    const taken = allSampleEvents()
      .filter((event) => matchesEventPattern(own!, onBus(event)))
      .map((e) => e.type);

    expect(new Set(taken)).toEqual(
      new Set([
        'routed',
        'reassigned',
        'dispatched',
        'registered',
        'returned',
        'rejection-due',
        'rejected',
        'reinstated',
        'deadline-moved',
      ]),
    );
  });

  it('a court’s rule ignores another court’s petitions', () => {
    const [own] = courtCaseManagementPatterns('56-CIVIL-09');

    expect(allSampleEvents().some((event) => matchesEventPattern(own!, onBus(event)))).toBe(false);
  });

  it('the court a petition is reassigned away from hears of it through its second pattern', () => {
    const [, away] = courtCaseManagementPatterns('56-CIVIL-02');

    expect(matchesEventPattern(away!, onBus(sampleEvent('reassigned')))).toBe(true);
    expect(matchesEventPattern(away!, onBus(sampleEvent('routed')))).toBe(false);
  });

  it('the pipe filter passes new outbox items only: not their updates, not other items', () => {
    const filter = outboxStreamFilter('EVENT#');
    const record = (eventName: string, pk: string) => ({
      eventName,
      dynamodb: { NewImage: { pk: { S: pk }, sk: { S: 'EVENT' } } },
    });

    expect(matchesEventPattern(filter, record('INSERT', 'EVENT#0f8e2c1a#7'))).toBe(true);
    expect(matchesEventPattern(filter, record('MODIFY', 'EVENT#0f8e2c1a#7'))).toBe(false);
    expect(matchesEventPattern(filter, record('INSERT', 'PETITION#0f8e2c1a'))).toBe(false);
  });
});
