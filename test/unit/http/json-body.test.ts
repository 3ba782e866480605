import { jsonBody, jsonDepth, MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../../../shared/http/json-body';
import { bareEvent, withOnly } from './bare';

const seenBody = withOnly(jsonBody(), (_event, context) => ({ statusCode: 200, body: JSON.stringify(context.body) }));
const json = { 'content-type': 'application/json' };

describe('jsonBody middleware', () => {
  it('parses a JSON body onto the context', async () => {
    const answer = await seenBody(bareEvent({ headers: json, body: '{"a":[1,2]}' }));

    expect(answer.body).toBe('{"a":[1,2]}');
  });

  it('decodes a base64 body, as API Gateway sends binary media', async () => {
    const body = Buffer.from('{"نام":"زهرا"}').toString('base64');

    const answer = await seenBody(bareEvent({ headers: json, body, isBase64Encoded: true }));

    expect(JSON.parse(answer.body!)).toEqual({ نام: 'زهرا' });
  });

  it('leaves the context alone without a body', async () => {
    const answer = await seenBody(bareEvent());

    expect(answer.body).toBeUndefined();
  });

  it.each([
    ['another media type', { 'content-type': 'text/plain' }, '{}', 'unsupported-media-type'],
    ['a body over the cap', json, `"${'x'.repeat(MAX_BODY_BYTES)}"`, 'body-too-large'],
    ['text that is not JSON', json, '{"a":', 'malformed-json'],
    ['U+FFFD where bytes were not UTF-8', json, '{"a":"\uFFFD"}', 'invalid-encoding'],
    [
      'nesting past the limit',
      json,
      `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`,
      'nesting-too-deep',
    ],
  ])('refuses %s before parsing', async (_case, headers, body, code) => {
    await expect(seenBody(bareEvent({ headers, body }))).rejects.toMatchObject({ code });
  });

  it('refuses base64 bytes that are not UTF-8', async () => {
    const body = Buffer.from([0x7b, 0xc3, 0x28, 0x7d]).toString('base64');

    await expect(seenBody(bareEvent({ headers: json, body, isBase64Encoded: true }))).rejects.toMatchObject({
      code: 'invalid-encoding',
    });
  });
});

describe('jsonDepth', () => {
  it('counts nesting outside strings only, escapes included', () => {
    expect(jsonDepth('{"a":[{"b":"[[[\\"{{"}]}')).toBe(3);
    expect(jsonDepth('1')).toBe(0);
  });
});
