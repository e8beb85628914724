import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sendRequest } from '@corral/testing';
import type { GanetiError, Instance, Node } from '@corral/model';
import { readExport } from '@corral/opcodes';
import { ConfigStore } from '@corral/store';
import { startTestServer, type TestServer } from './testing/start-test-server';
import { EMPTY_NODE_DIR, nodeDirTree } from './testing/node-dir-tree';
import { addLocalTestNode } from './testing/add-local-node';
import { seedInstance } from './testing/seed-instance';

const MIB = 1048576;

describe('instance operations over RAPI on a two-node local cluster', () => {
  let server: TestServer;
  let node1: Node;
  let node2: Node;

  const request = (method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown) =>
    sendRequest(`${server.url}${path}`, { method, auth: server.writeAuth, body: body === undefined ? undefined : JSON.stringify(body), headers: body === undefined ? {} : { 'content-type': 'application/json' } });

  /** Submits and waits for the job; returns its final document. */
  async function runJob(method: 'PUT' | 'POST', path: string, body?: unknown): Promise<{ status: string; opresult: unknown[]; ops: Record<string, unknown>[] }> {
    const submitted = await request(method, path, body);
    expect(submitted.status).toBe(200);
    const id = submitted.json as number;
    for (;;) {
      const job = (await request('GET', `/2/jobs/${id}`)).json as { status: string; opresult: unknown[]; ops: Record<string, unknown>[] };
      if (['success', 'error', 'canceled'].includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  const instance = async (name: string): Promise<Instance | undefined> => (await server.container.get<ConfigStore>(ConfigStore).snapshot()).findByName('instance', name);

  beforeAll(async () => {
    server = await startTestServer();
    node1 = (await server.container.get<ConfigStore>(ConfigStore).snapshot()).list('node')[0]!;
    node2 = await addLocalTestNode(server, 'node2.example.com');
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when a running file instance is migrated live to the second node and back non-live', () => {
    it('moves the hypervisor state and the disk files, and the config follows', async () => {
      await seedInstance(server, { name: 'inst1.example.com', node: node1.name, disks: [4], running: true });
      const job = await runJob('PUT', '/2/instances/inst1.example.com/migrate', { mode: 'live', target_node: node2.name });
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      expect((await instance('inst1.example.com'))!.primary_node).toBe(node2.uuid);
      expect((await instance('inst1.example.com'))!.disks.map((d) => d.logical_id)).toEqual([['loop', join(node2.node_dir, 'file-storage', 'inst1.example.com', 'disk0')]]);
      expect(nodeDirTree(node1.node_dir)).toEqual(EMPTY_NODE_DIR);
      expect(nodeDirTree(node2.node_dir)).toEqual({
        ...EMPTY_NODE_DIR,
        'file-storage/inst1.example.com/': '',
        'file-storage/inst1.example.com/disk0': 4 * MIB,
        'run/fake-hypervisor/inst1.example.com': '0\n128\n1\n',
      });
      const back = await runJob('PUT', '/2/instances/inst1.example.com/migrate', { mode: 'non-live', target_node: node1.name });
      expect(back.status).toBe('success');
      expect((await instance('inst1.example.com'))!.primary_node).toBe(node1.uuid);
      expect(nodeDirTree(node2.node_dir)).toEqual(EMPTY_NODE_DIR);
      expect(Object.keys(nodeDirTree(node1.node_dir))).toEqual([
        'file-storage/',
        'file-storage/inst1.example.com/',
        'file-storage/inst1.example.com/disk0',
        'run/',
        'run/fake-hypervisor/',
        'run/fake-hypervisor/inst1.example.com',
      ]);
    });

    it('with neither mode nor target uses the hypervisor default and the default iallocator', async () => {
      const job = await runJob('PUT', '/2/instances/inst1.example.com/migrate', {});
      expect(job.status).toBe('success');
      expect((await instance('inst1.example.com'))!.primary_node).toBe(node2.uuid);
      expect(Object.keys(nodeDirTree(node2.node_dir))).toContain('run/fake-hypervisor/inst1.example.com');
    });

    it('refuses to migrate to the primary itself', async () => {
      const job = await runJob('PUT', '/2/instances/inst1.example.com/migrate', { target_node: node2.name });
      expect(job.opresult).toEqual([['OpPrereqError', [`Cannot migrate instance inst1.example.com to its primary (${node2.name})`, 'wrong_state']]]);
    });

    it('cleanup after the instance really runs elsewhere updates the config', async () => {
      const job = await runJob('PUT', '/2/instances/inst1.example.com/migrate', { cleanup: true, target_node: node1.name });
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      expect((await instance('inst1.example.com'))!.primary_node).toBe(node2.uuid);
    });
  });

  describe('when a running instance is failed over', () => {
    it('stops it on the primary, moves the disks and starts it on the target', async () => {
      const job = await runJob('PUT', '/2/instances/inst1.example.com/failover', { target_node: node1.name });
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      expect((await instance('inst1.example.com'))!.primary_node).toBe(node1.uuid);
      expect(nodeDirTree(node2.node_dir)).toEqual(EMPTY_NODE_DIR);
      expect(nodeDirTree(node1.node_dir)).toEqual({
        ...EMPTY_NODE_DIR,
        'file-storage/inst1.example.com/': '',
        'file-storage/inst1.example.com/disk0': 4 * MIB,
        'run/fake-hypervisor/inst1.example.com': '0\n128\n1\n',
      });
    });
  });

  describe('when a stopped instance is migrated', () => {
    it('without allow_failover it is refused', async () => {
      await seedInstance(server, { name: 'inst2.example.com', node: node1.name, disks: [4, 8] });
      const job = await runJob('PUT', '/2/instances/inst2.example.com/migrate', { target_node: node2.name });
      expect(job.opresult).toEqual([['OpPrereqError', ["Can't migrate, please use failover: Instance inst2.example.com is not running", 'wrong_state']]]);
    });
  });

  describe('when a stopped or diskless instance moves', () => {
    it('failover of a stopped instance moves its disks and leaves it stopped', async () => {
      await seedInstance(server, { name: 'move1.example.com', node: node1.name, disks: [4] });
      const job = await runJob('PUT', '/2/instances/move1.example.com/failover', { target_node: node2.name });
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      expect(nodeDirTree(join(node2.node_dir, 'file-storage'))).toEqual({ 'move1.example.com/': '', 'move1.example.com/disk0': 4 * MIB });
      expect(Object.keys(nodeDirTree(join(node2.node_dir, 'run')))).toEqual(['fake-hypervisor/']);
      expect(Object.keys(nodeDirTree(join(node1.node_dir, 'file-storage')))).not.toContain('move1.example.com/');
    });

    it('migrate with allow_failover falls back to a failover for a stopped instance', async () => {
      const job = await runJob('PUT', '/2/instances/move1.example.com/migrate', { target_node: node1.name, allow_failover: true });
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      expect((await instance('move1.example.com'))!.primary_node).toBe(node1.uuid);
      expect(nodeDirTree(join(node1.node_dir, 'file-storage', 'move1.example.com'))).toEqual({ disk0: 4 * MIB });
    });

    it('an instance marked down but running (ERROR_up) is migrated, not failed over, as in Ganeti', async () => {
      const seeded = await seedInstance(server, { name: 'errup.example.com', node: node1.name, diskTemplate: 'diskless', running: true });
      await server.container.get<ConfigStore>(ConfigStore).commit({ put: [{ kind: 'instance', object: { ...seeded, admin_state: 'down' } }] });
      const job = await runJob('PUT', '/2/instances/errup.example.com/migrate', { target_node: node2.name });
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      expect(existsSync(join(node2.node_dir, 'run', 'fake-hypervisor', 'errup.example.com'))).toBe(true);
      expect((await instance('errup.example.com'))!.admin_state).toBe('down');
    });

    it('a running diskless instance migrates with only its hypervisor state', async () => {
      await seedInstance(server, { name: 'move2.example.com', node: node1.name, diskTemplate: 'diskless', running: true });
      const job = await runJob('PUT', '/2/instances/move2.example.com/migrate', { target_node: node2.name, mode: 'non-live' });
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      expect(readFileSync(join(node2.node_dir, 'run', 'fake-hypervisor', 'move2.example.com'), 'utf8')).toBe('0\n128\n1\n');
      expect(existsSync(join(node1.node_dir, 'run', 'fake-hypervisor', 'move2.example.com'))).toBe(false);
    });

    it('a running sharedfile instance migrates without moving its disks', async () => {
      await seedInstance(server, { name: 'move3.example.com', node: node1.name, diskTemplate: 'sharedfile', disks: [4], running: true });
      const shared = join(server.dataDir, 'shared-file-storage');
      const job = await runJob('PUT', '/2/instances/move3.example.com/migrate', { target_node: node2.name });
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      expect(nodeDirTree(shared)).toEqual({ 'move3.example.com/': '', 'move3.example.com/disk0': 4 * MIB });
      expect((await instance('move3.example.com'))!.disks.map((d) => d.logical_id)).toEqual([['loop', join(shared, 'move3.example.com', 'disk0')]]);
      expect(existsSync(join(node2.node_dir, 'run', 'fake-hypervisor', 'move3.example.com'))).toBe(true);
      expect(existsSync(join(node1.node_dir, 'run', 'fake-hypervisor', 'move3.example.com'))).toBe(false);
      expect(Object.keys(nodeDirTree(join(node2.node_dir, 'file-storage')))).not.toContain('move3.example.com/');
    });

    it('a target without the instance minimum memory free is refused', async () => {
      await seedInstance(server, { name: 'big1.example.com', node: node1.name, diskTemplate: 'diskless', running: true, beparams: { maxmem: 128, minmem: 128 } });
      const store = server.container.get<ConfigStore>(ConfigStore);
      const big = (await instance('big1.example.com'))!;
      await store.commit({ put: [{ kind: 'instance', object: { ...big, beparams: { maxmem: 1 << 30, minmem: 1 << 30 } } }] });
      const job = await runJob('PUT', '/2/instances/big1.example.com/migrate', { target_node: node2.name });
      const [[name, [message, classification]]] = job.opresult as [string, [string, string]][];
      expect([name, classification]).toEqual(['OpPrereqError', 'insufficient_resources']);
      expect(message).toMatch(/^Not enough memory on node node2\.example\.com for migrating instance big1\.example\.com: needed 1073741824 MiB, available \d+ MiB$/);
    });

    it('a target that does not exist is unknown_entity', async () => {
      const job = await runJob('PUT', '/2/instances/move2.example.com/failover', { target_node: 'node9.example.com' });
      expect(job.opresult).toEqual([['OpPrereqError', ["Node 'node9.example.com' not known", 'unknown_entity']]]);
    });

    it('live and mode together are refused as in Ganeti', async () => {
      const job = await runJob('PUT', '/2/instances/move2.example.com/migrate', { target_node: node1.name, live: true, mode: 'live' });
      expect(job.opresult).toEqual([['OpPrereqError', ["Only one of the 'live' and 'mode' parameters are accepted", 'wrong_input']]]);
    });

    it('an unknown body key is a 400 naming it', async () => {
      const response = await request('PUT', '/2/instances/move2.example.com/migrate', { bogus: 1 });
      expect([response.status, (response.json as { message: string }).message]).toEqual([
        400,
        'Invalid body parameters: Object OpInstanceMigrate doesn&#x27;t support the parameter &#x27;bogus&#x27;',
      ]);
    });

    it('a body overwriting the instance name is a 400', async () => {
      const response = await request('PUT', '/2/instances/move2.example.com/failover', { instance_name: 'x' });
      expect([response.status, (response.json as { message: string }).message]).toEqual([400, 'Can&#x27;t overwrite static parameters {&#x27;instance_name&#x27;}']);
    });
  });

  describe('when an instance is renamed', () => {
    it('refuses while it runs, as Ganeti', async () => {
      const job = await runJob('PUT', '/2/instances/inst1.example.com/rename', { new_name: 'inst3.example.com', name_check: false, ip_check: false });
      expect(job.opresult).toEqual([['OpPrereqError', ["Instance 'inst1.example.com' is marked to be up, cannot rename", 'wrong_state']]]);
    });

    it('refuses a name already in the cluster', async () => {
      const job = await runJob('PUT', '/2/instances/inst2.example.com/rename', { new_name: 'inst1.example.com', name_check: false, ip_check: false });
      expect(job.opresult).toEqual([['OpPrereqError', ["Instance 'inst1.example.com' is already in the cluster", 'already_exists']]]);
    });

    it('ip_check needs name_check', async () => {
      const job = await runJob('PUT', '/2/instances/inst2.example.com/rename', { new_name: 'inst3.example.com', name_check: false });
      expect(job.opresult).toEqual([['OpPrereqError', ['IP address check requires a name check', 'wrong_input']]]);
    });

    it('with the checks, a name whose address answers is refused (localhost)', async () => {
      const job = await runJob('PUT', '/2/instances/inst2.example.com/rename', { new_name: 'localhost' });
      expect(job.opresult).toEqual([['OpPrereqError', ['IP 127.0.0.1 of instance localhost already in use', 'resource_not_unique']]]);
    });

    it('moves the config and the disk files to the new name and answers it', async () => {
      const job = await runJob('PUT', '/2/instances/inst2.example.com/rename', { new_name: 'inst3.example.com', name_check: false, ip_check: false });
      expect([job.status, job.opresult]).toEqual(['success', ['inst3.example.com']]);
      expect(await instance('inst2.example.com')).toBeUndefined();
      const dir = join(node1.node_dir, 'file-storage', 'inst3.example.com');
      expect((await instance('inst3.example.com'))!.disks.map((d) => d.logical_id)).toEqual([
        ['loop', join(dir, 'disk0')],
        ['loop', join(dir, 'disk1')],
      ]);
      const files = nodeDirTree(join(node1.node_dir, 'file-storage'));
      expect(files).toEqual({
        'inst1.example.com/': '',
        'inst1.example.com/disk0': 4 * MIB,
        'inst3.example.com/': '',
        'inst3.example.com/disk0': 4 * MIB,
        'inst3.example.com/disk1': 8 * MIB,
        'move1.example.com/': '',
        'move1.example.com/disk0': 4 * MIB,
      });
    });
  });

  describe('when disks are grown, activated, deactivated and recreated', () => {
    it('grows the sparse file by the amount', async () => {
      const job = await runJob('POST', '/2/instances/inst3.example.com/disk/1/grow', { amount: 4 });
      expect(job.status).toBe('success');
      expect(statSync(join(node1.node_dir, 'file-storage', 'inst3.example.com', 'disk1')).size).toBe(12 * MIB);
      expect((await instance('inst3.example.com'))!.disks.map((d) => d.size)).toEqual([4, 12]);
    });

    it('grows to an absolute size and refuses a smaller one', async () => {
      expect((await runJob('POST', '/2/instances/inst3.example.com/disk/0/grow', { amount: 16, absolute: true })).status).toBe('success');
      expect(statSync(join(node1.node_dir, 'file-storage', 'inst3.example.com', 'disk0')).size).toBe(16 * MIB);
      const job = await runJob('POST', '/2/instances/inst3.example.com/disk/0/grow', { amount: 8, absolute: true });
      expect(job.opresult).toEqual([['OpPrereqError', ['Requested size (8M) is smaller than current disk size (16M)', 'wrong_state']]]);
    });

    it('activate-disks answers the real paths', async () => {
      const job = await runJob('PUT', '/2/instances/inst3.example.com/activate-disks');
      const dir = join(node1.node_dir, 'file-storage', 'inst3.example.com');
      expect(job.opresult).toEqual([
        [
          [node1.name, 'disk/0', join(dir, 'disk0')],
          [node1.name, 'disk/1', join(dir, 'disk1')],
        ],
      ]);
    });

    it('deactivate-disks of a running instance needs force', async () => {
      const refused = await runJob('PUT', '/2/instances/inst1.example.com/deactivate-disks');
      expect(refused.opresult).toEqual([['OpPrereqError', ["Instance 'inst1.example.com' is marked to be up, cannot shutdown disks", 'wrong_state']]]);
      expect((await runJob('PUT', '/2/instances/inst1.example.com/deactivate-disks?force=1')).status).toBe('success');
    });

    it('recreate-disks brings a missing disk file back', async () => {
      const { unlinkSync } = await import('node:fs');
      unlinkSync(join(node1.node_dir, 'file-storage', 'inst3.example.com', 'disk1'));
      const job = await runJob('POST', '/2/instances/inst3.example.com/recreate-disks', { disks: [1] });
      expect(job.status).toBe('success');
      expect(statSync(join(node1.node_dir, 'file-storage', 'inst3.example.com', 'disk1')).size).toBe(12 * MIB);
    });
  });

  describe('when disks are recreated on another node', () => {
    it('creates empty disks there and makes it the primary', async () => {
      await seedInstance(server, { name: 'rec1.example.com', node: node1.name, disks: [4, 4] });
      const job = await runJob('POST', '/2/instances/rec1.example.com/recreate-disks', { nodes: [node2.name], disks: [[1, { size: 8 }], 0] });
      expect([job.status, job.opresult]).toEqual(['success', [null]]);
      const inst = (await instance('rec1.example.com'))!;
      const dir = join(node2.node_dir, 'file-storage', 'rec1.example.com');
      expect([inst.primary_node, inst.disks.map((d) => [d.size, d.logical_id[1]])]).toEqual([
        node2.uuid,
        [
          [4, join(dir, 'disk0')],
          [8, join(dir, 'disk1')],
        ],
      ]);
      expect(nodeDirTree(dir)).toEqual({ disk0: 4 * MIB, disk1: 8 * MIB });
    });

    it('refuses a bad disk index, a wrong node count and a partial recreation on new nodes, with Ganeti texts', async () => {
      const bad = await runJob('POST', '/2/instances/rec1.example.com/recreate-disks', { disks: [5] });
      expect(bad.opresult).toEqual([['OpPrereqError', ["Invalid disk index '5'", 'wrong_input']]]);
      const two = await runJob('POST', '/2/instances/rec1.example.com/recreate-disks', { nodes: [node1.name, node2.name] });
      expect(two.opresult).toEqual([['OpPrereqError', ['Instance rec1.example.com currently has 1 nodes, but 2 replacement nodes were specified', 'wrong_input']]]);
      const partial = await runJob('POST', '/2/instances/rec1.example.com/recreate-disks', { nodes: [node1.name], disks: [0] });
      expect(partial.opresult).toEqual([['OpPrereqError', ["Can't recreate disks partially and change the nodes at the same time", 'wrong_input']]]);
    });
  });

  describe('when an instance is reinstalled', () => {
    it('submits shutdown, reinstall and startup in one job (body form)', async () => {
      const job = await runJob('POST', '/2/instances/inst1.example.com/reinstall', { os: 'noop+default', osparams: {} });
      expect(job.ops.map((op) => op.OP_ID)).toEqual(['OP_INSTANCE_SHUTDOWN', 'OP_INSTANCE_REINSTALL', 'OP_INSTANCE_STARTUP']);
      expect([job.status, job.opresult]).toEqual(['success', [null, null, null]]);
      expect(Object.keys(nodeDirTree(node1.node_dir))).toContain('run/fake-hypervisor/inst1.example.com');
    });

    it('the legacy query form with nostartup leaves it stopped', async () => {
      const job = await runJob('POST', '/2/instances/inst1.example.com/reinstall?os=noop%2Bdefault&nostartup=1');
      expect(job.ops.map((op) => [op.OP_ID, op.os_type])).toEqual([
        ['OP_INSTANCE_SHUTDOWN', undefined],
        ['OP_INSTANCE_REINSTALL', 'noop+default'],
      ]);
      expect(job.status).toBe('success');
      expect(Object.keys(nodeDirTree(node1.node_dir))).not.toContain('run/fake-hypervisor/inst1.example.com');
      expect((await instance('inst1.example.com'))!.admin_state).toBe('down');
    });

    it('merges the given OS parameters into the instance ones', async () => {
      const job = await runJob('POST', '/2/instances/inst1.example.com/reinstall', { start: false, osparams: { size: 'big' } });
      expect(job.status).toBe('success');
      const again = await runJob('POST', '/2/instances/inst1.example.com/reinstall', { start: false, osparams: { color: 'red' } });
      expect(again.status).toBe('success');
      expect((await instance('inst1.example.com'))!.osparams).toEqual({ size: 'big', color: 'red' });
    });

    it('query args together with a body are a 400', async () => {
      const response = await request('POST', '/2/instances/inst1.example.com/reinstall?dry-run=1', { os: 'noop+default' });
      expect([response.status, (response.json as { message: string }).message]).toEqual([400, 'Can&#x27;t combine query and body parameters']) // Ganeti HTML-escapes error messages;
    });

    it('an empty body counts as none, as in Ganeti: the query form applies', async () => {
      const job = await runJob('POST', '/2/instances/inst1.example.com/reinstall?nostartup=1', {});
      expect(job.ops.map((op) => op.OP_ID)).toEqual(['OP_INSTANCE_SHUTDOWN', 'OP_INSTANCE_REINSTALL']);
    });

    it('a non-bool start is a 400', async () => {
      const response = await request('POST', '/2/instances/inst1.example.com/reinstall', { start: 1 });
      expect([response.status, (response.json as { message: string }).message]).toEqual([400, '&#x27;start&#x27; parameter: Type is &#x27;int&#x27;, but &#x27;bool&#x27; is expected']);
    });
  });

  describe('when replace-disks is asked for a file instance', () => {
    it('a bad disk index is a 400', async () => {
      const response = await request('POST', '/2/instances/inst1.example.com/replace-disks?mode=replace_auto&disks=0,x');
      expect([response.status, (response.json as { message: string }).message]).toEqual([400, 'Invalid disk index passed: invalid literal for int() with base 10: &#x27;x&#x27;']);
    });

    it('the job is refused as Ganeti refuses non-DRBD instances', async () => {
      const job = await runJob('POST', '/2/instances/inst1.example.com/replace-disks', { mode: 'replace_auto', disks: [0] });
      expect(job.opresult).toEqual([['OpPrereqError', ['Can only run replace disks for DRBD8-based instances', 'wrong_input']]]);
    });
  });

  describe('when an instance is modified', () => {
    it('changes be/hv/os params and answers the changes as Ganeti does', async () => {
      const job = await runJob('PUT', '/2/instances/inst3.example.com/modify', {
        custom_beparams: { maxmem: 256, minmem: '128' },
        hvparams: { kernel_path: 'default' },
        osparams: { color: 'blue' },
      });
      expect([job.status, job.opresult]).toEqual([
        'success',
        [
          [
            ['hv/kernel_path', 'default'],
            ['be/maxmem', 256],
            ['be/minmem', '128'],
            ['os/color', 'blue'],
          ],
        ],
      ]);
      const inst = (await instance('inst3.example.com'))!;
      expect([inst.beparams, inst.hvparams, inst.osparams]).toEqual([{ maxmem: 256, minmem: 128 }, {}, { color: 'blue' }]);
    });

    it.each([
      [{ foo: 1 }, ['TypeEnforcementError', ["Unknown parameter 'foo'"]]],
      [
        { migration_mode: 'non-live' },
        [
          'OpPrereqError',
          ['The following hypervisor parameters are global and cannot be customized at instance level, please modify them at cluster level: migration_mode', 'wrong_input'],
        ],
      ],
      [{ kernel_path: '/x' }, ['HypervisorError', ["Parameter 'kernel_path' is not supported"]]],
    ])('refuses hvparams %j as Ganeti 3.0 does', async (hvparams, error) => {
      const job = await runJob('PUT', '/2/instances/inst3.example.com/modify', { hvparams });
      expect(job.opresult).toEqual([error]);
    });

    it.each([
      [{ vcpus: 'x' }, "'vcpus' (value x) is not a valid integer"],
      [{ foo: 1 }, "Unknown parameter 'foo'"],
    ])('refuses beparams %j with a TypeEnforcementError', async (beparams, message) => {
      const job = await runJob('PUT', '/2/instances/inst3.example.com/modify', { beparams });
      expect(job.opresult).toEqual([['TypeEnforcementError', [message]]]);
    });

    it('the legacy memory beparam sets maxmem and minmem and is answered as given', async () => {
      await seedInstance(server, { name: 'mem1.example.com', node: node1.name, diskTemplate: 'diskless' });
      const job = await runJob('PUT', '/2/instances/mem1.example.com/modify', { beparams: { memory: 256 } });
      expect(job.opresult).toEqual([[['be/memory', 256]]]);
      expect((await instance('mem1.example.com'))!.beparams).toEqual({ maxmem: 256, minmem: 256 });
    });

    it('refuses an empty modification', async () => {
      const job = await runJob('PUT', '/2/instances/inst3.example.com/modify', {});
      expect(job.opresult).toEqual([['OpPrereqError', ['No changes submitted', 'wrong_input']]]);
    });

    it('adds a disk in the legacy 2-tuple form: the file is created', async () => {
      const job = await runJob('PUT', '/2/instances/inst3.example.com/modify', { disks: [['add', { size: 8 }]] });
      expect([job.status, job.opresult]).toEqual(['success', [[['disk/2', 'add:size=8,mode=rw']]]]);
      expect(nodeDirTree(join(node1.node_dir, 'file-storage', 'inst3.example.com'))).toEqual({ disk0: 16 * MIB, disk1: 12 * MIB, disk2: 8 * MIB });
    });

    it('removes a disk in the 3-tuple form: the file is deleted', async () => {
      const job = await runJob('PUT', '/2/instances/inst3.example.com/modify', { disks: [['remove', 0, {}]] });
      expect([job.status, job.opresult]).toEqual(['success', [[['disk/0', 'remove']]]]);
      expect(nodeDirTree(join(node1.node_dir, 'file-storage', 'inst3.example.com'))).toEqual({ disk1: 12 * MIB, disk2: 8 * MIB });
      const dir = join(node1.node_dir, 'file-storage', 'inst3.example.com');
      expect((await instance('inst3.example.com'))!.disks.map((d) => [d.size, d.logical_id[1]])).toEqual([
        [12, join(dir, 'disk1')],
        [8, join(dir, 'disk2')],
      ]);
    });

    it('modifies a NIC by index and answers every filled NIC parameter, as Ganeti', async () => {
      const job = await runJob('PUT', '/2/instances/inst3.example.com/modify', { nics: [[0, { ip: '198.18.0.77' }]] });
      expect(job.opresult).toEqual([
        [
          ['nic.ip/0', '198.18.0.77'],
          ['nic.link/0', 'xen-br0'],
          ['nic.mode/0', 'bridged'],
          ['nic.vlan/0', ''],
        ],
      ]);
      expect((await instance('inst3.example.com'))!.nics[0]!.ip).toBe('198.18.0.77');
    });

    it('adds a NIC (2-tuple) and removes it again (3-tuple)', async () => {
      const added = await runJob('PUT', '/2/instances/inst3.example.com/modify', { nics: [['add', { link: 'br1' }]] });
      const [[param, text]] = (added.opresult[0] as [string, string][]);
      expect(param).toBe('nic.1');
      expect(text).toMatch(/^add:mac=aa:00:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2},ip=None,mode=bridged,link=br1,network=None$/);
      expect((await instance('inst3.example.com'))!.nics.length).toBe(2);
      const removed = await runJob('PUT', '/2/instances/inst3.example.com/modify', { nics: [['remove', -1, {}]] });
      expect(removed.opresult).toEqual([[['NIC/1', 'remove']]]);
      expect((await instance('inst3.example.com'))!.nics.length).toBe(1);
    });

    it('refuses a conversion to diskless as Ganeti does', async () => {
      const job = await runJob('PUT', '/2/instances/inst3.example.com/modify', { disk_template: 'diskless' });
      expect(job.opresult).toEqual([['OpPrereqError', ["Conversion to the 'diskless' disk template is not supported", 'wrong_input']]]);
    });

    it('refuses a conversion to a template the cluster has not enabled', async () => {
      const job = await runJob('PUT', '/2/instances/inst3.example.com/modify', { disk_template: 'sharedfile' });
      expect(job.opresult).toEqual([
        ['OpPrereqError', ["Disk template 'sharedfile' is not enabled for this cluster (enabled templates: file, diskless)", 'wrong_state']],
      ]);
    });

    it('converts file to sharedfile and back once enabled: the files move between the stores', async () => {
      const store = server.container.get<ConfigStore>(ConfigStore);
      const cluster = (await store.snapshot()).list('cluster')[0]!;
      await store.commit({ put: [{ kind: 'cluster', object: { ...cluster, enabled_disk_templates: ['file', 'sharedfile', 'diskless'] } }] });
      const shared = join(server.dataDir, 'shared-file-storage', 'inst3.example.com');
      const local = join(node1.node_dir, 'file-storage', 'inst3.example.com');
      const job = await runJob('PUT', '/2/instances/inst3.example.com/modify', { disk_template: 'sharedfile' });
      expect([job.status, job.opresult]).toEqual(['success', [[['disk_template', 'sharedfile']]]]);
      expect([nodeDirTree(shared), existsSync(local)]).toEqual([{ disk1: 12 * MIB, disk2: 8 * MIB }, false]);
      expect((await instance('inst3.example.com'))!.disks.map((d) => [d.dev_type, d.logical_id[1]])).toEqual([
        ['sharedfile', join(shared, 'disk1')],
        ['sharedfile', join(shared, 'disk2')],
      ]);
      const back = await runJob('PUT', '/2/instances/inst3.example.com/modify', { disk_template: 'file' });
      expect([back.status, nodeDirTree(local), existsSync(shared)]).toEqual(['success', { disk1: 12 * MIB, disk2: 8 * MIB }, false]);
    });

    it('refuses removing a disk of a running instance', async () => {
      const started = await seedInstance(server, { name: 'inst4.example.com', node: node1.name, running: true });
      const job = await runJob('PUT', `/2/instances/${started.name}/modify`, { disks: [['remove', 0, {}]] });
      expect(job.opresult).toEqual([
        ['OpPrereqError', ["Instance 'inst4.example.com' is marked to be up, can't remove volume from a running instance without using hotplug", 'wrong_state']],
      ]);
    });

    it('sets the runtime memory of a running instance through the hypervisor', async () => {
      const job = await runJob('PUT', '/2/instances/inst4.example.com/modify', { runtime_mem: 128, force: true });
      expect(job.opresult).toEqual([[['runtime_memory', 128]]]);
      expect(readFileSync(join(node1.node_dir, 'run', 'fake-hypervisor', 'inst4.example.com'), 'utf8')).toBe('0\n128\n1\n');
    });
  });

  describe('when an instance is exported and read back for an import', () => {
    it('prepare-export in local mode answers null; without mode it is a 400', async () => {
      expect((await runJob('PUT', '/2/instances/inst3.example.com/prepare-export?mode=local')).opresult).toEqual([null]);
      const response = await request('PUT', '/2/instances/inst3.example.com/prepare-export');
      expect(response.status).toBe(400);
    });

    it('writes config.ini and the disk images to the target node', async () => {
      const job = await runJob('PUT', '/2/instances/inst3.example.com/export', { destination: node2.name });
      expect([job.status, job.opresult]).toEqual(['success', [[true, [true, true]]]]);
      expect(nodeDirTree(join(node2.node_dir, 'export'))).toEqual({
        'inst3.example.com/': '',
        'inst3.example.com/config.ini': expect.any(Number),
        'inst3.example.com/disk0.snap': 12 * MIB,
        'inst3.example.com/disk1.snap': 8 * MIB,
      });
      const ini = readFileSync(join(node2.node_dir, 'export', 'inst3.example.com', 'config.ini'), 'utf8');
      const inst = (await instance('inst3.example.com'))!;
      expect(ini).toMatch(new RegExp(`^\\[export\\]\nversion = 0\ntimestamp = \\d+\nsource = ${inst.primary_node}\nos = noop\\+default\ncompression = none\n\n\\[instance\\]\nname = inst3.example.com\nmaxmem = 256\nminmem = 128\nmemory = 256\nvcpus = 1\ndisk_template = file\nhypervisor = fake\ntags = \n`));
      expect(ini).toContain('disk0_ivname = disk/0\ndisk0_dump = disk0.snap\ndisk0_size = 12\ndisk0_name = None\ndisk1_ivname = disk/1\ndisk1_dump = disk1.snap\ndisk1_size = 8\ndisk1_name = None\ndisk_count = 2\n');
      expect(ini).toContain('[hypervisor]\n\n[backend]\nalways_failover = False\nauto_balance = True\nmaxmem = 256\nminmem = 128\nspindle_use = 1\nvcpus = 1\n\n');
      expect(ini).toContain('[os]\ncolor = blue\n\n[os_private]\n\n');
    });

    it('readExport finds it by instance name and gives the import its parameters and images', async () => {
      const snapshot = await server.container.get<ConfigStore>(ConfigStore).snapshot();
      const info = readExport(snapshot, null, 'inst3.example.com');
      const dir = join(node2.node_dir, 'export', 'inst3.example.com');
      expect([info.srcNode, info.srcPath, info.os, info.diskTemplate, info.disks, info.osparams, info.hvparams]).toEqual([
        node2.name,
        dir,
        'noop+default',
        'file',
        [
          { size: 12, name: null, image: join(dir, 'disk0.snap') },
          { size: 8, name: null, image: join(dir, 'disk1.snap') },
        ],
        { color: 'blue' },
        {},
      ]);
      expect(info.beparams).toMatchObject({ maxmem: '256', minmem: '128', vcpus: '1' });
    });

    it('an unknown export is wrong_input and a wrong version environment_error', async () => {
      const snapshot = await server.container.get<ConfigStore>(ConfigStore).snapshot();
      expect(() => readExport(snapshot, null, 'inst9.example.com')).toThrow('No export found for relative path inst9.example.com');
      const ini = join(node2.node_dir, 'export', 'inst3.example.com', 'config.ini');
      writeFileSync(ini, readFileSync(ini, 'utf8').replace('version = 0', 'version = 7'));
      let error: unknown;
      try {
        readExport(snapshot, node2.name, 'inst3.example.com');
      } catch (e) {
        error = e;
      }
      expect((error as GanetiError).toJobResult()).toEqual(['OpPrereqError', ['Wrong export version 7 (wanted 0)', 'environment_error']]);
    });

    it('a running instance is exported with shutdown and runs again afterwards', async () => {
      const job = await runJob('PUT', '/2/instances/inst4.example.com/export', { target_node: node2.name });
      expect([job.status, job.opresult]).toEqual(['success', [[true, [true]]]]);
      expect(Object.keys(nodeDirTree(node1.node_dir))).toContain('run/fake-hypervisor/inst4.example.com');
      expect(Object.keys(nodeDirTree(join(node2.node_dir, 'export')))).toEqual([
        'inst3.example.com/',
        'inst3.example.com/config.ini',
        'inst3.example.com/disk0.snap',
        'inst3.example.com/disk1.snap',
        'inst4.example.com/',
        'inst4.example.com/config.ini',
        'inst4.example.com/disk0.snap',
      ]);
    });

    it('destination and target_node together are a 400', async () => {
      const response = await request('PUT', '/2/instances/inst4.example.com/export', { target_node: node2.name, destination: node2.name });
      expect([response.status, (response.json as { message: string }).message]).toEqual([
        400,
        'Parameter &#x27;destination&#x27; was renamed to &#x27;target_node&#x27;, but both are specified',
      ]);
    });
  });

  describe('when an instance is marked offline and exported with removal', () => {
    it('offline needs the instance down; it is then marked offline and back to down', async () => {
      await seedInstance(server, { name: 'off1.example.com', node: node1.name, disks: [4] });
      expect((await runJob('PUT', '/2/instances/off1.example.com/modify', { offline: true })).opresult).toEqual([[['admin_state', 'offline']]]);
      expect((await instance('off1.example.com'))!.admin_state).toBe('offline');
      expect((await runJob('PUT', '/2/instances/off1.example.com/modify', { offline: false })).opresult).toEqual([[['admin_state', 'down']]]);
      const refused = await runJob('PUT', '/2/instances/inst4.example.com/modify', { offline: true });
      expect(refused.opresult).toEqual([
        ['OpPrereqError', ["Instance 'inst4.example.com' is marked to be up, can't change to offline without being down first", 'wrong_state']],
      ]);
    });

    it('remove_instance exports then removes the instance and its disks', async () => {
      const job = await runJob('PUT', '/2/instances/off1.example.com/export', { target_node: node2.name, remove_instance: true });
      expect([job.status, job.opresult]).toEqual(['success', [[true, [true]]]]);
      expect(await instance('off1.example.com')).toBeUndefined();
      expect(existsSync(join(node1.node_dir, 'file-storage', 'off1.example.com'))).toBe(false);
      expect(nodeDirTree(join(node2.node_dir, 'export', 'off1.example.com'))).toEqual({ 'config.ini': expect.any(Number), 'disk0.snap': 4 * MIB });
    });

    it('remote mode is refused clearly', async () => {
      const job = await runJob('PUT', '/2/instances/inst4.example.com/export', { target_node: node2.name, mode: 'remote' });
      expect(job.opresult).toEqual([['OpPrereqError', ['Remote (inter-cluster) exports are not supported by Corral', 'wrong_input']]]);
    });
  });

  describe('when the instance does not exist', () => {
    it.each([
      ['PUT', 'migrate', 'OP_INSTANCE_MIGRATE'],
      ['PUT', 'failover', 'OP_INSTANCE_FAILOVER'],
      ['PUT', 'activate-disks', 'OP_INSTANCE_ACTIVATE_DISKS'],
      ['POST', 'disk/0/grow', 'OP_INSTANCE_GROW_DISK'],
      ['PUT', 'deactivate-disks', 'OP_INSTANCE_DEACTIVATE_DISKS'],
      ['POST', 'recreate-disks', 'OP_INSTANCE_RECREATE_DISKS'],
      ['POST', 'replace-disks', 'OP_INSTANCE_REPLACE_DISKS'],
      ['PUT', 'rename', 'OP_INSTANCE_RENAME'],
      ['PUT', 'modify', 'OP_INSTANCE_SET_PARAMS'],
      ['PUT', 'prepare-export?mode=local', 'OP_BACKUP_PREPARE'],
      ['PUT', 'export', 'OP_BACKUP_EXPORT'],
    ] as const)('%s %s submits a job that fails with unknown_entity', async (method, suffix, opId) => {
      const bodies: Record<string, unknown> = {
        'disk/0/grow': { amount: 1 },
        'replace-disks': { mode: 'replace_auto' },
        rename: { new_name: 'x.example.com', name_check: false, ip_check: false },
        modify: { beparams: { vcpus: 2 } },
        export: { destination: 'node2.example.com' },
      };
      const job = await runJob(method, `/2/instances/doesnotexist/${suffix}`, bodies[suffix]);
      expect([job.status, job.ops[0]!.OP_ID, job.opresult]).toEqual(['error', opId, [['OpPrereqError', ["Instance 'doesnotexist' not known", 'unknown_entity']]]]);
    });

    it('reinstall submits its job and the first opcode fails with unknown_entity, the rest with it', async () => {
      const job = await runJob('POST', '/2/instances/doesnotexist/reinstall');
      expect(job.status).toBe('error');
      expect(job.opresult[0]).toEqual(['OpPrereqError', ["Instance 'doesnotexist' not known", 'unknown_entity']]);
      expect(job.ops.map((op) => op.OP_ID)).toEqual(['OP_INSTANCE_SHUTDOWN', 'OP_INSTANCE_REINSTALL', 'OP_INSTANCE_STARTUP']);
    });
  });
});
