import { handler as createPetition } from '../../functions/create-petition';
import { handler as generateMonthlyReport } from '../../functions/generate-monthly-report';
import { handler as getPetition } from '../../functions/get-petition';
import { handler as giveFeedback } from '../../functions/give-feedback';
import { handler as health } from '../../functions/health';
import { apiEvent, call } from '../support/api-event';
import { checkAnswer, contractViolations } from '../support/contract';
import { declaration } from '../support/documents';
import { startTestGateway } from '../support/gateway';
import { activeOffice, nationalId, petitionBody } from '../support/petitions';
import { dropStores, provisionStores, tableSnapshot } from '../support/stores';

/**
 * Bad input is refused before anything walks it: a body nested thousands of levels deep, bytes that
 * are not UTF-8, and control characters inside strings all answer 400 and change nothing.
 */
beforeAll(provisionStores);
afterAll(dropStores);

const feedback = (rawBody: string, isBase64Encoded = false) => {
  const event = apiEvent('give-feedback', { rawBody });
  event.isBase64Encoded = isBase64Encoded;
  return call(giveFeedback, event);
};

it('refuses an 8 KB body nested 4,000 levels deep on a public route with 400, not 500', async () => {
  // Prepare
  const deep = `${'['.repeat(4000)}${']'.repeat(4000)}`;
  const before = await tableSnapshot();

  // Act
  const answer = await feedback(deep);

  // Assess
  expect(answer.status).toBe(400);
  expect(answer.body.type).toBe('urn:judicial-e-services:problem:nesting-too-deep');
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(await tableSnapshot()).toEqual(before);
});

it('counts only brackets outside strings as nesting', async () => {
  const answer = await feedback(
    JSON.stringify({ trackingCode: '[[[[[[[[[[[[[[[[[[[[', nationalId: '{{{{{{{{{{{{{{{{{{', ratings: {} }),
  );

  expect(answer.status).toBe(400);
  expect(answer.body.type).toBe('urn:judicial-e-services:problem:validation');
});

it('refuses a body that is not UTF-8', async () => {
  const notUtf8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]).toString('base64');

  const answer = await feedback(notUtf8, true);

  expect(answer.status).toBe(400);
  expect(answer.body.type).toBe('urn:judicial-e-services:problem:invalid-encoding');
});

it('refuses a lone UTF-16 surrogate written as a JSON escape, naming the field', async () => {
  const answer = await feedback('{"comment":"\\ud800"}');

  expect(answer.status).toBe(400);
  expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'body.comment', code: 'forbidden_character' })]);
});

it('refuses NUL and other control characters in a field, naming the field', async () => {
  const officeCode = await activeOffice();
  const body = petitionBody(nationalId(), { subject: 'مطالبه\u0000وجه', description: 'شرح\u001b[31m' });
  const before = await tableSnapshot();

  const answer = await call(
    createPetition,
    apiEvent('create-petition', { caller: { role: 'clerk', officeCode }, body }),
  );

  expect(answer.status).toBe(400);
  expect(answer.body.errors).toEqual([
    expect.objectContaining({ field: 'body.subject', code: 'forbidden_character' }),
    expect.objectContaining({ field: 'body.description', code: 'forbidden_character' }),
  ]);
  expect(await tableSnapshot()).toEqual(before);
});

