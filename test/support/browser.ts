import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Debian's chromium package; `.ci/run` installs it (no browser download is possible here). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots and other artifacts of browser tests: git-ignored, kept after the run to look at. */
export const ARTIFACTS = resolve(process.cwd(), 'artifacts');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  // As root in a container Chromium needs --no-sandbox; the rest keep it off this machine's
  // closed network (background connections would be refused, many at a time).
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A tiny web server for a test page, on a free port of the given loopback host name. */
export async function servePage(
  host: '127.0.0.1' | 'localhost',
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ origin: string; stop(): Promise<void> }> {
  const server: Server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    stop: () => new Promise((done) => server.close(() => done())),
  };
}
