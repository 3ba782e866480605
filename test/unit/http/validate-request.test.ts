import * as z from 'zod/mini';
import { validateRequest } from '../../../shared/http/validate-request';
import { defineRoute } from '../../../shared/routes/define';
import { bareEvent, withOnly } from './bare';

const route = defineRoute({
  id: 'unit',
  method: 'POST',
  path: '/v1/things/{id}',
  auth: 'public',
  summary: 'unit',
  idempotent: true,
  request: {
    path: z.strictObject({ id: z.string().check(z.regex(/^\d+$/)) }),
    query: z.strictObject({ limit: z._default(z.coerce.number().check(z.int(), z.lte(10)), 5) }),
    body: z.strictObject({ name: z.string().check(z.minLength(2)) }),
  },
  responses: { 200: { description: 'ok' } },
});

const seenRequest = withOnly(validateRequest(route) as never, (_event, context) => ({
  statusCode: 200,
  body: JSON.stringify((context as unknown as { request: unknown }).request),
}));

describe('validateRequest middleware', () => {
  it("puts the route's validated path, query, body and Idempotency-Key on the context", async () => {
    const event = bareEvent({ pathParameters: { id: '۴۲' }, headers: { 'idempotency-key': 'key-12345678' } });

    const answer = await seenRequest(event, { body: { name: ' زهرا ' } });

    expect(JSON.parse(answer.body!)).toEqual({
      path: { id: '42' },
      query: { limit: 5 },
      body: { name: 'زهرا' },
      idempotencyKey: 'key-12345678',
    });
  });

  it('reports every failing field of every part at once', async () => {
    const event = bareEvent({ pathParameters: { id: 'x' }, queryStringParameters: { limit: '99', extra: '1' } });

    const failure = seenRequest(event, { body: { name: 'a' } });

    await expect(failure).rejects.toMatchObject({ code: 'validation' });
    const fields = await failure.catch((error: { fields: Array<{ field: string }> }) =>
      error.fields.map((f) => f.field),
    );
    expect(fields).toEqual(['path.id', 'query.limit', 'query.extra', 'body.name', 'header.idempotency-key']);
  });
});
