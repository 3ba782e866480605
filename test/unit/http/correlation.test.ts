import { correlation } from '../../../shared/http/correlation';
import { bareEvent, withOnly } from './bare';

const seen = withOnly(correlation(), (_event, context) => ({
  statusCode: 200,
  body: JSON.stringify({ id: context.correlationId, language: context.language }),
}));

describe('correlation middleware', () => {
  it("takes the caller's correlation id, echoes it and learns the language", async () => {
    const answer = await seen(bareEvent({ headers: { 'x-correlation-id': 'front-end.42', 'accept-language': 'en' } }));

    expect(JSON.parse(answer.body!)).toEqual({ id: 'front-end.42', language: 'en' });
    expect(answer.headers?.['x-correlation-id']).toBe('front-end.42');
  });

  it('uses the API request id for a missing or unsafe one, and Persian by default', async () => {
    const answer = await seen(bareEvent({ headers: { 'x-correlation-id': 'a b<script>' } }));

    expect(JSON.parse(answer.body!)).toEqual({ id: 'request-1', language: 'fa' });
  });
});