it('judges a __proto__ field as a field of its own: what it holds is checked, and the field is refused', async () => {
  // Prepare: JSON.parse makes "__proto__" an ordinary field; one with a NUL inside, one clean
  const feedbackFields = '"trackingCode":"976136312486","nationalId":"0012345679","ratings":{"courtesy":5}';
  const officeCode = await activeOffice();
  const created = JSON.stringify(petitionBody(nationalId())).replace(/^\{/, '{"__proto__":{"subject":"abc"},');
  const before = await tableSnapshot();

  // Act
  const hidden = await feedback(`{"__proto__":{"comment":"bad\\u0000\\u001b[31m"},${feedbackFields}}`);
  const clean = await call(
    createPetition,
    apiEvent('create-petition', { caller: { role: 'clerk', officeCode }, rawBody: created }),
  );

  // Assess: refused by name, nothing stored (before the fix the comment reached the use case)
  expect(hidden.status).toBe(400);
  expect(hidden.body.errors).toEqual(
    expect.arrayContaining([expect.objectContaining({ field: 'body.__proto__.comment', code: 'forbidden_character' })]),
  );
  expect(clean.status).toBe(400);
  expect(clean.body.errors).toEqual([expect.objectContaining({ field: 'body.__proto__', code: 'unrecognized_keys' })]);
  expect(await tableSnapshot()).toEqual(before);
});

it('refuses a right-to-left override in a file name, which would show "exe.pdf" for a .exe', async () => {
  // Prepare
  const officeCode = await activeOffice();
  const document = declaration(Buffer.from('%PDF-1.7'), { fileName: 'a\u202Efdp.exe' });
  const body = petitionBody(nationalId(), { documents: [document] });
  const before = await tableSnapshot();

  // Act
  const answer = await call(
    createPetition,
    apiEvent('create-petition', { caller: { role: 'clerk', officeCode }, body }),
  );

  // Assess
  expect(answer.status).toBe(400);
  expect(answer.body.errors).toEqual([
    expect.objectContaining({ field: 'body.documents.0.fileName', code: 'forbidden_character' }),
  ]);
  expect(await tableSnapshot()).toEqual(before);
});

it('refuses a field sent to a route that takes no body, and takes an empty object', async () => {
  // Prepare
  const admin = { role: 'province-admin' as const };
  const generate = (body: unknown) =>
    call(
      generateMonthlyReport as never,
      apiEvent('generate-monthly-report', { caller: admin, pathParameters: { month: '1398-04' }, body }),
    );
  const before = await tableSnapshot();

  // Act
  const withField = await generate({ month: '1398-05' });
  const notAnObject = await generate(['1398-05']);

  // Assess: refused before anything is generated
  expect(withField.status).toBe(400);
  expect(withField.body.errors).toEqual([expect.objectContaining({ field: 'body.month', code: 'unrecognized_keys' })]);
  expect(notAnObject.status).toBe(400);
  expect(await tableSnapshot()).toEqual(before);
  expect((await generate({})).status).toBe(200);
});

it('refuses a subject of zero-width spaces alone, and one national ID on both sides, changing nothing', async () => {
  // Prepare
  const officeCode = await activeOffice();
  const claimant = nationalId();
  const invisible = petitionBody(nationalId(), { subject: '\u200b\u200e\u200f\u061c\u00ad\u2060\u3164' });
  const selfSuing = petitionBody(claimant);
  selfSuing.parties[1] = { ...selfSuing.parties[0]!, role: 'defendant' };
  const before = await tableSnapshot();

  // Act
  const create = (body: unknown) =>
    call(createPetition, apiEvent('create-petition', { caller: { role: 'clerk', officeCode }, body }));
  const blank = await create(invisible);
  const twice = await create(selfSuing);

  // Assess
  expect(blank.status).toBe(400);
  expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'body.subject' })]);
  expect(twice.status).toBe(400);
  expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'body.parties.1.nationalId' })]);
  expect(await tableSnapshot()).toEqual(before);
});

it('keeps a zero-width non-joiner inside a Persian word, trimming only the ends', async () => {
  // Prepare
  const officeCode = await activeOffice();
  const clerk = { role: 'clerk' as const, officeCode };
  const body = petitionBody(nationalId(), { subject: '\u200b  مطالبه\u200cی وجه \u200d' });

  // Act
  const created = await call(createPetition, apiEvent('create-petition', { caller: clerk, body }));
  const read = await call(
    getPetition,
    apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId: created.body.petitionId } }),
  );

  // Assess
  expect(read.body.subject).toBe('مطالبه\u200cی وجه');
});

it('answers a body sent to a route that takes no input with a documented 400, and over 10 MB a documented 413', async () => {
  // Prepare
  const gateway = await startTestGateway();
  try {
    // Act: the function's answer (call holds it to the contract), then API Gateway's own
    const fields = await call(health as never, apiEvent('health', { body: { probe: 1 } }));
    const oversized = await fetch(`${gateway.baseUrl}/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    const text = await oversized.text();
    checkAnswer('POST /v1/feedback', {
      statusCode: oversized.status,
      headers: { 'content-type': oversized.headers.get('content-type') },
      body: text,
    });

    // Assess
    expect(fields.status).toBe(400);
    expect(fields.body.errors).toEqual([expect.objectContaining({ field: 'body.probe', code: 'unrecognized_keys' })]);
    expect(oversized.status).toBe(413);
    expect(JSON.parse(text)).toEqual({ message: 'Request Entity Too Large' });
    expect(contractViolations).toEqual([]);
  } finally {
    await gateway.stop();
  }
});

it('keeps tabs and new lines, and stores a Windows line end as a new line', async () => {
  const officeCode = await activeOffice();
  const clerk = { role: 'clerk' as const, officeCode };
  const body = petitionBody(nationalId(), { description: 'بند یک\r\nبند دو\tادامه' });

  const created = await call(createPetition, apiEvent('create-petition', { caller: clerk, body }));
  const read = await call(
    getPetition,
    apiEvent('get-petition', { caller: clerk, pathParameters: { petitionId: created.body.petitionId } }),
  );

  expect(created.status).toBe(201);
  expect(read.body.description).toBe('بند یک\nبند دو\tادامه');
});

it('refuses bytes that are not UTF-8 sent as a text body through the gateway', async () => {
  const gateway = await startTestGateway();
  try {
    const answer = await fetch(`${gateway.baseUrl}/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from([0x7b, 0x22, 0x63, 0x6f, 0x6d, 0x6d, 0x65, 0x6e, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
    });

    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { type: string }).type).toBe('urn:judicial-e-services:problem:invalid-encoding');
  } finally {
    await gateway.stop();
  }
});
