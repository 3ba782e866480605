import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROUTES } from '../../shared/routes';
import { ARTIFACTS, launchChromium } from '../support/browser';
import { startTestGateway } from '../support/gateway';

/**
 * The API reference as a person opens it: headless Chromium on GET /v1/docs through the local
 * gateway, with the page's own Content-Security-Policy in force. Everything the page needs comes
 * from the API itself, so it works on a machine without internet.
 */
let gateway: Awaited<ReturnType<typeof startTestGateway>>;
let browser: Browser;

beforeAll(async () => {
  gateway = await startTestGateway();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
});

it('renders every operation of the route table, with no console error and no request outside the API', async () => {
  const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  tab.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  tab.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  tab.on('request', (request) => requests.push(request.url()));
  const submit = ROUTES.find((route) => route.id === 'submit-petition')!;

  const answer = await tab.goto(`${gateway.baseUrl}/v1/docs`);
  await tab.getByRole('heading', { name: submit.summary }).waitFor({ state: 'visible', timeout: 30_000 });
  const text = (await tab.locator('body').textContent()) ?? '';
  const screenshots = [join(ARTIFACTS, 'docs-page.png'), join(ARTIFACTS, 'docs-page-submit.png')];
  await tab.screenshot({ path: screenshots[0] });
  // The same page scrolled to one operation: parameters, body, answers and the side menu opened there.
  await tab.getByRole('heading', { name: submit.summary }).scrollIntoViewIfNeeded();
  await tab.waitForTimeout(500);
  await tab.screenshot({ path: screenshots[1] });
  console.log(`docs page screenshots: ${screenshots.join(', ')}`);
  await tab.close();

  expect(answer?.status()).toBe(200);
  expect(ROUTES.filter((route) => !text.includes(route.summary)).map((route) => route.id)).toEqual([]);
  expect(consoleErrors).toEqual([]);
  // data: URIs (inlined icons) never leave the browser; everything else must be the gateway's.
  expect(requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== gateway.baseUrl)).toEqual([]);
  expect(requests).toEqual(
    expect.arrayContaining([
      `${gateway.baseUrl}/v1/docs`,
      `${gateway.baseUrl}/v1/docs/redoc.standalone.js`,
      `${gateway.baseUrl}/v1/openapi.json`,
    ]),
  );
}, 60_000);

it('serves the page with a strict Content-Security-Policy and the renderer compressed, cached and revalidated', async () => {
  const page = await fetch(`${gateway.baseUrl}/v1/docs`);
  const renderer = await fetch(`${gateway.baseUrl}/v1/docs/redoc.standalone.js`, {
    headers: { 'accept-encoding': 'gzip' },
  });
  const script = await renderer.text();
  const revalidated = await fetch(`${gateway.baseUrl}/v1/docs/redoc.standalone.js`, {
    headers: { 'if-none-match': renderer.headers.get('etag') ?? '' },
  });
  await page.text();

  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'self'; /);
  expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-eval|https?:/);
  expect(renderer.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(renderer.headers.get('content-encoding')).toBe('gzip');
  expect(renderer.headers.get('cache-control')).toBe('public, max-age=86400');
  expect(script).toContain('Redoc');
  expect(script).not.toContain('cdn.redoc.ly');
  expect(revalidated.status).toBe(304);
});
