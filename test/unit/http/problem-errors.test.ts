import { ConflictError, DependencyUnavailableError, TooManyAttemptsError } from '../../../shared/domain/errors';
import { problemErrors } from '../../../shared/http/problem-errors';
import { TransportError } from '../../../shared/http/transport-errors';
import * as problemTexts from '../../../shared/i18n/problem-texts';
import { logger } from '../../../shared/observability/logger';
import { bareEvent, withOnly } from './bare';

const failingWith = (error: Error) =>
  withOnly(problemErrors(), () => {
    throw error;
  });

describe('problemErrors middleware', () => {
  it('answers a domain error with the status its code maps to, as problem+json in the language asked for', async () => {
    const answer = await failingWith(new ConflictError(problemTexts.alreadyRated))(bareEvent(), { language: 'en' });

    expect(answer.statusCode).toBe(409);
    expect(answer.headers).toMatchObject({ 'content-type': 'application/problem+json; charset=utf-8' });
    expect(JSON.parse(answer.body!)).toMatchObject({
      type: 'urn:judicial-e-services:problem:already-rated',
      title: 'Already rated',
      status: 409,
      instance: 'request-1',
    });
  });

  it('carries its texts out of sight of a log, which shows the code and parameters only', () => {
    const error = new ConflictError(problemTexts.alreadyRated, { trackingCode: 'T-1' });

    expect(error.text).toBe(problemTexts.alreadyRated);
    expect(Object.keys(error)).not.toContain('text');
    expect(JSON.stringify(error)).not.toContain('Already rated');
  });

  it('says when to come back for throttling and for a dependency that is down', async () => {
    const throttled = await failingWith(new TooManyAttemptsError(120))(bareEvent());
    const down = await failingWith(new DependencyUnavailableError(1))(bareEvent());

    expect([throttled.statusCode, throttled.headers?.['retry-after']]).toEqual([429, '120']);
    expect([down.statusCode, down.headers?.['retry-after']]).toEqual([503, '1']);
  });

  it("answers middy's early timeout (a dependency too slow to answer) with 503 and Retry-After, not 500", async () => {
    const timeout = Object.assign(new Error('[AbortError]: The operation was aborted.'), { name: 'TimeoutError' });

    const answer = await failingWith(timeout)(bareEvent());

    expect([answer.statusCode, answer.headers?.['retry-after']]).toEqual([503, '1']);
  });

  it('answers a transport error from the HTTP layer', async () => {
    const answer = await failingWith(new TransportError(problemTexts.unsupportedMediaType))(bareEvent());

    expect(answer.statusCode).toBe(415);
  });

  it('answers anything else with a 500 that reveals nothing of it, and logs its class, not its message', async () => {
    const logged = jest.spyOn(logger, 'error').mockImplementation(() => undefined);

    const answer = await failingWith(new Error('item PETITION#42 nationalId 0012345679'))(bareEvent());

    expect(answer.statusCode).toBe(500);
    expect(answer.body).not.toContain('0012345679');
    expect(answer.body).not.toContain('PETITION');
    expect(logged).toHaveBeenCalledWith('unhandled error', expect.objectContaining({ errorName: 'Error' }));
    expect(JSON.stringify(logged.mock.calls)).not.toContain('0012345679');
    logged.mockRestore();
  });
});
