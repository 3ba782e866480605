import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_OFFICES } from '../../local/demo-offices';
import { checkJava, ensurePortFree, freePort, LocalSetupError } from '../../local/engines';
import { DEMO_JUDICIARY_TERMINAL, demoTerminalOf } from '../../local/seed';
import { tokenCommand } from '../../local/settings';

describe('local runtime preconditions', () => {
  it('says in one line how to install Java when there is none', () => {
    const withoutJava = { ...process.env, PATH: mkdtempSync(join(tmpdir(), 'no-java-')) };

    expect(() => checkJava(withoutJava)).toThrow(LocalSetupError);
    expect(() => checkJava(withoutJava)).toThrow(/Java 17 or newer is needed .*openjdk-17/);
  });

  it('names the busy port and the variable that moves it', async () => {
    const port = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      await expect(ensurePortFree(port, 'the API', 'PORT')).rejects.toThrow(
        `Port ${port} for the API is busy. Stop whatever uses it, or choose another port: PORT=<port> npm start`,
      );
    } finally {
      holder.close();
    }
  });
});

describe('the token command npm start prints', () => {
  it('names a data folder of its own, quoted so that a shell passes it on as it is', () => {
    // Prepare: a folder whose name a shell would otherwise split or cut at the quote
    const folder = join(tmpdir(), "office's data $HOME");
    const command = tokenCommand('--role clerk --office 56101', { LOCAL_DATA_DIR: folder });

    // Act: the shell runs the command's environment prefix in front of a probe instead of npm
    const prefix = command.slice(0, command.lastIndexOf(' npm run -s token'));
    const seen = execFileSync('sh', ['-c', `${prefix} node -p process.env.LOCAL_DATA_DIR`], { encoding: 'utf8' });

    // Assess
    expect(seen.trim()).toBe(folder);
    expect(command.endsWith(' npm run -s token -- --role clerk --office 56101')).toBe(true);
  });

  it('is the plain command with the default folder', () => {
    expect(tokenCommand('--role national-admin', {})).toBe('npm run -s token -- --role national-admin');
  });
});

describe('the demo offices npm start seeds', () => {
  it("gives each a payment terminal of its own, never the judiciary's (a claim refuses a shared one)", () => {
    const terminals = DEMO_OFFICES.map((office) => demoTerminalOf(office.officeCode));

    expect(new Set(terminals).size).toBe(DEMO_OFFICES.length);
    expect(terminals).not.toContain(DEMO_JUDICIARY_TERMINAL);
  });
});
