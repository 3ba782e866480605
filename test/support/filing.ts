import { handler as createPetition } from '../../functions/create-petition';
import { handler as submitPetition } from '../../functions/submit-petition';
import { apiEvent, type Caller, call } from './api-event';
import { recordPaidInFull } from './payments';
import { idempotencyKey } from './petitions';

/**
 * A petition as an office files it: created through the handler, its fees recorded as paid (the
 * verified payments a callback would write), and submitted. Both answers, for tests that look at
 * either; the petition's id.
 */
export async function fileAndSubmit(clerk: Caller, body: unknown) {
  const created = await call(createPetition, apiEvent('create-petition', { caller: clerk, body }));
  if (created.status !== 201) throw new Error(`the petition was not filed: ${JSON.stringify(created.body)}`);
  await recordPaidInFull(created.body.petitionId);
  const submitted = await call(
    submitPetition,
    apiEvent('submit-petition', {
      caller: clerk,
      pathParameters: { petitionId: created.body.petitionId },
      headers: { 'idempotency-key': idempotencyKey() },
    }),
  );
  return { created, submitted, petitionId: created.body.petitionId as string };
}
