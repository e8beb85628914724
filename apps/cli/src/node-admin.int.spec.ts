import type { TestServer } from '@corral/rapi-server';
import { sendRequest } from '@corral/testing';
import { corral, startCliTestEnv, type CliTestEnv } from './testing/cli-test-env';

describe('corral node add / remove against the real server', () => {
  let server: TestServer;
  let env: Record<string, string | undefined>;
  let cli: CliTestEnv;

  const nodeNames = async (): Promise<string[]> => ((await sendRequest(`${server.url}/2/nodes`)).json as { id: string }[]).map((n) => n.id);

  beforeAll(async () => {
    cli = await startCliTestEnv();
    ({ server, env } = cli);
  });
  afterAll(async () => {
    await cli.stop();
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
