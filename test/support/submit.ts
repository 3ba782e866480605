import { handler as submitPetition } from '../../functions/submit-petition';
import { apiEvent, type Caller, call } from './api-event';
import { idempotencyKey } from './petitions';

/** The caller's submission through the real handler, with a fresh Idempotency-Key. */
export const submit = (caller: Caller, petitionId: string) =>
  call(
    submitPetition,
    apiEvent('submit-petition', {
      caller,
      pathParameters: { petitionId },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
  );
