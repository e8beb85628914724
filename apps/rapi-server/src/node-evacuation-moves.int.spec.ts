import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from '@corral/model';
import { ConfigStore } from '@corral/store';
import { addLocalTestNode } from './testing/add-local-node';
import { rapiTestClient, type RapiTestClient } from './testing/rapi-test-client';
import { startTestServer, type TestServer } from './testing/start-test-server';

const N2 = 'node2.example.com';

/** The files below a directory, sorted, directories ending in `/`. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      out.push(entry.isDirectory() ? `${rel}/` : rel);
      if (entry.isDirectory()) walk(join(d, entry.name), rel);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out;
}

/**
 * Node evacuation and node migration with real instances: the follow-up
 * jobs they submit (OP_INSTANCE_MIGRATE per instance) really move the
 * instances, their disk files and their hypervisor state.
 */
describe('node evacuate and migrate moving real instances', () => {
  let server: TestServer;
  let rapi: RapiTestClient;
  let node1: Node;
  let node2: Node;

  const create = (name: string, template: string, pnode: string, start: boolean): Record<string, unknown> => ({
    __version__: 1,
    mode: 'create',
    name,
    disk_template: template,
    disks: template === 'diskless' ? [] : [{ size: 4 }],
    nics: [],
    os: 'noop+default',
    pnode,
    start,
    name_check: false,
    ip_check: false,
    ignore_ipolicy: true,
  });

  /** Runs a node job and waits for every follow-up job; answers the follow-ups' statuses. */
  async function withFollowUps(method: string, path: string, body?: unknown): Promise<string[]> {
    const job = await rapi.job(method, path, body);
    expect(job.status).toBe('success');
    const { jobs } = job.opresult[0] as { jobs: [boolean, number][] };
    return Promise.all(jobs.map(async ([ok, id]) => (ok ? (await rapi.settled(id)).status : `not submitted: ${id}`)));
  }

  /** Where each instance is and its status, from `GET /2/instances?bulk=1`. */
  async function placement(): Promise<Record<string, string>> {
    const rows = (await rapi.call('GET', '/2/instances?bulk=1')).json as Record<string, string>[];
    return Object.fromEntries(rows.map((r) => [r.name!, `${r.pnode} ${r.status}`]));
  }

  /** Both nodes' file storage and fake-hypervisor state, and the shared file storage. */
  const disk = (): Record<string, string[]> => ({
    node1: [...files(join(node1.node_dir, 'file-storage')), ...files(join(node1.node_dir, 'run', 'fake-hypervisor'))],
    node2: [...files(join(node2.node_dir, 'file-storage')), ...files(join(node2.node_dir, 'run', 'fake-hypervisor'))],
    shared: files(join(server.dataDir, 'shared-file-storage')),
  });

  beforeAll(async () => {
    server = await startTestServer();
    rapi = rapiTestClient(server);
    node1 = (await server.container.get<ConfigStore>(ConfigStore).snapshot()).list('node')[0]!;
    node2 = await addLocalTestNode(server, N2);
    await rapi.job('PUT', '/2/modify', { enabled_disk_templates: ['file', 'sharedfile', 'diskless'] });
    for (const body of [
      create('ev-file.example.com', 'file', N2, true),
      create('ev-shared.example.com', 'sharedfile', N2, true),
      create('ev-diskless.example.com', 'diskless', N2, false),
      create('ev-home.example.com', 'file', node1.name, true),
    ]) {
      const job = await rapi.job('POST', '/2/instances', body);
      if (job.status !== 'success') throw new Error(JSON.stringify(job.opresult));
    }
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when node 2 is evacuated (mode all)', () => {
    it('migrates its running instances and fails over the stopped one to node 1', async () => {
      expect(await withFollowUps('POST', `/2/nodes/${N2}/evacuate`, { mode: 'all' })).toEqual(['success', 'success', 'success']);
      expect(await placement()).toEqual({
        'ev-diskless.example.com': `${node1.name} ADMIN_down`,
        'ev-file.example.com': `${node1.name} running`,
        'ev-home.example.com': `${node1.name} running`,
        'ev-shared.example.com': `${node1.name} running`,
      });
      expect(disk()).toEqual({
        node1: ['ev-file.example.com/', 'ev-file.example.com/disk0', 'ev-home.example.com/', 'ev-home.example.com/disk0', 'ev-file.example.com', 'ev-home.example.com', 'ev-shared.example.com'],
        node2: [],
        shared: ['ev-shared.example.com/', 'ev-shared.example.com/disk0'],
      });
    });
  });

  describe('when node 1 is migrated without a target', () => {
    it('moves every running primary to the other node of the group', async () => {
      await rapi.job('DELETE', '/2/instances/ev-diskless.example.com');
      expect(await withFollowUps('POST', `/2/nodes/${node1.name}/migrate`, { mode: 'non-live' })).toEqual(['success', 'success', 'success']);
      expect(await placement()).toEqual({
        'ev-file.example.com': `${N2} running`,
        'ev-home.example.com': `${N2} running`,
        'ev-shared.example.com': `${N2} running`,
      });
      expect(disk()).toEqual({
        node1: [],
        node2: ['ev-file.example.com/', 'ev-file.example.com/disk0', 'ev-home.example.com/', 'ev-home.example.com/disk0', 'ev-file.example.com', 'ev-home.example.com', 'ev-shared.example.com'],
        shared: ['ev-shared.example.com/', 'ev-shared.example.com/disk0'],
      });
    });
  });

  describe('when node 2 is evacuated (mode primary-only)', () => {
    it('moves every primary back to node 1', async () => {
      expect(await withFollowUps('POST', `/2/nodes/${N2}/evacuate`, { mode: 'primary-only' })).toEqual(['success', 'success', 'success']);
      expect(Object.values(await placement())).toEqual([`${node1.name} running`, `${node1.name} running`, `${node1.name} running`]);
      expect(disk().node2).toEqual([]);
    });
  });
});
