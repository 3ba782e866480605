import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkJava, ensurePortFree, freePort, LocalSetupError } from '../../local/engines';

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
