import type { Context } from 'aws-lambda';
import type { SmsSink } from '../../local/sms-sink';
import type { PetitionEvent } from '../../shared/events/petition-events';
import type { Clock } from '../../shared/ports';
import { activeOffice, nationalId, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * The notifier and the dispatcher handle mobile numbers and see names (the petition's parties):
 * with the logger at its most talkative from the first invocation (Powertools resets a level set
 * later back to the configured one on each warm start), everything they write to stdout and
 * stderr is scanned: numbers appear masked, names never.
 */
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';

const MOBILE = '09127654321';
const NAMES = ['شهرزاد', 'کیانفر', 'بهرام‌علی'];
const at = (iso: string): Clock => ({ now: () => new Date(iso) });

let sink: SmsSink;
beforeAll(async () => {
  await provisionStores();
  const { SmsSink } = await import('../../local/sms-sink');
  const { injectSmsPort } = await import('../../shared/adapters/notices-from-env');
  sink = new SmsSink({ print: () => undefined });
  injectSmsPort(sink);
});
afterAll(dropStores);

it('writes no mobile number or name when it tells parties now, or after quiet hours', async () => {
  // Prepare: modules load now, with the logger at DEBUG
  const { notifyPartiesHandler } = await import('../../functions/notify-parties');
  const { dispatchSmsHandler } = await import('../../functions/dispatch-sms');
  const { noticeDepsFromEnv } = await import('../../shared/adapters/notices-from-env');
  const { cryptoIds, documentUrlsFromEnv, petitionAdaptersFromEnv } = await import('../../shared/adapters/from-env');
  const { createPetitionSchema } = await import('../../shared/schemas/petition');
  const { createDraft } = await import('../../shared/use-cases/petitions');
  const { toBusEvent } = await import('../../shared/events/petition-events');
  const { runAsFunction } = await import('../../local/aws-edge/identity');
  const { lambdaContext } = await import('../../local/gateway');
  const { sampleEvent, TRACKING_CODE } = await import('../support/petition-events');
  const officeCode = await activeOffice();
  const clock = at('2025-10-04T19:30:00Z'); // 23:00 Tehran: held until 07:00
  const petitionDeps = { ...petitionAdaptersFromEnv(), documents: documentUrlsFromEnv(), clock, ids: cryptoIds };
  const claimant = { type: 'person', role: 'claimant', nationalId: nationalId(), mobile: MOBILE };
  const body = petitionBody(undefined, {
    parties: [{ ...claimant, firstName: NAMES[0], lastName: NAMES[1], fatherName: NAMES[2] }],
  });
  const principal = { kind: 'office' as const, userId: 'clerk', role: 'clerk' as const, officeCode };
  // Imported here, as the modules above are: its handlers' logger must start at DEBUG.
  const { demoSchedulesFor } = await import('../support/payments');
  await demoSchedulesFor(clock.now());
  const { petition } = await createDraft(petitionDeps, principal, createPetitionSchema.parse(body));
  const event = {
    ...sampleEvent('submitted'),
    eventId: '5b0e6a52-53f2-4c43-9a7e-1f0c2d3e4f50',
    petitionId: petition.petitionId,
    officeCode,
    trackingCode: TRACKING_CODE,
  } as PetitionEvent;
  const busEvent = toBusEvent(event, { id: 'bus-1', account: '000000000000', region: 'me-central-1' });
  const run = <T>(id: string, handler: (event: never, context: Context) => Promise<T>, input: unknown) =>
    runAsFunction(id, () => handler(input as never, lambdaContext(id, 300_000)));
  const captured: string[] = [];
  const originals = { out: process.stdout.write, err: process.stderr.write };
  const capture = (chunk: unknown) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;

  // Act
  try {
    await run('notify-parties', notifyPartiesHandler({ ...noticeDepsFromEnv(), clock }), busEvent);
    await run('notify-parties', notifyPartiesHandler({ ...noticeDepsFromEnv(), clock }), busEvent);
    const morning = at('2025-10-05T03:30:00Z');
    await run('dispatch-sms', dispatchSmsHandler({ ...noticeDepsFromEnv(), clock: morning }), {});
  } finally {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
  }

  // Assess: both functions logged what they did, the number masked
  const output = captured.join('');
  expect(sink.messages()).toHaveLength(1);
  expect(output).toContain('petition event notified');
  expect(output).toContain('due SMS dispatched');
  expect(output).toContain('09*****4321');
  for (const secret of [MOBILE, MOBILE.slice(1), claimant.nationalId, ...NAMES]) expect(output).not.toContain(secret);
});
