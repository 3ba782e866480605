import { request } from 'node:http';
import { GUESS_POLICY } from '../../shared/domain/guessing';
import { fileAndSubmit } from '../support/filing';
import { startTestGateway } from '../support/gateway';
import { awayFromWindowEdge } from '../support/guessing-window';
import { activeOffice, nationalId, petitionBody } from '../support/petitions';
import { dropStores, provisionStores } from '../support/stores';

/**
 * Guessing national IDs against a tracking code, through the local gateway, from different client
 * addresses: each request's socket is bound to its own loopback address (127.0.0.2, …), which the
 * gateway reports as the source IP, as API Gateway does with the connection's address.
 */
let gateway: Awaited<ReturnType<typeof startTestGateway>>;

beforeAll(async () => {
  await provisionStores();
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway.stop();
  await dropStores();
});

async function submittedFor(claimant: string): Promise<string> {
  const clerk = { role: 'clerk' as const, officeCode: await activeOffice() };
  const { submitted } = await fileAndSubmit(clerk, petitionBody(claimant));
  return submitted.body.trackingCode;
}

/** GET /v1/track/… from a given loopback address, with any extra headers. */
function trackFrom(
  address: string,
  trackingCode: string,
  id: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; retryAfter?: string }> {
  const url = new URL(`${gateway.baseUrl}/v1/track/${trackingCode}?nationalId=${id}`);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, localAddress: address, headers },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ...(res.headers['retry-after'] ? { retryAfter: String(res.headers['retry-after']) } : {}),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

it('stops a guesser after five misses while the owner on another address still gets 200', async () => {
  await awayFromWindowEdge(60);
  // Prepare
  const owner = nationalId();
  const code = await submittedFor(owner);

  // Act
  const misses = [];
  for (let i = 0; i < GUESS_POLICY.perAddress; i++)
    misses.push((await trackFrom('127.0.0.2', code, nationalId())).status);
  const guesserAgain = await trackFrom('127.0.0.2', code, owner);
  const ownerElsewhere = await trackFrom('127.0.0.3', code, owner);

  // Assess
  expect(misses).toEqual([404, 404, 404, 404, 404]);
  expect(guesserAgain.status).toBe(429);
  expect(Number(guesserAgain.retryAfter)).toBeGreaterThan(0);
  expect(ownerElsewhere.status).toBe(200);
}, 120_000);

it('evaluates no more than five of thirty concurrent guesses from one address', async () => {
  await awayFromWindowEdge(60);
  const code = await submittedFor(nationalId());

  const answers = await Promise.all(Array.from({ length: 30 }, () => trackFrom('127.0.0.4', code, nationalId())));

  const evaluated = answers.filter((a) => a.status === 404).length;
  const refused = answers.filter((a) => a.status === 429).length;
  expect(evaluated).toBe(GUESS_POLICY.perAddress);
  expect(refused).toBe(30 - GUESS_POLICY.perAddress);
}, 120_000);

it('does not count the owner’s own visits against them', async () => {
  const owner = nationalId();
  const code = await submittedFor(owner);

  const visits = [];
  for (let i = 0; i < GUESS_POLICY.perAddress * 2; i++) visits.push((await trackFrom('127.0.0.5', code, owner)).status);

  expect(new Set(visits)).toEqual(new Set([200]));
});

it('ignores X-Forwarded-For, which a client writes itself', async () => {
  await awayFromWindowEdge(60);
  const code = await submittedFor(nationalId());

  for (let i = 0; i < GUESS_POLICY.perAddress; i++) {
    await trackFrom('127.0.0.6', code, nationalId(), { 'x-forwarded-for': `203.0.113.${i}` });
  }
  const next = await trackFrom('127.0.0.6', code, nationalId(), { 'x-forwarded-for': '198.51.100.7' });

  expect(next.status).toBe(429);
}, 120_000);

it('closes a code to everyone once guesses from many addresses reach its ceiling', async () => {
  await awayFromWindowEdge(60);
  const owner = nationalId();
  const code = await submittedFor(owner);
  const addresses = Array.from(
    { length: GUESS_POLICY.perCode / GUESS_POLICY.perAddress },
    (_, i) => `127.0.1.${i + 1}`,
  );

  for (const address of addresses) {
    for (let i = 0; i < GUESS_POLICY.perAddress; i++) await trackFrom(address, code, nationalId());
  }
  const ownerAfter = await trackFrom('127.0.0.7', code, owner);

  expect(ownerAfter.status).toBe(429);
}, 150_000);
