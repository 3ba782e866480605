import { randomInt, randomUUID } from 'node:crypto';
import { newTrackingCode } from '../domain/tracking-code';
import type { IdGenerator } from '../ports';

/** Ids from Node's cryptographic randomness; tests pass their own IdGenerator. */
export const cryptoIds: IdGenerator = {
  petitionId: () => randomUUID(),
  documentId: () => randomUUID(),
  runId: () => randomUUID(),
  eventId: () => randomUUID(),
  trackingCode: () => newTrackingCode(() => randomInt(10)),
};
