import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import * as z from 'zod/mini';
import {
  isCaseRegistered,
  PETITION_EVENT_SCHEMA_PATH,
  PETITION_EVENT_TYPES,
  type PetitionEvent,
  parseEventOfItsType,
  parsePetitionEvent,
  petitionEventJsonSchema,
  renderPetitionEventJsonSchema,
  toBusEvent,
} from '../../shared/events/petition-events';
import { allSampleEvents, sampleEvent } from '../support/petition-events';

describe('petition events, version 1', () => {
  const samples = allSampleEvents().map((event) => [event.type, event] as const);

  it.each(samples)('%s survives a JSON round trip unchanged', (_, event) => {
    const wire = JSON.stringify(event);

    const parsed = parsePetitionEvent(JSON.parse(wire));

    expect(parsed).toEqual(event);
  });

  it('has a sample for every event type', () => {
    expect(new Set(allSampleEvents().map((e) => e.type))).toEqual(new Set(PETITION_EVENT_TYPES));
  });

  it.each([
    ['a name in the envelope', { claimantName: 'علی رضایی' }],
    ['a national ID in the envelope', { nationalId: '0499370899' }],
    ['a mobile in the envelope', { mobile: '09121234567' }],
  ])('refuses %s: events carry no personal data', (_, extra) => {
    const event = { ...sampleEvent('returned'), ...extra };

    expect(() => parsePetitionEvent(event)).toThrow();
  });

  it('refuses personal data smuggled into the type-specific data', () => {
    const event = sampleEvent('returned');
    const tampered = { ...event, data: { ...event.data, mobile: '09121234567' } };

    expect(() => parsePetitionEvent(tampered)).toThrow();
  });

  const returned = sampleEvent('returned');
  const twice = ['unpaid-fees', 'unpaid-fees'];

  const malformed: Array<[string, () => unknown]> = [
    ['a routed event without its court', () => (({ courtCode: _, ...rest }) => rest)(sampleEvent('routed'))],
    [
      'a registered event without a case number',
      () => (({ caseNumber: _, ...rest }) => rest)(sampleEvent('registered')),
    ],
    [
      'a submitted event without a tracking code',
      () => (({ trackingCode: _, ...rest }) => rest)(sampleEvent('submitted')),
    ],
    ['a return with no defect', () => ({ ...returned, data: { ...returned.data, defects: [] } })],
    ['a return listing a defect twice', () => ({ ...returned, data: { ...returned.data, defects: twice } })],
    ['another schema version', () => ({ ...sampleEvent('dispatched'), version: 2 })],
    ['an unknown event type', () => ({ ...sampleEvent('dispatched'), type: 'archived' })],
    [
      'a tracking code with a wrong check digit',
      () => ({ ...sampleEvent('dispatched'), trackingCode: '987654321090' }),
    ],
    ['a name in the envelope', () => ({ ...sampleEvent('returned'), claimantName: 'علی رضایی' })],
    ['a mobile in the data', () => ({ ...returned, data: { ...returned.data, mobile: '09121234567' } })],
    [
      'a routed event with a submission’s data',
      () => ({ ...sampleEvent('routed'), data: sampleEvent('submitted').data }),
    ],
  ];

  it.each(malformed)('refuses %s', (_, make) => {
    expect(() => parsePetitionEvent(make())).toThrow();
  });

  it.each([
    ...malformed,
    ['a type named after an object’s own property', () => ({ ...sampleEvent('dispatched'), type: 'constructor' })],
    ['a type named __proto__', () => ({ ...sampleEvent('dispatched'), type: '__proto__' })],
  ] as Array<[string, () => unknown]>)('refuses %s in its producer’s check against its own type too', (_, make) => {
    expect(() => parseEventOfItsType(make() as PetitionEvent)).toThrow(z.core.$ZodError);
  });

  it.each(samples)('passes a %s event in its producer’s check, unchanged', (_, event) => {
    expect(parseEventOfItsType(event)).toEqual(event);
  });

  it('accepts a document rejection on a draft, which has no tracking code yet', () => {
    const event = sampleEvent('document-rejected', { draft: true });

    expect(parsePetitionEvent(event).trackingCode).toBeUndefined();
  });

  it('counts a case as registered from the registration event on', () => {
    expect(isCaseRegistered(sampleEvent('dispatched'))).toBe(false);
    expect(isCaseRegistered(sampleEvent('registered'))).toBe(true);
    expect(isCaseRegistered(sampleEvent('withdrawn', { caseNumber: '140400001234' }))).toBe(true);
  });

  it('wraps an event the way the bus delivers it: source, detail-type, the event as detail, time to the second', () => {
    const event = sampleEvent('returned');

    const busEvent = toBusEvent(event, { id: 'b-1', account: '000000000000', region: 'me-central-1' });

    expect(busEvent).toMatchObject({
      source: 'jeso.petitions',
      'detail-type': 'petition.returned',
      time: '2025-10-04T06:30:00Z',
      detail: event,
    });
  });
});

describe('the published JSON Schema', () => {
  // After changing the events: npx tsx scripts/write-event-schemas.ts
  // The file is compared as JSON: its layout is biome's, the script formats it after writing.
  it('is committed exactly as the script writes it', () => {
    const committed = readFileSync(join(__dirname, '..', '..', PETITION_EVENT_SCHEMA_PATH), 'utf8');

    expect(JSON.parse(committed)).toEqual(JSON.parse(renderPetitionEventJsonSchema()));
  });

  it('accepts every sample event and refuses one with personal data, as the zod schema does', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(
      petitionEventJsonSchema(),
    );
    const withName = { ...sampleEvent('registered'), claimantName: 'علی رضایی' };

    const verdicts = allSampleEvents().map((event) => [event.type, validate(event)]);

    expect(verdicts.filter(([, ok]) => !ok)).toEqual([]);
    expect(validate(withName)).toBe(false);
  });
});
