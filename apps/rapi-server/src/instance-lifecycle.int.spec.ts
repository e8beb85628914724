import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from '@corral/model';
import { ConfigStore } from '@corral/store';
import { addLocalTestNode } from './testing/add-local-node';
import { nodeDirTree } from './testing/node-dir-tree';
import { rapiTestClient, type RapiTestClient } from './testing/rapi-test-client';
import { startTestServer, type TestServer } from './testing/start-test-server';

const MIB = 1048576;
const N2 = 'node2.example.com';

/** A directory as nodeDirTree shows it, an export's config.ini (timestamps inside) shown by name only. */
function tree(dir: string): Record<string, string | number> {
  return nodeDirTree(dir, (rel) => (rel.endsWith('config.ini') ? 'config.ini' : undefined));
}

/** An instance as the test expects it on disk: where, its disk sizes (MiB), running with how much memory. */
interface Placed {
  readonly name: string;
  readonly node: 1 | 2;
  readonly disks: readonly number[];
  readonly memory: number | null;
}

/**
 * One lifecycle per disk template over HTTPS on a two-node local cluster:
 * every step checks the configuration (`GET /2/instances/[name]`), the
 * exact files of both nodes (file storage, fake-hypervisor state, exports)
 * and of the shared file storage.
 */
describe.each([
  ['file', true],
  ['sharedfile', false],
  ['diskless', false],
] as const)('the lifecycle of a %s instance', (template, full) => {
  let server: TestServer;
  let rapi: RapiTestClient;
  let node1: Node;
  let node2: Node;
  const first = `lc-${template}1.example.com`;
  const renamed = `lc-${template}2.example.com`;
  const imported = `lc-${template}3.example.com`;
  const disks = template === 'diskless' ? [] : [8];
  const withAdded = template === 'diskless' ? [] : [8, 4];
  let exported: Record<string, string | number> = {};

  /** The files of both nodes and of the shared storage, as they should be with these instances. */
  function expected(instances: readonly Placed[]): Record<string, Record<string, string | number>> {
    const node = (n: 1 | 2): Record<string, string | number> => {
      const out: Record<string, string | number> = { 'file-storage/': '', 'run/': '', 'run/fake-hypervisor/': '' };
      for (const i of instances.filter((x) => x.node === n)) {
        if (template === 'file' && i.disks.length > 0) {
          out[`file-storage/${i.name}/`] = '';
          i.disks.forEach((size, d) => (out[`file-storage/${i.name}/disk${d}`] = size * MIB));
        }
        if (i.memory !== null) out[`run/fake-hypervisor/${i.name}`] = `0\n${i.memory}\n1\n`;
      }
      if (n === 2 && Object.keys(exported).length > 0) Object.assign(out, exported);
      return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
    };
    const shared: Record<string, string | number> = {};
    if (template === 'sharedfile') {
      for (const i of instances) {
        shared[`${i.name}/`] = '';
        i.disks.forEach((size, d) => (shared[`${i.name}/disk${d}`] = size * MIB));
      }
    }
    return { node1: node(1), node2: node(2), shared };
  }

  function actual(): Record<string, Record<string, string | number>> {
    return { node1: tree(node1.node_dir), node2: tree(node2.node_dir), shared: tree(join(server.dataDir, 'shared-file-storage')) };
  }

  /** The configuration fields a lifecycle changes. */
  async function config(name: string): Promise<Record<string, unknown>> {
    const res = await rapi.call('GET', `/2/instances/${name}`);
    if (res.status !== 200) return { status: res.status };
    const i = res.json as Record<string, unknown>;
    const be = i.beparams as Record<string, unknown>;
    return { pnode: i.pnode, snodes: i.snodes, status: i.status, admin_state: i.admin_state, oper_state: i.oper_state, disk_template: i.disk_template, 'disk.sizes': i['disk.sizes'], maxmem: be.maxmem };
  }

  const view = (pnode: string, status: string, sizes: readonly number[], maxmem = 128): Record<string, unknown> => ({
    pnode,
    snodes: [],
    status,
    admin_state: status === 'running' ? 'up' : 'down',
    oper_state: status === 'running',
    disk_template: template,
    'disk.sizes': sizes,
    maxmem,
  });

  async function ok(method: string, path: string, body?: unknown): Promise<unknown> {
    const job = await rapi.job(method, path, body);
    if (job.status !== 'success') throw new Error(`${method} ${path}: ${JSON.stringify(job.opresult)}`);
    return job.opresult[0];
  }

  beforeAll(async () => {
    server = await startTestServer();
    rapi = rapiTestClient(server);
    node1 = (await server.container.get<ConfigStore>(ConfigStore).snapshot()).list('node')[0]!;
    node2 = await addLocalTestNode(server, N2);
    await ok('PUT', '/2/modify', { enabled_disk_templates: ['file', 'sharedfile', 'diskless'] });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('creates the instance on node 1 with its disks', async () => {
    const body = { __version__: 1, mode: 'create', name: first, disk_template: template, disks: disks.map((size) => ({ size })), nics: [{}], os: 'noop+default', pnode: node1.name, name_check: false, ip_check: false, ignore_ipolicy: true, start: !full };
    expect(await ok('POST', '/2/instances', body)).toEqual([node1.name]);
    expect(await config(first)).toEqual(view(node1.name, full ? 'ADMIN_down' : 'running', disks));
    expect(actual()).toEqual(expected([{ name: first, node: 1, disks, memory: full ? null : 128 }]));
  });

  if (full) {
    it('starts, stops, starts and reboots it', async () => {
      await ok('PUT', `/2/instances/${first}/startup`);
      expect(await config(first)).toEqual(view(node1.name, 'running', disks));
      expect(actual()).toEqual(expected([{ name: first, node: 1, disks, memory: 128 }]));
      await ok('PUT', `/2/instances/${first}/shutdown`);
      expect(await config(first)).toEqual(view(node1.name, 'ADMIN_down', disks));
      expect(actual()).toEqual(expected([{ name: first, node: 1, disks, memory: null }]));
      await ok('PUT', `/2/instances/${first}/startup`);
      await ok('POST', `/2/instances/${first}/reboot?type=hard`);
      expect(await config(first)).toEqual(view(node1.name, 'running', disks));
      expect(actual()).toEqual(expected([{ name: first, node: 1, disks, memory: 128 }]));
    });
  }

  it('migrates it live to node 2', async () => {
    expect(await ok('PUT', `/2/instances/${first}/migrate`, { mode: 'live', target_node: N2 })).toBeNull();
    expect(await config(first)).toEqual(view(N2, 'running', disks));
    expect(actual()).toEqual(expected([{ name: first, node: 2, disks, memory: 128 }]));
  });

  it('fails it over back to node 1', async () => {
    expect(await ok('PUT', `/2/instances/${first}/failover`, { target_node: node1.name })).toBeNull();
    expect(await config(first)).toEqual(view(node1.name, 'running', disks));
    expect(actual()).toEqual(expected([{ name: first, node: 1, disks, memory: 128 }]));
  });

  it('modifies its memory and adds a disk (3-tuple form); the memory applies at the next start', async () => {
    const changes = template === 'diskless' ? {} : { disks: [['add', -1, { size: 4 }]] };
    await ok('PUT', `/2/instances/${first}/modify`, { beparams: { maxmem: 256, minmem: 256 }, ...changes });
    expect(await config(first)).toEqual(view(node1.name, 'running', withAdded, 256));
    expect(actual()).toEqual(expected([{ name: first, node: 1, disks: withAdded, memory: 128 }]));
  });

  it('shuts it down and renames it: disk files and configuration follow the new name', async () => {
    await ok('PUT', `/2/instances/${first}/shutdown`);
    expect(await ok('PUT', `/2/instances/${first}/rename`, { new_name: renamed, name_check: false, ip_check: false })).toBe(renamed);
    expect(await config(first)).toEqual({ status: 404 });
    expect(await config(renamed)).toEqual(view(node1.name, 'ADMIN_down', withAdded, 256));
    expect(actual()).toEqual(expected([{ name: renamed, node: 1, disks: withAdded, memory: null }]));
  });

  it('exports it to node 2: config.ini and one image per disk', async () => {
    expect(await ok('PUT', `/2/instances/${renamed}/export`, { destination: N2 })).toEqual([true, withAdded.map(() => true)]);
    exported = { 'export/': '', [`export/${renamed}/`]: '', [`export/${renamed}/config.ini`]: 'config.ini' };
    withAdded.forEach((size, d) => (exported[`export/${renamed}/disk${d}.snap`] = size * MIB));
    expect(await config(renamed)).toEqual(view(node1.name, 'ADMIN_down', withAdded, 256));
    expect(actual()).toEqual(expected([{ name: renamed, node: 1, disks: withAdded, memory: null }]));
  });

  it('imports a new instance from the export on node 2, with the exported disks and parameters, and starts it', async () => {
    const body = { __version__: 1, mode: 'import', name: imported, disk_template: template, disks: [], nics: [{}], src_node: N2, src_path: renamed, pnode: N2, name_check: false, ip_check: false, ignore_ipolicy: true };
    expect(await ok('POST', '/2/instances', body)).toEqual([N2]);
    expect(await config(imported)).toEqual(view(N2, 'running', withAdded, 256));
    expect(actual()).toEqual(
      expected([
        { name: renamed, node: 1, disks: withAdded, memory: null },
        { name: imported, node: 2, disks: withAdded, memory: 256 },
      ]),
    );
  });

  if (full) {
    it('import failures: the exported MAC in use, no export, a wrong export version, remote-import', async () => {
      const body = { __version__: 1, mode: 'import', name: 'lc-bad.example.com', disk_template: template, disks: [], nics: [], src_node: N2, src_path: renamed, pnode: N2, name_check: false, ip_check: false, ignore_ipolicy: true };
      const mac = ((await rapi.call('GET', `/2/instances/${renamed}`)).json as Record<string, string[]>)['nic.macs']![0];
      const failure = async (extra: Record<string, unknown>): Promise<unknown> => (await rapi.job('POST', '/2/instances', { ...body, ...extra })).opresult[0];
      expect(await failure({})).toEqual(['OpPrereqError', [`MAC address ${mac} already in use in cluster`, 'resource_not_unique']]);
      expect(await failure({ src_path: 'lc-none.example.com' })).toEqual(['OpPrereqError', ['No export found for relative path lc-none.example.com', 'wrong_input']]);
      expect(await failure({ src_node: node1.name })).toEqual(['OpPrereqError', [`No export found for relative path ${renamed}`, 'wrong_input']]);
      const dir = join(node2.node_dir, 'export', renamed);
      expect(await failure({ src_node: null, src_path: dir })).toEqual(['OpPrereqError', ['An absolute source path needs a source node', 'wrong_input']]);
      const ini = join(dir, 'config.ini');
      const original = readFileSync(ini, 'utf8');
      writeFileSync(ini, original.replace('version = 0', 'version = 7'));
      try {
        expect(await failure({ src_path: dir })).toEqual(['OpPrereqError', ['Wrong export version 7 (wanted 0)', 'environment_error']]);
      } finally {
        writeFileSync(ini, original);
      }
      const remote = { mode: 'remote-import', source_handshake: [1, 'x', 'y'], source_x509_ca: 'ca', source_instance_name: renamed };
      expect(await failure(remote)).toEqual(['OpPrereqError', ['Remote (inter-cluster) imports are not supported by Corral', 'wrong_input']]);
      expect(await rapi.call('GET', '/2/instances/lc-bad.example.com')).toMatchObject({ status: 404 });
      expect(actual()).toEqual(
        expected([
          { name: renamed, node: 1, disks: withAdded, memory: null },
          { name: imported, node: 2, disks: withAdded, memory: 256 },
        ]),
      );
    });
  }

  it('deletes both instances: only the export is left', async () => {
    await ok('DELETE', `/2/instances/${imported}`);
    await ok('DELETE', `/2/instances/${renamed}`);
    expect([await config(imported), await config(renamed)]).toEqual([{ status: 404 }, { status: 404 }]);
    expect(actual()).toEqual(expected([]));
  });
});
