import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { makeTempDir, type TempDir } from '@corral/testing';

const MAIN = resolve(__dirname, '..', 'dist', 'main.js');

describe('corral-rapi (the built binary)', () => {
  let dir: TempDir;
  let blocker: Server;
  let port: number;

  beforeAll(async () => {
    dir = makeTempDir();
    blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    port = (blocker.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((done) => blocker.close(done));
    dir.remove();
  });

  describe('when its port is already taken', () => {
    it('says so in one line and exits 1', () => {
      const run = spawnSync(process.execPath, [MAIN, '--data-dir', join(dir.path, 'data'), '-p', String(port)], { encoding: 'utf8', timeout: 30_000 });
      expect(run.status).toBe(1);
      expect(run.stderr.split('\n').filter((l) => l.startsWith('corral-rapi:'))).toEqual([
        `corral-rapi: 127.0.0.1:${port} is already in use (is another server running? -p picks another port)`,
      ]);
    });
  });
});
