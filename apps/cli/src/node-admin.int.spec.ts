import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@corral/rapi-server';
import { makeTempDir, sendRequest, type TempDir } from '@corral/testing';
import { runCli } from './run-cli';

async function corral(argv: string[], env: Record<string, string | undefined>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), interactive: false }, env);
  return { code, out, err };
}

describe('corral node add / remove against the real server', () => {
  let server: TestServer;
  let dir: TempDir;
  let env: Record<string, string | undefined>;

  const nodeNames = async (): Promise<string[]> => ((await sendRequest(`${server.url}/2/nodes`)).json as { id: string }[]).map((n) => n.id);

  beforeAll(async () => {
    server = await startTestServer();
    dir = makeTempDir();
    const [user, password] = server.writeAuth.split(':');
    writeFileSync(join(dir.path, 'password'), `${password}\n`);
    env = {
      HOME: dir.path,
      CORRAL_SERVER: server.url,
      CORRAL_USER: user,
      CORRAL_PASSWORD_FILE: join(dir.path, 'password'),
      CORRAL_CA_FILE: join(server.dataDir, 'rapi.pem'),
    };
  });
  afterAll(async () => {
    await server.stop();
    dir.remove();
  });

  describe('when a local node is added', () => {
    it('refuses without --local', async () => {
      const r = await corral(['node', 'add', 'node2.example.com'], env);
      expect([r.code, r.err.includes('Only local nodes can be added for now: pass --local')]).toEqual([2, true]);
    });

    it('adds it through the job and exits 0', async () => {
      const r = await corral(['node', 'add', '--local', '--master-candidate', 'no', 'node2.example.com'], env);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/ Added node node2\.example\.com \(regular\) with its state in .*\nJob \d+ success after /);
      expect(await nodeNames()).toContain('node2.example.com');
      expect((await sendRequest(`${server.url}/2/nodes/node2.example.com/role`)).json).toBe('regular');
    });
  });

  describe('when a node is removed', () => {
    it('removes it and exits 0', async () => {
      const r = await corral(['node', 'remove', 'node2.example.com'], env);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/ Removed node node2\.example\.com\nJob \d+ success after /);
      expect(await nodeNames()).not.toContain('node2.example.com');
    });

    it('fails with the job error for the master', async () => {
      const master = ((await sendRequest(`${server.url}/2/info`)).json as { master: string }).master;
      const r = await corral(['node', 'remove', master], env);
      expect(r.code).toBe(1);
      expect(r.err).toContain('Node is the master node, failover to another node is required');
    });
  });
});
