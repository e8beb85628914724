import { join } from 'node:path';
import { NodeRunner, type HypervisorInstanceSpec, type NodeLocation } from '@corral/contracts';
import { ConfigStore } from '@corral/store';
import { startTestServer, type TestServer } from './testing/start-test-server';
import { EMPTY_NODE_DIR, nodeDirTree } from './testing/node-dir-tree';

describe('local nodes of a one-machine cluster, through the node runner', () => {
  let server: TestServer;
  let master: NodeLocation;
  let second: NodeLocation;
  let runner: NodeRunner;
  const spec: HypervisorInstanceSpec = { name: 'inst1.example.com', memory: 128, minMemory: 128, vcpus: 2, hvparams: { migration_mode: 'live' }, disks: [], nics: [] };

  beforeAll(async () => {
    server = await startTestServer();
    master = (await server.container.get<ConfigStore>(ConfigStore).snapshot()).list('node')[0];
    second = { name: 'node2.example.com', node_dir: join(server.dataDir, 'nodes', 'node2.example.com') };
    runner = server.container.get<NodeRunner>(NodeRunner);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('starts with the embedded node layout: run/fake-hypervisor and file-storage, both empty', () => {
    expect(nodeDirTree(master.node_dir)).toEqual(EMPTY_NODE_DIR);
  });

  it('creates a disk and starts an instance in the master node directory only', async () => {
    const path = await runner.on(master).storage('file').createDisk({ name: 'inst1.example.com/disk0' }, 64);
    await runner.on(master).hypervisor('fake').startInstance({ ...spec, disks: [{ path, mode: 'rw' }] });
    expect(nodeDirTree(master.node_dir)).toEqual({
      ...EMPTY_NODE_DIR,
      'file-storage/inst1.example.com/': '',
      'file-storage/inst1.example.com/disk0': 64 * 1048576,
      'run/fake-hypervisor/inst1.example.com': '0\n128\n2\n',
    });
    expect(nodeDirTree(second.node_dir)).toEqual({});
  });

  it('migrates the running instance to the second node: the state file moves', async () => {
    const source = runner.on(master).hypervisor('fake');
    const target = runner.on(second).hypervisor('fake');
    const info = await source.migrationInfo(spec);
    await target.acceptInstance(spec, info, second.name);
    await source.migrateInstance('corral.local', spec, second, true);
    await target.finalizeMigrationDst(spec, info, true);
    await source.finalizeMigrationSource(spec, true, true);
    expect(nodeDirTree(master.node_dir)).toEqual({ ...EMPTY_NODE_DIR, 'file-storage/inst1.example.com/': '', 'file-storage/inst1.example.com/disk0': 64 * 1048576 });
    expect(nodeDirTree(second.node_dir)).toEqual({ 'run/': '', 'run/fake-hypervisor/': '', 'run/fake-hypervisor/inst1.example.com': '0\n128\n2\n' });
    expect([await source.listInstances(), await target.listInstances()]).toEqual([[], ['inst1.example.com']]);
  });

  it('stops the instance and removes its disk, leaving both nodes empty', async () => {
    await runner.on(second).hypervisor('fake').stopInstance('inst1.example.com');
    await runner.on(master).storage('file').removeDisk({ name: 'inst1.example.com/disk0' });
    expect(nodeDirTree(master.node_dir)).toEqual(EMPTY_NODE_DIR);
    expect(nodeDirTree(second.node_dir)).toEqual({ 'run/': '', 'run/fake-hypervisor/': '' });
  });

  it('finds the built-in noop+default OS on every node', async () => {
    expect((await runner.on(second).os('noop+default')).info.name).toBe('noop');
  });
});
