import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateKeys } from '../../local/auth';
import { officeBody } from '../support/fixtures';
import { startTestGateway } from '../support/gateway';
import { dropStores, provisionStores } from '../support/stores';

let gateway: Awaited<ReturnType<typeof startTestGateway>>;

beforeAll(async () => {
  await provisionStores();
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway.stop();
  await dropStores();
});

describe('the local HTTP gateway', () => {
  it('answers GET /v1/health without a token', async () => {
    const response = await fetch(`${gateway.baseUrl}/v1/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-correlation-id')).toBeTruthy();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('hands a __proto__ or constructor query parameter over as a field, which the route refuses', async () => {
    // Prepare
    const token = await gateway.token({ role: 'province-admin' });
    const ask = (query: string) =>
      fetch(`${gateway.baseUrl}/v1/offices?${query}`, { headers: { authorization: `Bearer ${token}` } });

    // Act
    const answers = await Promise.all([ask('__proto__=x'), ask('constructor=1')]);
    const bodies = await Promise.all(
      answers.map((answer) => answer.json() as Promise<{ errors: { field: string }[] }>),
    );

    // Assess: refused by name, as API Gateway's own event would have it
    expect(answers.map((answer) => answer.status)).toEqual([400, 400]);
    expect(bodies.map((body) => body.errors.map((error) => error.field))).toEqual([
      ['query.__proto__'],
      ['query.constructor'],
    ]);
  });

  it('serves an OpenAPI 3.1 document listing every route', async () => {
    const response = await fetch(`${gateway.baseUrl}/v1/openapi.json`);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };

    expect(response.status).toBe(200);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths['/v1/offices/{officeCode}'] ?? {}).sort()).toEqual(['get', 'patch']);
  });

  it('answers 401 on a staff route without a token, with a token from another key, an expired one or one that never expires', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const localKey = await importJWK((await loadOrCreateKeys(process.env.TEST_AUTH_DIR!)).privateJwk, 'RS256');
    const neverExpires = await new SignJWT({ 'cognito:groups': ['province-admin'], 'custom:provinceCode': '29' })
      .setProtectedHeader({ alg: 'RS256', kid: 'local' })
      .setSubject('local-province-admin')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .sign(localKey);
    const forged = await new SignJWT({ 'cognito:groups': ['province-admin'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('intruder')
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .sign(privateKey);
    const expired = await gateway.token({ role: 'province-admin', lifetime: -60 });

    const statuses = await Promise.all(
      [undefined, forged, expired, neverExpires].map(async (token) => {
        const response = await fetch(`${gateway.baseUrl}/v1/offices`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        return response.status;
      }),
    );

    expect(statuses).toEqual([401, 401, 401, 401]);
  });

  it('lets a province administrator register an office that a clerk then reads, through real tokens', async () => {
    const adminToken = await gateway.token({ role: 'province-admin' });
    const body = officeBody();

    const created = await fetch(`${gateway.baseUrl}/v1/offices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const clerkToken = await gateway.token({ role: 'clerk', officeCode: body.officeCode });
    const read = await fetch(`${gateway.baseUrl}/v1/offices/${body.officeCode}`, {
      headers: { authorization: `Bearer ${clerkToken}` },
    });
    const clerkCreates = await fetch(`${gateway.baseUrl}/v1/offices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clerkToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(officeBody()),
    });

    expect(created.status).toBe(201);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { officeCode: string }).officeCode).toBe(body.officeCode);
    expect(clerkCreates.status).toBe(403);
    expect(clerkCreates.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers 404 like API Gateway for a path or method no route has', async () => {
    const unknownPath = await fetch(`${gateway.baseUrl}/v1/nothing-here`);
    const unknownMethod = await fetch(`${gateway.baseUrl}/v1/health`, { method: 'DELETE' });

    expect([unknownPath.status, unknownMethod.status]).toEqual([404, 404]);
  });
});

describe('a petition through the local gateway', () => {
  it('is drafted and submitted by a clerk, retried safely, followed by the citizen and dispatched by the court', async () => {
    const { activeOffice, nationalId, petitionBody } = await import('../support/petitions');
    const { payInFullOverHttp } = await import('../support/payments');
    const officeCode = await activeOffice();
    const claimant = nationalId();
    const clerk = {
      authorization: `Bearer ${await gateway.token({ role: 'clerk', officeCode })}`,
      'content-type': 'application/json',
    };
    const court = {
      authorization: `Bearer ${await gateway.token({ role: 'court' })}`,
      'content-type': 'application/json',
    };

    const created = await fetch(`${gateway.baseUrl}/v1/petitions`, {
      method: 'POST',
      headers: clerk,
      body: JSON.stringify(petitionBody(claimant)),
    });
    const { petitionId } = (await created.json()) as { petitionId: string };
    await payInFullOverHttp(gateway.baseUrl, clerk.authorization, petitionId);
    const submitOnce = () =>
      fetch(`${gateway.baseUrl}/v1/petitions/${petitionId}/submit`, {
        method: 'POST',
        headers: { ...clerk, 'idempotency-key': 'journey-key-0001' },
      });
    const first = await submitOnce();
    const retry = await submitOnce();
    const submission = (await first.json()) as { trackingCode: string };
    const tracked = await fetch(`${gateway.baseUrl}/v1/track/${submission.trackingCode}?nationalId=${claimant}`);
    const dispatched = await fetch(`${gateway.baseUrl}/v1/petitions/${petitionId}/transitions`, {
      method: 'POST',
      headers: court,
      body: JSON.stringify({ action: 'dispatch', expectedVersion: 2 }),
    });
    const trackedAgain = await fetch(`${gateway.baseUrl}/v1/track/${submission.trackingCode}?nationalId=${claimant}`);

    expect(created.status).toBe(201);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(((await retry.json()) as { trackingCode: string }).trackingCode).toBe(submission.trackingCode);
    expect(tracked.status).toBe(200);
    expect(dispatched.status).toBe(200);
    expect(((await trackedAgain.json()) as { status: { code: string } }).status.code).toBe('dispatched');
  });
});
