import { type ChildProcess, execSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../local/engines';
import { solarHijriMonth } from '../../shared/domain/solar-hijri';

/**
 * The main command, as a user runs it: `npm start` on a fresh data folder brings up both engines,
 * seeds the demo offices and serves the API; SIGINT (Ctrl-C) stops everything; a restart keeps data.
 */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jeso-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start(ports: { api: number; dynamo: number; s3: number }) {
    const child = spawn('npm', ['start'], {
      env: {
        ...process.env,
        PORT: String(ports.api),
        DYNAMODB_PORT: String(ports.dynamo),
        S3_PORT: String(ports.s3),
        LOCAL_DATA_DIR: dataDir,
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    // The first start of a data folder also synthesizes the CDK app for its IAM policies: about 30 s
    // alone, over 120 s while CI runs the cold-start suite beside it. A guard against a hang, not a
    // speed target (those are the bench's).
    const deadline = Date.now() + 200_000;
    while (!output.includes('Ctrl-C stops everything') && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 100));
    return { child, output: () => output };
  }

  /** A start that must come up: one that ended or never got ready fails with what it printed. */
  async function startReady(ports: { api: number; dynamo: number; s3: number }) {
    const started = await start(ports);
    if (!started.output().includes('Ctrl-C stops everything')) {
      try {
        process.kill(-started.child.pid!, 'SIGKILL');
      } catch {
        // The whole group has already ended.
      }
      const how = started.child.exitCode === null ? 'never got ready' : `ended (exit ${started.child.exitCode})`;
      throw new Error(`npm start ${how}; it printed:\n${started.output().slice(-3000)}`);
    }
    return started;
  }

  /** Ctrl-C in a terminal signals the whole foreground process group; npm then ends by that signal. */
  async function interrupt(child: ChildProcess): Promise<string> {
    process.kill(-child.pid!, 'SIGINT');
    return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
  }

  /** Whether any process still mentions the data folder, after giving the engines 10 s to exit. */
  async function processesUsing(path: string): Promise<boolean> {
    for (let waited = 0; waited < 10_000; waited += 200) {
      if (
        !execSync('ps -eo args')
          .toString()
          .split('\n')
          .some((line) => line.includes(path))
      )
        return false;
      await new Promise((r) => setTimeout(r, 200));
    }
    return true;
  }

  it('serves the API with demo data, runs the report job, stops cleanly on Ctrl-C and keeps the data for the next start', async () => {
    const ports = { api: await freePort(), dynamo: await freePort(), s3: await freePort() };

    const first = await startReady(ports);
    const health = await fetch(`http://127.0.0.1:${ports.api}/v1/health`);
    const report = spawnSync('npm', ['run', '-s', 'report', '--', solarHijriMonth(new Date())], {
      // Only the data folder: the report finds the running backend's ports itself.
      env: { ...process.env, LOCAL_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    // The banner's court lines, run as printed: the token command through a shell, then its inbox.
    const courtCommand = /COURT=\$\((.+)\)\s+\(/.exec(first.output())?.[1] ?? 'false';
    const inboxUrl = /Bearer \$COURT" (\S+)/.exec(first.output())?.[1] ?? '';
    const courtToken = execSync(courtCommand, { shell: '/bin/sh', encoding: 'utf8' }).trim();
    const inbox = await fetch(inboxUrl.replace('localhost', '127.0.0.1'), {
      headers: { authorization: `Bearer ${courtToken}` },
    });
    const firstExit = await interrupt(first.child);
    const second = await startReady(ports);
    const secondExit = await interrupt(second.child);

    expect(first.output()).toContain(`running on http://localhost:${ports.api}`);
    expect(first.output()).toContain("seeded 27 DEMO offices (South Khorasan's 22");
    expect(health.status).toBe(200);
    expect(report.status).toBe(0);
    expect(report.stdout).toMatch(/petitions in 22 offices/);
    expect(report.stdout).toContain('report.{json,csv,svg}');
    expect(inbox.status).toBe(200);
    expect(['SIGINT', 'exit 0']).toContain(firstExit);
    expect(second.output()).toContain('existing data kept');
    expect(first.output()).toMatch(/IAM .* enforced on both \(synthesized in [\d.]+ s\)/);
    expect(second.output()).toMatch(/IAM .* enforced on both \(cached\)/);
    expect(['SIGINT', 'exit 0']).toContain(secondExit);
    expect(await processesUsing(dataDir)).toBe(false);
  }, 420_000);

  it('refuses a busy port with one clear line', async () => {
    const ports = { api: await freePort(), dynamo: await freePort(), s3: await freePort() };
    const { createServer } = await import('node:net');
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(ports.api, '127.0.0.1', resolve));

    const run = await start(ports);
    const code = await new Promise<number | null>((resolve) =>
      run.child.exitCode !== null ? resolve(run.child.exitCode) : run.child.once('exit', resolve),
    );
    holder.close();

    expect(code).not.toBe(0);
    expect(run.output()).toContain(`npm start: Port ${ports.api} for the API is busy`);
    expect(run.output()).not.toMatch(/\n\s+at /);
  }, 60_000);
});
