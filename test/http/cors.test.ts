import { startTestGateway } from '../support/gateway';

/**
 * The local gateway answers CORS as the HTTP API does with corsPreflight configured: preflights
 * at the gateway, before any authorizer or function, and CORS headers on every answer for an
 * allowed origin, none for another.
 */
const origin = 'http://127.0.0.1:5173';
let gateway: Awaited<ReturnType<typeof startTestGateway>>;

beforeAll(async () => {
  gateway = await startTestGateway({ allowedOrigins: [origin] });
});
afterAll(() => gateway.stop());

function preflight(headers: Record<string, string>) {
  return fetch(`${gateway.baseUrl}/v1/petitions`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', ...headers },
  });
}

it('answers a preflight from an allowed origin with the methods and headers the API takes', async () => {
  const answer = await preflight({ 'access-control-request-headers': 'authorization,content-type,idempotency-key' });

  expect(answer.status).toBe(204);
  expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
  expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
  expect(answer.headers.get('access-control-allow-headers')).toContain('idempotency-key');
  expect(answer.headers.get('access-control-max-age')).toBe('3600');
});

it('gives no CORS headers to a preflight from another origin, so the browser refuses', async () => {
  const answer = await preflight({ origin: 'https://elsewhere.example' });

  expect(answer.status).toBe(204);
  expect(answer.headers.get('access-control-allow-origin')).toBeNull();
});

it('gives no CORS headers to a preflight asking for a header the API does not read', async () => {
  const answer = await preflight({ 'access-control-request-headers': 'authorization,x-api-key' });

  expect(answer.headers.get('access-control-allow-origin')).toBeNull();
});

it('adds the CORS headers to the authorizer answer too, so a browser can read the 401', async () => {
  const answer = await fetch(`${gateway.baseUrl}/v1/offices`, { headers: { origin } });

  expect(answer.status).toBe(401);
  expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
  expect(answer.headers.get('access-control-expose-headers')).toContain('retry-after');
});

it('exposes the correlation id of a handler answer to an allowed origin only', async () => {
  const allowed = await fetch(`${gateway.baseUrl}/v1/health`, { headers: { origin } });
  const other = await fetch(`${gateway.baseUrl}/v1/health`, { headers: { origin: 'https://elsewhere.example' } });

  expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
  expect(allowed.headers.get('access-control-expose-headers')).toContain('x-correlation-id');
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
  expect(other.status).toBe(200);
});
