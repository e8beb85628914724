import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContainerModule } from 'inversify';
import { sendRequest, type TestResponse } from '@corral/testing';
import { AddressPool, type Network, type Node } from '@corral/model';
import { AddressProbe, HostResolver } from '@corral/opcodes';
import { ConfigStore } from '@corral/store';
import { addLocalTestNode } from './testing/add-local-node';
import { startTestServer, type TestServer } from './testing/start-test-server';
import { rapiTestClient } from './testing/rapi-test-client';
import { EMPTY_NODE_DIR, nodeDirTree } from './testing/node-dir-tree';

const MIB = 1048576;
const NOT_FOUND = '{"code": 404, "message": "Not Found", "explain": "Nothing matches the given URI"}\n';
/**
 * Resolves only `resolvable.example.com` (to 192.0.2.10) and `taken.example.com`
 * (to 192.0.2.20, which the ip_check probe finds in use); other names fail like DNS would.
 */
const resolverModule = new ContainerModule(({ rebind }) => {
  const addresses: Record<string, string> = { 'resolvable.example.com': '192.0.2.10', 'taken.example.com': '192.0.2.20' };
  void rebind(HostResolver).then((b) =>
    b.toConstantValue(async (name: string) => {
      if (addresses[name]) return addresses[name];
      throw new Error(`getaddrinfo ENOTFOUND ${name}`);
    }),
  );
  void rebind(AddressProbe).then((b) => b.toConstantValue(async (ip: string) => ip === '192.0.2.20'));
});

