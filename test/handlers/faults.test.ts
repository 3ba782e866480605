import { handler as createPetition } from '../../functions/create-petition';
import { handler as getPetition } from '../../functions/get-petition';
import { handler as submitPetition } from '../../functions/submit-petition';
import { handler as verifyDocument } from '../../functions/verify-document';
import { solarHijriMonth } from '../../shared/domain/solar-hijri';
import { apiEvent, type Caller, call, invoke } from '../support/api-event';
import { declaration, keyOf, objectCreated, scan, upload } from '../support/documents';
import { injectFault, s3Unavailable, throttled, transactionConflict } from '../support/faults';
import { recordPaidInFull } from '../support/payments';
import { activeOffice, counter, idempotencyKey, petitionBody } from '../support/petitions';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

beforeAll(provisionStores);
afterAll(dropStores);

async function draft() {
  const officeCode = await activeOffice();
  const clerk: Caller = { role: 'clerk', officeCode };
  const created = await call(createPetition, apiEvent('create-petition', { caller: clerk, body: petitionBody() }));
  await recordPaidInFull(created.body.petitionId);
  return { officeCode, clerk, petitionId: created.body.petitionId as string };
}

const submit = (clerk: Caller, petitionId: string, key: string) =>
  call(
    submitPetition,
    apiEvent('submit-petition', { caller: clerk, pathParameters: { petitionId }, headers: { 'idempotency-key': key } }),
  );

describe('when DynamoDB throttles or transactions collide', () => {
  it.each([
    ['throttling that outlasts the retries', throttled],
    ['a transaction cancelled by contention', transactionConflict],
  ])(
    'answers 503 with Retry-After on %s, writes nothing, and a retry with the same key submits once',
    async (_name, error) => {
      const { officeCode, clerk, petitionId } = await draft();
      const key = idempotencyKey();
      const before = await tableSnapshot();
      const fault = injectFault({ service: 'dynamo', command: 'TransactWriteItemsCommand', error, times: 10 });

      const failed = await submit(clerk, petitionId, key);
      fault.remove();
      const afterFailure = await tableSnapshot();
      const retried = await submit(clerk, petitionId, key);

      expect(failed.status).toBe(503);
      expect(failed.headers['retry-after']).toBe('1');
      expect(failed.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(afterFailure).toEqual(before);
      expect(retried.status).toBe(200);
      expect((await counter(officeCode, `J#${retried.body.month}`))?.submitted).toBe(1);
    },
  );

  it.each([
    ['brief throttling', throttled],
    ['brief contention', transactionConflict],
  ])('rides out %s within the request, answering 200', async (_name, error) => {
    const { clerk, petitionId } = await draft();
    const fault = injectFault({ service: 'dynamo', command: 'TransactWriteItemsCommand', error, times: 1 });

    const answer = await submit(clerk, petitionId, idempotencyKey());
    fault.remove();

    expect(answer.status).toBe(200);
    expect(fault.remaining()).toBe(0);
  });

  it('returns the first answer to a retry when the submission went through but its answer was lost', async () => {
    const { officeCode, clerk, petitionId } = await draft();
    const key = idempotencyKey();
    // The transaction commits, then every answer is lost on the way back, through all the SDK's retries.
    const fault = injectFault({
      service: 'dynamo',
      command: 'TransactWriteItemsCommand',
      error: throttled,
      times: 50,
      afterSend: true,
    });

    const failed = await submit(clerk, petitionId, key);
    fault.remove();
    const retried = await submit(clerk, petitionId, key);
    const read = await call(getPetition, apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId } }));

    expect(failed.status).toBe(503);
    expect(retried.status).toBe(200);
    expect(retried.body.trackingCode).toBe(read.body.trackingCode);
    expect((await counter(officeCode, `J#${solarHijriMonth(new Date(read.body.submittedAt))}`))?.submitted).toBe(1);
  });
});

describe('when S3 is unavailable', () => {
  it('still presigns uploads, and verification fails (to be retried) instead of rejecting', async () => {
    const officeCode = await activeOffice();
    const clerk: Caller = { role: 'clerk', officeCode };
    const bytes = scan.pdf();
    const fault = injectFault({ service: 's3', command: 'GetObjectCommand', error: s3Unavailable, times: 1000 });

    const created = await call(
      createPetition,
      apiEvent('create-petition', {
        caller: clerk,
        body: petitionBody(undefined, { documents: [declaration(bytes)] }),
      }),
    );
    const instruction = created.body.uploads[0];
    await upload(instruction, bytes);
    const attempt = invoke('verify-document', verifyDocument, objectCreated(keyOf(instruction.uploadUrl)));
    await expect(attempt).rejects.toThrow('Service Unavailable');
    fault.remove();
    const later = await invoke('verify-document', verifyDocument, objectCreated(keyOf(instruction.uploadUrl)));

    expect(created.status).toBe(201);
    expect(later).toMatchObject({ outcome: 'verified' });
  });
});
