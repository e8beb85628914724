import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ContainerModule } from 'inversify';
import { sendRequest, type TestResponse } from '@corral/testing';
import type { Node } from '@corral/model';
import { HostResolver } from '@corral/opcodes';
import { ConfigStore } from '@corral/store';
import { addLocalTestNode } from './testing/add-local-node';
import { startTestServer, type TestServer } from './testing/start-test-server';

const MIB = 1048576;
const NOT_FOUND = '{"code": 404, "message": "Not Found", "explain": "Nothing matches the given URI"}\n';
const EMPTY_NODE = { 'file-storage/': '', 'run/': '', 'run/fake-hypervisor/': '' };

/** Every entry below a node directory: directories end in `/`, fake state files map to their content, disks to their size. */
function tree(dir: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const walk = (d: string, prefix: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      const path = join(d, entry.name);
      if (entry.isDirectory()) {
        out[`${rel}/`] = '';
        walk(path, rel);
      } else out[rel] = rel.startsWith('run/') ? readFileSync(path, 'utf8') : statSync(path).size;
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out;
}

/** Resolves only `resolvable.example.com` (to 192.0.2.10); everything else fails like DNS would. */
const resolverModule = new ContainerModule(({ rebind }) => {
  void rebind(HostResolver).then((b) =>
    b.toConstantValue(async (name: string) => {
      if (name === 'resolvable.example.com') return '192.0.2.10';
      throw new Error(`getaddrinfo ENOTFOUND ${name}`);
    }),
  );
});

describe('instances over RAPI on a two-node local cluster', () => {
  let server: TestServer;
  let auth: string;
  let node1: Node;
  let node2: Node;

  const call = (method: string, path: string, body?: unknown): Promise<TestResponse> =>
    sendRequest(`${server.url}${path}`, { method, auth, ...(body === undefined ? {} : { body: body as object }) });

  async function settled(id: number): Promise<Record<string, unknown>> {
    let previous: unknown[] | null = null;
    for (;;) {
      const res = await call('GET', `/2/jobs/${id}/wait`, { fields: ['status'], previous_job_info: previous, previous_log_serial: 1e9 });
      const [status] = (res.json as { job_info: string[] }).job_info;
      if (['success', 'error', 'canceled'].includes(status!)) return (await call('GET', `/2/jobs/${id}`)).json as Record<string, unknown>;
      previous = [status];
    }
  }

  /** Submits and waits; returns [status, opresult of the first opcode]. */
  async function run(method: string, path: string, body?: unknown): Promise<[string, unknown]> {
    const res = await call(method, path, body);
    if (res.status !== 200 || typeof res.json !== 'number') throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    const job = await settled(res.json);
    return [job.status as string, (job.opresult as unknown[])[0]];
  }

  const create = (extra: Record<string, unknown>): Record<string, unknown> => ({
    __version__: 1,
    mode: 'create',
    disk_template: 'diskless',
    disks: [],
    nics: [],
    os: 'noop+default',
    name_check: false,
    ip_check: false,
    ...extra,
  });

  beforeAll(async () => {
    server = await startTestServer({}, undefined, [resolverModule]);
    auth = server.writeAuth;
    node1 = (await server.container.get<ConfigStore>(ConfigStore).snapshot()).list('node')[0]!;
    node2 = await addLocalTestNode(server, 'node2.example.com');
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when a file instance is created on a named primary node', () => {
    it('answers a bare integer job id (T2) whose result is the node list', async () => {
      const res = await call('POST', '/2/instances', create({ name: 'inst1.example.com', disk_template: 'file', disks: [{ size: '1G' }, { size: 10 }], pnode: node2.name, beparams: { memory: 512 } }));
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/^\d+\n$/);
      const job = await settled(res.json as number);
      expect([job.status, job.opresult]).toEqual(['success', [[node2.name]]]);
    });

    it('wrote the disks (rounded up to 4 MiB) and the running state on that node only', () => {
      expect(tree(node2.node_dir)).toEqual({
        ...EMPTY_NODE,
        'file-storage/inst1.example.com/': '',
        'file-storage/inst1.example.com/disk0': 1024 * MIB,
        'file-storage/inst1.example.com/disk1': 12 * MIB,
        'run/fake-hypervisor/inst1.example.com': '0\n512\n1\n',
      });
      expect(tree(node1.node_dir)).toEqual(EMPTY_NODE);
    });

    it('lists it with Ganeti 3.0 bulk fields; beparams memory 512 is real (I3)', async () => {
      const row = (await call('GET', '/2/instances/inst1.example.com')).json as Record<string, unknown>;
      expect(Object.keys(row)).toEqual([
        'name', 'admin_state', 'os', 'pnode', 'snodes', 'disk_template', 'nic.ips', 'nic.macs', 'nic.modes', 'nic.uuids', 'nic.names',
        'nic.links', 'nic.networks', 'nic.networks.names', 'nic.bridges', 'network_port', 'disk.sizes', 'disk.spindles', 'disk_usage',
        'disk.uuids', 'disk.names', 'beparams', 'hvparams', 'oper_state', 'oper_ram', 'oper_vcpus', 'status', 'custom_hvparams',
        'custom_beparams', 'custom_nicparams', 'ctime', 'mtime', 'uuid', 'serial_no', 'tags',
      ]);
      expect(row).toMatchObject({
        name: 'inst1.example.com',
        admin_state: 'up',
        pnode: node2.name,
        snodes: [],
        disk_template: 'file',
        'disk.sizes': [1024, 12],
        disk_usage: 1036,
        beparams: { minmem: 512, maxmem: 512, vcpus: 1, auto_balance: true, always_failover: false, spindle_use: 1, memory: 512 },
        oper_state: true,
        oper_ram: 512,
        oper_vcpus: 1,
        status: 'running',
        custom_beparams: { maxmem: 512, minmem: 512 },
      });
      const bulk = (await call('GET', '/2/instances?bulk=1')).json as Record<string, unknown>[];
      expect(bulk).toEqual([row]);
      expect((await call('GET', '/2/instances')).json).toEqual([{ id: 'inst1.example.com', uri: '/2/instances/inst1.example.com' }]);
    });
  });
});