describe('instances over RAPI on a two-node local cluster', () => {
  let server: TestServer;
  let auth: string;
  let node1: Node;
  let node2: Node;

  const call = (method: string, path: string, body?: unknown): Promise<TestResponse> =>
    sendRequest(`${server.url}${path}`, { method, auth, ...(body === undefined ? {} : { body: body as object }) });

  const settled = (id: number): Promise<Record<string, unknown>> => rapiTestClient(server).settled(id);

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
    nics: [{}],
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
      const res = await call('POST', '/2/instances', create({ name: 'inst1.example.com', disk_template: 'file', disks: [{ size: '1G' }, { size: 1030 }], pnode: node2.name, beparams: { memory: 512 } }));
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/^\d+\n$/);
      const job = await settled(res.json as number);
      expect([job.id, job.status, job.opresult]).toEqual([res.json, 'success', [[node2.name]]]);
      expect((await call('GET', `/2/jobs/${String(res.json)}`)).text).toContain(`{"id": ${String(res.json)}, "ops": [`);
    });

    it('wrote the disks (rounded up to 4 MiB) and the running state on that node only', () => {
      expect(nodeDirTree(node2.node_dir)).toEqual({
        ...EMPTY_NODE_DIR,
        'file-storage/inst1.example.com/': '',
        'file-storage/inst1.example.com/disk0': 1024 * MIB,
        'file-storage/inst1.example.com/disk1': 1032 * MIB,
        'run/fake-hypervisor/inst1.example.com': '0\n512\n1\n',
      });
      expect(nodeDirTree(node1.node_dir)).toEqual(EMPTY_NODE_DIR);
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
        'disk.sizes': [1024, 1032],
        disk_usage: 2056,
        beparams: { minmem: 512, maxmem: 512, vcpus: 1, auto_balance: true, always_failover: false, spindle_use: 1, memory: 512 },
        oper_state: true,
        oper_ram: 512,
        oper_vcpus: 1,
        status: 'running',
        custom_beparams: { maxmem: 512, minmem: 512 },
        hvparams: {},
        custom_hvparams: {},
      });
      const bulk = (await call('GET', '/2/instances?bulk=1')).json as Record<string, unknown>[];
      expect(bulk).toEqual([row]);
    });

    it("shows the upgraded legacy memory in Ganeti's key order, as real Ganeti 3.0 does (samples 36, 38)", async () => {
      const row = (await call('GET', '/2/instances/inst1.example.com')).json as Record<string, unknown>;
      expect(Object.entries(row.custom_beparams as object)).toEqual([['minmem', 512], ['maxmem', 512]]);
      // The query resource agrees with the listing.
      const query = (await call('PUT', '/2/query/instance', { fields: ['name', 'status', 'oper_ram', 'hvparams', 'disk_usage'] })).json as { data: [number, unknown][][] };
      expect(query.data.map((r) => r.map(([, value]) => value))).toEqual([['inst1.example.com', 'running', 512, {}, 2056]]);
      expect((await call('GET', '/2/instances')).json).toEqual([{ id: 'inst1.example.com', uri: '/2/instances/inst1.example.com' }]);
    });
  });

  describe('when the file instance goes through its lifecycle', () => {
    it('shuts it down: admin down, state file gone, disks kept, status ADMIN_down', async () => {
      expect(await run('PUT', '/2/instances/inst1.example.com/shutdown', { timeout: 5 })).toEqual(['success', null]);
      expect(nodeDirTree(node2.node_dir)).toEqual({
        ...EMPTY_NODE_DIR,
        'file-storage/inst1.example.com/': '',
        'file-storage/inst1.example.com/disk0': 1024 * MIB,
        'file-storage/inst1.example.com/disk1': 1032 * MIB,
      });
      expect((await call('GET', '/2/instances/inst1.example.com')).json).toMatchObject({ admin_state: 'down', oper_state: false, oper_ram: null, status: 'ADMIN_down' });
    });

    it('reports the console as unavailable while it is stopped (503)', async () => {
      const res = await call('GET', '/2/instances/inst1.example.com/console');
      expect([res.status, (res.json as { message: string }).message]).toEqual([503, 'Instance console unavailable']);
    });

    it('starts it again: admin up, running on node2', async () => {
      expect(await run('PUT', '/2/instances/inst1.example.com/startup')).toEqual(['success', null]);
      expect(nodeDirTree(node2.node_dir)['run/fake-hypervisor/inst1.example.com']).toBe('0\n512\n1\n');
      expect((await call('GET', '/2/instances/inst1.example.com')).json).toMatchObject({ admin_state: 'up', status: 'running' });
    });

    it('starts with no_remember after a no_remember shutdown: admin state unchanged', async () => {
      expect(await run('PUT', '/2/instances/inst1.example.com/shutdown?no_remember=1')).toEqual(['success', null]);
      expect((await call('GET', '/2/instances/inst1.example.com')).json).toMatchObject({ admin_state: 'up', status: 'ERROR_down' });
      expect(await run('PUT', '/2/instances/inst1.example.com/startup?no_remember=1')).toEqual(['success', null]);
      expect((await call('GET', '/2/instances/inst1.example.com')).json).toMatchObject({ admin_state: 'up', status: 'running' });
    });

    it.each(['soft', 'hard', 'full'])('reboots it (%s): still running on node2', async (type) => {
      expect(await run('POST', `/2/instances/inst1.example.com/reboot?type=${type}`)).toEqual(['success', null]);
      expect(nodeDirTree(node2.node_dir)['run/fake-hypervisor/inst1.example.com']).toBe('0\n512\n1\n');
    });

    it('refuses unknown body keys and static ones as Ganeti 3.0 does (400)', async () => {
      const message = async (method: string, path: string, body: unknown): Promise<[number, string]> => {
        const res = await call(method, path, body);
        return [res.status, (res.json as { message: string }).message.replace(/&#x27;/g, "'")];
      };
      expect(await message('PUT', '/2/instances/inst1.example.com/shutdown', { bogus: 1 })).toEqual([
        400,
        "Invalid body parameters: Object OpInstanceShutdown doesn't support the parameter 'bogus'",
      ]);
      expect(await message('DELETE', '/2/instances/inst1.example.com', { ignore_failures: true, instance_name: 'x' })).toEqual([
        400,
        "Can't overwrite static parameters {'instance_name', 'ignore_failures'}",
      ]);
    });

    it('refuses an unknown reboot type with a 400', async () => {
      expect((await call('POST', '/2/instances/inst1.example.com/reboot?type=warm')).status).toBe(400);
    });

    it('answers the fake console message', async () => {
      const res = await call('GET', '/2/instances/inst1.example.com/console');
      expect(res.text).toBe('{"instance": "inst1.example.com", "kind": "msg", "message": "Console not available for fake hypervisor"}\n');
    });

    it('answers info as a job keyed by name, with runtime state and no private OS parameters (J5)', async () => {
      const [status, result] = await run('GET', '/2/instances/inst1.example.com/info');
      expect(status).toBe('success');
      const info = (result as Record<string, Record<string, unknown>>)['inst1.example.com']!;
      expect(Object.keys(info)).toEqual([
        'name', 'config_state', 'run_state', 'pnode', 'pnode_group_uuid', 'pnode_group_name', 'snodes', 'snodes_group_uuids',
        'snodes_group_names', 'os', 'nics', 'disk_template', 'disks', 'hypervisor', 'network_port', 'hv_instance', 'hv_actual',
        'be_instance', 'be_actual', 'os_instance', 'os_actual', 'serial_no', 'mtime', 'ctime', 'uuid',
      ]);
      expect(info).toMatchObject({ config_state: 'up', run_state: 'up', pnode: node2.name, os: 'noop+default', disk_template: 'file', hypervisor: 'fake' });
      expect([info.hv_instance, info.hv_actual]).toEqual([{}, {}]);
      expect(info.be_actual).toEqual({ always_failover: false, auto_balance: true, maxmem: 512, minmem: 512, spindle_use: 1, vcpus: 1 });
      expect((info.disks as Record<string, unknown>[]).map((d) => [d.iv_name, d.size, d.mode])).toEqual([['disk/0', 1024, 'rw'], ['disk/1', 1032, 'rw']]);
      const disk0 = join(node2.node_dir, 'file-storage', 'inst1.example.com', 'disk0');
      expect((info.disks as Record<string, unknown>[])[0]).toMatchObject({ dev_type: 'file', logical_id: ['loop', disk0], pstatus: [disk0, null, null, null, null, false, 1], sstatus: null, children: [] });
    });

    it('keeps instance tags working on a real instance', async () => {
      expect(await run('PUT', '/2/instances/inst1.example.com/tags?tag=web')).toEqual(['success', null]);
      expect((await call('GET', '/2/instances/inst1.example.com/tags')).json).toEqual(['web']);
    });

    it('deletes it: disks, state and config gone from both nodes', async () => {
      expect(await run('DELETE', '/2/instances/inst1.example.com', { shutdown_timeout: 5 })).toEqual(['success', null]);
      expect(nodeDirTree(node2.node_dir)).toEqual(EMPTY_NODE_DIR);
      expect(nodeDirTree(node1.node_dir)).toEqual(EMPTY_NODE_DIR);
      expect((await call('GET', '/2/instances')).json).toEqual([]);
      expect((await call('GET', '/2/instances/inst1.example.com')).text).toBe(NOT_FOUND);
    });
  });

  describe('when instances are placed by an allocator', () => {
    it('places a diskless instance with the cluster default (builtin) and starts it', async () => {
      const [status, result] = await run('POST', '/2/instances', create({ name: 'inst2.example.com', nics: [{}] }));
      expect(status).toBe('success');
      const [pnode] = result as string[];
      expect([node1.name, node2.name]).toContain(pnode);
      const dir = pnode === node1.name ? node1.node_dir : node2.node_dir;
      expect(nodeDirTree(dir)).toEqual({ ...EMPTY_NODE_DIR, 'run/fake-hypervisor/inst2.example.com': '0\n128\n1\n' });
      const row = (await call('GET', '/2/instances/inst2.example.com')).json as Record<string, unknown>;
      expect(row).toMatchObject({ pnode, status: 'running', 'nic.modes': ['bridged'], 'nic.ips': [null], custom_nicparams: [{}] });
      expect((row['nic.macs'] as string[])[0]).toMatch(/^aa:00:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$/);
    });

    it('places a file instance with hail (Debian ganeti-htools) on the emptier node', async () => {
      const [status, result] = await run('POST', '/2/instances', create({ name: 'inst3.example.com', disk_template: 'file', disks: [{ size: 1024 }], nics: [{}], iallocator: 'hail', start: false }));
      expect(status).toBe('success');
      expect(result).toHaveLength(1);
      const pnode = (result as string[])[0];
      const dir = pnode === node1.name ? node1.node_dir : node2.node_dir;
      expect(nodeDirTree(dir)).toMatchObject({ 'file-storage/inst3.example.com/disk0': 1024 * MIB });
      expect(nodeDirTree(dir)['run/fake-hypervisor/inst3.example.com']).toBeUndefined();
      expect((await call('GET', '/2/instances/inst3.example.com')).json).toMatchObject({ admin_state: 'down', status: 'ADMIN_down' });
    });

    it('answers a dry run with the chosen node names and changes nothing', async () => {
      const [status, result] = await run('POST', `/2/instances?dry-run=1`, create({ name: 'inst4.example.com', pnode: node1.name }));
      expect([status, result]).toEqual(['success', [node1.name]]);
      expect((await call('GET', '/2/instances/inst4.example.com')).status).toBe(404);
    });

    it('fails a job for an unknown allocator', async () => {
      expect(await run('POST', '/2/instances', create({ name: 'inst4.example.com', iallocator: 'nonexistent' }))).toEqual([
        'error',
        ['OpPrereqError', ["Can't find allocator 'nonexistent'", 'wrong_input']],
      ]);
    });

    it('deletes them, leaving both nodes empty', async () => {
      for (const name of ['inst2.example.com', 'inst3.example.com']) expect(await run('DELETE', `/2/instances/${name}`)).toEqual(['success', null]);
      expect([nodeDirTree(node1.node_dir), nodeDirTree(node2.node_dir)]).toEqual([EMPTY_NODE_DIR, EMPTY_NODE_DIR]);
    });
  });

  describe('when a creation request is wrong', () => {
    const error = async (body: unknown, query = ''): Promise<[number, string]> => {
      const res = await call('POST', `/2/instances${query}`, body);
      // Ganeti HTML-escapes error messages; compare the text a client shows.
      return [res.status, (res.json as { message: string }).message.replace(/&#x27;/g, "'").replace(/&quot;/g, '"')];
    };

    it('refuses a version-0 (2.1-era) body (I3)', async () => {
      expect(await error({ name: 'x', disk_template: 'plain', disks: [4096], memory: 512, os: 'noop' })).toEqual([400, 'Instance creation request version 0 is no longer supported']);
    });

    it('refuses another version', async () => {
      expect(await error({ __version__: 2 })).toEqual([400, 'Unsupported request data version 2']);
    });

    it('refuses a body that is not a dict', async () => {
      expect(await error([1])).toEqual([400, "Body contents: Type is 'list', but 'dict' is expected"]);
    });

    it('names an unknown key (I2)', async () => {
      expect(await error(create({ name: 'inst5.example.com', pnode: node1.name, bogus_param: 1 }))).toEqual([
        400,
        "Invalid body parameters: Object OpInstanceCreate doesn't support the parameter 'bogus_param'",
      ]);
    });

    it('refuses both name and instance_name (I4), and both os and os_type', async () => {
      expect(await error(create({ name: 'a', instance_name: 'a' }))).toEqual([400, "Parameter 'name' was renamed to 'instance_name', but both are specified"]);
      expect(await error(create({ name: 'a', os_type: 'noop+default' }))).toEqual([400, "Parameter 'os' was renamed to 'os_type', but both are specified"]);
    });

    it('refuses dry_run in the body', async () => {
      expect(await error(create({ name: 'a', dry_run: true }))).toEqual([400, "Can't overwrite static parameters {'dry_run'}"]);
    });

    it.each([
      [{ ip_check: true }, 'Cannot do ip check without a name check'],
      [{ pnode: 'n1', iallocator: 'hail' }, 'Do not specify both, iallocator and node.'],
      [{ disk_template: 'file', disks: [{ size: '10X' }] }, "Invalid disk size '10X' for disk 0"],
      [{ disk_template: 'file', disks: [{ size: 10, mode: 'rx' }] }, "Invalid disk access mode 'rx'"],
      [{ nics: [{ ip: 'auto' }] }, 'IP address set to auto but name checks have been skipped'],
      [{ nics: [{ ip: 'pool' }] }, 'if ip=pool, parameter network must be passed too'],
      [{ nics: [{ ip: '10.0.0.300' }] }, "Invalid IP address '10.0.0.300'"],
      [{ nics: [{ link: 'br0', bridge: 'br0' }] }, "Cannot pass 'link' and 'bridge' at the same time"],
      [{ nics: [{ mac: 'zz' }] }, "Invalid MAC address 'zz'"],
      [{ beparams: { memory: 'lots' } }, "Backend parameter 'memory' must be a positive integer"],
      [{ name: 'inst\u00e9.example.com' }, "Invalid instance name 'inst\u00e9.example.com': only ASCII letters, digits, '_', '-' and '.' are allowed"],
      [{ os: 'n\u00f6op' }, "Invalid OS name 'n\u00f6op'"],
    ])('refuses %j with a clear 400', async (extra, message) => {
      expect(await error(create({ name: 'inst5.example.com', ...extra }))).toEqual([400, `Invalid body parameters: ${message}`]);
    });

    it('validates the import modes before the import itself', async () => {
      expect(await error(create({ name: 'inst5.example.com', mode: 'remote-import', source_x509_ca: 'x', source_instance_name: 'y' }))).toEqual([
        400,
        'Invalid body parameters: Missing source handshake',
      ]);
      expect(await error(create({ name: 'inst5.example.com', mode: 'import' }))).toEqual([400, 'Invalid body parameters: Missing source path for import']);
      expect(await run('POST', '/2/instances', create({ name: 'inst5.example.com', mode: 'import', src_node: node1.name, src_path: '/nonexistent' }))).toEqual([
        'error',
        ['OpPrereqError', ['No export or invalid export found in dir /nonexistent', 'wrong_input']],
      ]);
    });

    it('keeps listings working after non-ASCII requests (T6)', async () => {
      expect((await call('GET', '/2/instances?bulk=1')).status).toBe(200);
      expect((await call('GET', '/2/jobs?bulk=1')).status).toBe(200);
    });
  });

  describe('when a creation fails on cluster state', () => {
    beforeAll(async () => {
      expect((await run('POST', '/2/instances', create({ name: 'inst1.example.com', pnode: node1.name, nics: [{ mac: 'aa:00:00:00:00:01' }] })))[0]).toBe('success');
    });
    afterAll(async () => {
      await run('DELETE', '/2/instances/inst1.example.com');
    });

    it.each([
      [{ name: 'inst1.example.com', pnode: 'NODE1' }, "Instance 'inst1.example.com' is already in the cluster", 'already_exists'],
      [{ name: 'inst5.example.com', pnode: 'NODE1', nics: [{ mac: 'aa:00:00:00:00:01' }] }, 'MAC address aa:00:00:00:00:01 already in use in cluster', 'resource_not_unique'],
      [{ name: 'inst5.example.com', pnode: 'nosuch.example.com' }, "Node 'nosuch.example.com' not known", 'unknown_entity'],
      [{ name: 'inst5.example.com', pnode: 'NODE1', os: 'nosuchos' }, `OS 'nosuchos' not in supported OS list for primary node ${'NODE1'}`, 'wrong_input'],
      [{ name: 'inst5.example.com', name_check: true }, "Can't resolve hostname 'inst5.example.com': getaddrinfo ENOTFOUND inst5.example.com", 'resolver_error'],
      [{ name: 'inst5.example.com', pnode: 'NODE1', disk_template: 'plain', disks: [{ size: 64 }] }, "Cannot create an instance with disk template 'plain', as it is not enabled in the cluster. Enabled disk templates are: file,diskless", 'wrong_state'],
      [{ name: 'inst5.example.com', pnode: 'NODE1', nics: [] }, 'Instance allocation to group GROUP (default) violates policy: nic-count value 0 is not in range [1, 8]', 'wrong_input'],
      [{ name: 'inst5.example.com', pnode: 'NODE1', hvparams: { migration_mode: 'teleport' } }, "Parameter 'migration_mode' fails syntax check: The value must be one of: live, non-live (current value: 'teleport')", 'wrong_input'],
    ])('fails the job for %j', async (extra, message, classification) => {
      const text = message.replace('NODE1', node1.name).replace('GROUP', node1.group);
      const body = create({ ...extra, ...('pnode' in extra && extra.pnode === 'NODE1' ? { pnode: node1.name } : {}) });
      expect(await run('POST', '/2/instances', body)).toEqual(['error', ['OpPrereqError', [text, classification]]]);
      expect([nodeDirTree(node1.node_dir), nodeDirTree(node2.node_dir)]).toEqual([{ ...EMPTY_NODE_DIR, 'run/fake-hypervisor/inst1.example.com': '0\n128\n1\n' }, EMPTY_NODE_DIR]);
    });

    it('refuses an instance whose resolved address answers (ip_check, resource_not_unique)', async () => {
      const body = create({ name: 'taken.example.com', pnode: node2.name, name_check: true, ip_check: true });
      expect(await run('POST', '/2/instances', body)).toEqual(['error', ['OpPrereqError', ['IP 192.0.2.20 of instance taken.example.com already in use', 'resource_not_unique']]]);
    });

    it('refuses to start an instance the node has no memory for (insufficient_resources)', async () => {
      const [status, result] = await run('POST', '/2/instances', create({ name: 'inst5.example.com', pnode: node2.name, beparams: { memory: 4_000_000 }, ignore_ipolicy: true }));
      expect(status).toBe('error');
      const [name, [message, classification]] = result as [string, [string, string]];
      expect([name, classification]).toEqual(['OpPrereqError', 'insufficient_resources']);
      expect(message).toMatch(new RegExp(`^Not enough memory on node ${node2.name.replace(/\./g, '\\.')} for creating instance inst5\\.example\\.com: needed 4000000 MiB, available \\d+ MiB$`));
    });

    it('resolves the name with name_check and uses its address for ip=auto', async () => {
      const [status] = await run('POST', '/2/instances', create({ name: 'resolvable.example.com', pnode: node2.name, name_check: true, ip_check: true, nics: [{ ip: 'auto' }], start: false }));
      expect(status).toBe('success');
      expect((await call('GET', '/2/instances/resolvable.example.com')).json).toMatchObject({ 'nic.ips': ['192.0.2.10'] });
      expect(await run('DELETE', '/2/instances/resolvable.example.com')).toEqual(['success', null]);
    });
  });

  describe('when the instance does not exist', () => {
    it.each(['', '/info', '/console', '/tags'])('GET /2/instances/nosuch%s is a 404', async (suffix) => {
      expect((await call('GET', `/2/instances/nosuch${suffix}`)).text).toBe(NOT_FOUND);
    });

    it.each([
      ['PUT', '/shutdown', 'OP_INSTANCE_SHUTDOWN'],
      ['PUT', '/startup', 'OP_INSTANCE_STARTUP'],
      ['POST', '/reboot', 'OP_INSTANCE_REBOOT'],
      ['DELETE', '', 'OP_INSTANCE_REMOVE'],
    ])('%s %s submits a job that fails with unknown_entity', async (method, suffix) => {
      expect(await run(method, `/2/instances/nosuch${suffix}`)).toEqual(['error', ['OpPrereqError', ["Instance 'nosuch' not known", 'unknown_entity']]]);
    });
  });

  describe('when several instances are allocated at once', () => {
    const entry = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => {
      const { __version__: _, ...rest } = create({ name, nics: [{}], ...extra });
      return rest;
    };

    it('places them with the default allocator and submits one creation job each', async () => {
      const [status, result] = await run('POST', '/2/instances-multi-alloc', { instances: [entry('inst4.example.com'), entry('inst5.example.com')] });
      expect(status).toBe('success');
      const { jobs, allocatable, failed } = result as { jobs: [boolean, number][]; allocatable: string[]; failed: string[] };
      expect(Object.keys(result as object)).toEqual(['jobs', 'allocatable', 'failed']);
      expect([allocatable, failed, jobs.map(([ok, id]) => [ok, typeof id])]).toEqual([['inst4.example.com', 'inst5.example.com'], [], [[true, 'number'], [true, 'number']]]);
      for (const [, id] of jobs) expect((await settled(id)).status).toBe('success');
      expect(((await call('GET', '/2/instances')).json as { id: string }[]).map((i) => i.id)).toEqual(['inst4.example.com', 'inst5.example.com']);
    });

    it('places them with hail (multi-allocate request) as well', async () => {
      const [status, result] = await run('POST', '/2/instances-multi-alloc', { iallocator: 'hail', instances: [entry('multi1.example.com'), entry('multi2.example.com')] });
      expect(status).toBe('success');
      const { jobs, allocatable, failed } = result as { jobs: [boolean, number][]; allocatable: string[]; failed: string[] };
      expect([allocatable, failed]).toEqual([['multi1.example.com', 'multi2.example.com'], []]);
      for (const [ok, id] of jobs) expect([ok, (await settled(id)).status]).toEqual([true, 'success']);
      for (const name of ['multi1.example.com', 'multi2.example.com']) expect(await run('DELETE', `/2/instances/${name}`)).toEqual(['success', null]);
    });

    it('answers a dry run with the allocatable names and submits nothing', async () => {
      const [status, result] = await run('POST', '/2/instances-multi-alloc?dry-run=1', { instances: [entry('inst6.example.com', { pnode: 'NODE' })].map((e) => ({ ...e, pnode: node1.name })) });
      expect([status, result]).toEqual(['success', { allocatable: ['inst6.example.com'], failed: [] }]);
      expect((await call('GET', '/2/instances/inst6.example.com')).status).toBe(404);
    });

    it('validates each entry as a creation (400)', async () => {
      const res = await call('POST', '/2/instances-multi-alloc', { instances: [entry('inst6.example.com', { bogus: 1 })] });
      expect(res.status).toBe(400);
      expect((await call('POST', '/2/instances-multi-alloc', {})).status).toBe(400);
    });

    it('deletes them, leaving both nodes empty', async () => {
      for (const name of ['inst4.example.com', 'inst5.example.com']) expect(await run('DELETE', `/2/instances/${name}`)).toEqual(['success', null]);
      expect([nodeDirTree(node1.node_dir), nodeDirTree(node2.node_dir)]).toEqual([EMPTY_NODE_DIR, EMPTY_NODE_DIR]);
    });
  });

  describe('when an instance has private OS parameters and a NIC from an address pool', () => {
    beforeAll(async () => {
      const store = server.container.get<ConfigStore>(ConfigStore);
      const now = Date.now() / 1000;
      const network: Network = {
        uuid: 'net-uuid-1',
        serial_no: 1,
        ctime: now,
        mtime: now,
        tags: [],
        name: 'net1',
        network: '192.0.2.0/29',
        gateway: '192.0.2.1',
        network6: null,
        gateway6: null,
        mac_prefix: null,
        ...AddressPool.initialBitmaps('192.0.2.0/29', '192.0.2.1'),
      };
      await store.commit({ put: [{ kind: 'network', object: network }] });
      // An OS definition on node1 that takes a (private) password parameter.
      const osDir = join(node1.node_dir, 'os', 'secretos');
      mkdirSync(osDir, { recursive: true });
      writeFileSync(join(osDir, 'ganeti_api_version'), '20\n');
      writeFileSync(join(osDir, 'variants.list'), 'default\n');
      writeFileSync(join(osDir, 'parameters.list'), 'password The root password\n');
      for (const script of ['create', 'export', 'import', 'rename', 'verify']) writeFileSync(join(osDir, script), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    });
    afterAll(() => {
      rmSync(join(node1.node_dir, 'os'), { recursive: true });
    });

    it('takes the first free pool address and stores the network bitmap in the same commit', async () => {
      const body = create({ name: 'inst7.example.com', pnode: node1.name, nics: [{ ip: 'pool', network: 'net1' }], os: 'secretos+default', osparams_private: { password: 'hunter2' } });
      expect(await run('POST', '/2/instances', body)).toEqual(['success', [node1.name]]);
      expect((await call('GET', '/2/instances/inst7.example.com')).json).toMatchObject({ 'nic.ips': ['192.0.2.2'], 'nic.networks': ['net-uuid-1'], 'nic.networks.names': ['net1'] });
      const network = (await server.container.get<ConfigStore>(ConfigStore).snapshot()).findByName('network', 'net1')!;
      expect(network.reservations).toBe('00100000');
    });

    it('refuses a literal address already taken in the network (resource_not_unique)', async () => {
      const body = create({ name: 'inst8.example.com', pnode: node1.name, nics: [{ ip: '192.0.2.2', network: 'net1' }] });
      expect(await run('POST', '/2/instances', body)).toEqual(['error', ['OpPrereqError', ["IP address '192.0.2.2' already in use or reserved", 'resource_not_unique']]]);
    });

    it('never shows the private parameter in the creation job, the info job or its result (J5)', async () => {
      const jobs = (await call('GET', '/2/jobs?bulk=1')).text;
      expect(jobs).toContain('"osparams_private": {"password": "<redacted>"}');
      const [, info] = await run('GET', '/2/instances/inst7.example.com/info');
      expect(JSON.stringify(info)).not.toContain('hunter2');
      expect((await call('GET', '/2/jobs?bulk=1')).text).not.toContain('hunter2');
    });

    it('releases the pool address when the instance is deleted', async () => {
      expect(await run('DELETE', '/2/instances/inst7.example.com')).toEqual(['success', null]);
      expect((await server.container.get<ConfigStore>(ConfigStore).snapshot()).findByName('network', 'net1')!.reservations).toBe('00000000');
      const node1Files = Object.entries(nodeDirTree(node1.node_dir)).filter(([path]) => !path.startsWith('os/'));
      expect([Object.fromEntries(node1Files), nodeDirTree(node2.node_dir)]).toEqual([EMPTY_NODE_DIR, EMPTY_NODE_DIR]);
    });
  });

  describe('when a node cannot answer or is offline', () => {
    let node3: Node;
    const store = (): ConfigStore => server.container.get<ConfigStore>(ConfigStore);

    beforeAll(async () => {
      node3 = await addLocalTestNode(server, 'node3.example.com');
      // Its hypervisor state directory is a file: every hypervisor call on it fails.
      rmSync(join(node3.node_dir, 'run', 'fake-hypervisor'), { recursive: true });
      writeFileSync(join(node3.node_dir, 'run', 'fake-hypervisor'), 'broken');
      expect((await run('POST', '/2/instances', create({ name: 'inst9.example.com', pnode: node1.name })))[0]).toBe('success');
      const snapshot = await store().snapshot();
      const template = snapshot.findByName('instance', 'inst9.example.com')!;
      await store().commit({ put: [{ kind: 'instance', object: { ...template, uuid: 'uuid-stranded', name: 'stranded.example.com', primary_node: node3.uuid, nics: [] } }] });
    });
    afterAll(async () => {
      await store().commit({ remove: [{ kind: 'instance', uuid: 'uuid-stranded' }] });
      await run('DELETE', '/2/instances/inst9.example.com');
    });

    const live = async (): Promise<unknown[]> =>
      ((await call('GET', '/2/instances?bulk=1')).json as Record<string, unknown>[]).map((r) => [r.name, r.oper_state, r.oper_ram, r.status]);

    it('lists its instances as ERROR_nodedown with null live fields, the others normally', async () => {
      expect(await live()).toEqual([
        ['inst9.example.com', true, 128, 'running'],
        ['stranded.example.com', null, null, 'ERROR_nodedown'],
      ]);
    });

    it('lists them as ERROR_nodeoffline once the node is marked offline', async () => {
      const snapshot = await store().snapshot();
      await store().commit({ put: [{ kind: 'node', object: { ...snapshot.findByName('node', 'node3.example.com')!, offline: true } }] });
      expect(await live()).toEqual([
        ['inst9.example.com', true, 128, 'running'],
        ['stranded.example.com', null, null, 'ERROR_nodeoffline'],
      ]);
    });
  });

  describe('when a creation fails on the node half-way', () => {
    beforeAll(() => {
      const osDir = join(node2.node_dir, 'os', 'failos');
      mkdirSync(osDir, { recursive: true });
      writeFileSync(join(osDir, 'ganeti_api_version'), '20\n');
      writeFileSync(join(osDir, 'variants.list'), 'default\n');
      writeFileSync(join(osDir, 'parameters.list'), '');
      for (const script of ['export', 'import', 'rename', 'verify']) writeFileSync(join(osDir, script), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
      writeFileSync(join(osDir, 'create'), '#!/bin/sh\necho "no space left on the imaginary device" >&2\nexit 1\n', { mode: 0o755 });
    });
    afterAll(() => {
      rmSync(join(node2.node_dir, 'os'), { recursive: true });
    });

    it('fails the job with OpExecError and removes the disks it had created; no config', async () => {
      const [status, result] = await run('POST', '/2/instances', create({ name: 'inst10.example.com', pnode: node2.name, disk_template: 'file', disks: [{ size: '1G' }, { size: '2G' }], os: 'failos+default' }));
      expect([status, (result as [string])[0]]).toEqual(['error', 'OpExecError']);
      expect((result as [string, [string]])[1][0]).toMatch(/^Could not create instance 'inst10.example.com': /);
      expect(Object.fromEntries(Object.entries(nodeDirTree(node2.node_dir)).filter(([path]) => !path.startsWith('os/')))).toEqual(EMPTY_NODE_DIR);
      expect((await call('GET', '/2/instances/inst10.example.com')).status).toBe(404);
    });
  });

  describe('when the sharedfile template is enabled', () => {
    const shared = (): string => join(server.dataDir, 'shared-file-storage');

    beforeAll(async () => {
      const store = server.container.get<ConfigStore>(ConfigStore);
      const cluster = (await store.snapshot()).list('cluster')[0]!;
      const templates = [...cluster.enabled_disk_templates, 'sharedfile'];
      await store.commit({ put: [{ kind: 'cluster', object: { ...cluster, enabled_disk_templates: templates, ipolicy: { ...cluster.ipolicy, 'disk-templates': templates } } }] });
    });

    it('creates the disk in the directory every local node shares, runs on the chosen node', async () => {
      expect(await run('POST', '/2/instances', create({ name: 'inst11.example.com', pnode: node2.name, disk_template: 'sharedfile', disks: [{ size: '1G' }] }))).toEqual(['success', [node2.name]]);
      expect(nodeDirTree(shared())).toEqual({ 'inst11.example.com/': '', 'inst11.example.com/disk0': 1024 * MIB });
      expect(nodeDirTree(node2.node_dir)).toEqual({ ...EMPTY_NODE_DIR, 'run/fake-hypervisor/inst11.example.com': '0\n128\n1\n' });
      expect((await call('GET', '/2/instances/inst11.example.com')).json).toMatchObject({ disk_template: 'sharedfile', 'disk.sizes': [1024], disk_usage: 1024, status: 'running' });
    });

    it('removes the shared disk with the instance', async () => {
      expect(await run('DELETE', '/2/instances/inst11.example.com')).toEqual(['success', null]);
      expect([nodeDirTree(shared()), nodeDirTree(node2.node_dir)]).toEqual([{}, EMPTY_NODE_DIR]);
    });

    it('refuses plain with a clear wrong_input while the cluster has no volume group', async () => {
      const store = server.container.get<ConfigStore>(ConfigStore);
      const cluster = (await store.snapshot()).list('cluster')[0]!;
      const templates = [...cluster.enabled_disk_templates, 'plain'];
      await store.commit({ put: [{ kind: 'cluster', object: { ...cluster, enabled_disk_templates: templates, ipolicy: { ...cluster.ipolicy, 'disk-templates': templates } } }] });
      const body = create({ name: 'inst12.example.com', pnode: node1.name, disk_template: 'plain', disks: [{ size: '1G' }] });
      expect(await run('POST', '/2/instances', body)).toEqual(['error', ['OpPrereqError', ["Disk template 'plain' needs an LVM volume group, and this cluster has none", 'wrong_input']]]);
    });

    it('refuses drbd with a clear wrong_input once a mirror node is given', async () => {
      const store = server.container.get<ConfigStore>(ConfigStore);
      const cluster = (await store.snapshot()).list('cluster')[0]!;
      const templates = [...cluster.enabled_disk_templates, 'drbd'];
      await store.commit({ put: [{ kind: 'cluster', object: { ...cluster, enabled_disk_templates: templates, ipolicy: { ...cluster.ipolicy, 'disk-templates': templates } } }] });
      const body = create({ name: 'inst12.example.com', pnode: node1.name, disk_template: 'drbd', disks: [{ size: '1G' }] });
      expect(await run('POST', '/2/instances', body)).toEqual(['error', ['OpPrereqError', ['The networked disk templates need a mirror node', 'wrong_input']]]);
      expect(await run('POST', '/2/instances', { ...body, snode: node2.name })).toEqual([
        'error',
        ['OpPrereqError', [`Disk template 'drbd' needs mirrored storage between ${node1.name} and ${node2.name}, which this cluster's storage cannot provide yet`, 'wrong_input']],
      ]);
    });
  });
});
