import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendRequest } from '@corral/testing';
import { ClusterExistsError } from './init-cluster';
import { parseInitOptions, runInitCommand } from './init-command';
import { MemoryLogger, startTestServer } from './testing/start-test-server';

describe('corral-rapi init', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'corral-init-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const init = (...extra: string[]): Promise<string> =>
    runInitCommand(parseInitOptions(['--cluster-name', 'c1.example.com', '--master-node', 'n1.example.com', '--data-dir', dataDir, ...extra]), new MemoryLogger());

  describe('when the data directory is fresh', () => {
    it('initialises the cluster that the server then serves', async () => {
      expect(await init('--enabled-disk-templates', 'diskless,file')).toBe(`Initialised cluster c1.example.com with master node n1.example.com in ${dataDir}\n`);
      expect(existsSync(join(dataDir, 'nodes', 'n1.example.com', 'run', 'fake-hypervisor'))).toBe(true);
      const server = await startTestServer({ dataDir });
      try {
        const info = (await sendRequest(`${server.url}/2/info`)).json as Record<string, unknown>;
        expect([info.name, info.master, info.enabled_disk_templates, info.default_iallocator]).toEqual(['c1.example.com', 'n1.example.com', ['diskless', 'file'], 'builtin']);
        expect((await sendRequest(`${server.url}/2/nodes`)).json).toEqual([{ id: 'n1.example.com', uri: '/2/nodes/n1.example.com' }]);
        expect((await sendRequest(`${server.url}/2/groups`)).json).toEqual([{ name: 'default', uri: '/2/groups/default' }]);
      } finally {
        await server.stop();
      }
    });
  });

  describe('when NIC parameters are given', () => {
    it('serves them as the cluster default NIC parameters', async () => {
      await init('--nic-parameters', 'mode=bridged,link=gntbr0');
      const server = await startTestServer({ dataDir });
      try {
        const info = (await sendRequest(`${server.url}/2/info`)).json as Record<string, unknown>;
        expect(info.nicparams).toEqual({ default: { mode: 'bridged', link: 'gntbr0', vlan: '' } });
      } finally {
        await server.stop();
      }
    });
  });

  describe('when the data directory already holds a cluster', () => {
    it('refuses to initialise it again', async () => {
      await init();
      await expect(init('--master-node', 'other.example.com')).rejects.toThrow(
        new ClusterExistsError(`The data directory ${dataDir} already holds cluster c1.example.com (master n1.example.com)`),
      );
    });
  });
});
