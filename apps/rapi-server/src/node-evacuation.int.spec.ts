import { ContainerModule } from 'inversify';
import type { Instance } from '@corral/model';
import { OpcodeDefinitions, type OpcodeDefinition } from '@corral/opcodes';
import { ConfigStore } from '@corral/store';
import { addLocalTestNode } from './testing/add-local-node';
import { MemoryLogger, startTestServer, type TestServer } from './testing/start-test-server';
import { rapiTestClient, type RapiTestClient } from './testing/rapi-test-client';

/**
 * Node evacuation and migration submit per-instance jobs with the instance
 * opcodes' OP_IDs. Those opcodes belong to the instance resources; here
 * stand-ins that accept their parameters and do nothing replace them, so
 * what is tested is exactly which jobs the node opcodes submit.
 */
const standIn = (id: string, names: string[]): OpcodeDefinition => ({
  id,
  touchesNodes: false,
  summaryField: 'instance_name',
  params: [{ name: 'instance_name', check: (v) => typeof v === 'string' }, ...names.map((name) => ({ name, check: () => true, default: null }))],
  locks: () => [],
  checkPrereq: () => undefined,
  exec: async () => ({ result: null }),
});
const standIns = new ContainerModule(({ bind }) => {
  bind<OpcodeDefinition>(OpcodeDefinitions).toConstantValue(
    standIn('OP_INSTANCE_MIGRATE', ['mode', 'target_node', 'iallocator', 'allow_failover', 'allow_runtime_changes', 'ignore_ipolicy']),
  );
  bind<OpcodeDefinition>(OpcodeDefinitions).toConstantValue(standIn('OP_INSTANCE_REPLACE_DISKS', ['mode', 'disks', 'remote_node', 'iallocator', 'early_release']));
});

const N2 = 'node2.example.com';
const N3 = 'node3.example.com';

describe('node evacuate and migrate with instances', () => {
  let server: TestServer;
  let rapi: RapiTestClient;

  const opsOf = async (id: number): Promise<Record<string, unknown>[]> =>
    ((await rapi.settled(id)).ops as Record<string, unknown>[]).map((o) => {
      const { reason: _reason, dry_run: _d, debug_level: _l, priority: _p, depends: _dep, comment: _c, ...rest } = o;
      return rest;
    });

  beforeAll(async () => {
    server = await startTestServer({}, new MemoryLogger(), [standIns]);
    rapi = rapiTestClient(server);
    const n2 = await addLocalTestNode(server, N2);
    const n3 = await addLocalTestNode(server, N3);
    const now = Date.now() / 1000;
    const instance = (name: string, template: string, primary: string, secondaries: string[]): Instance =>
      ({
        uuid: `${name}-uuid`, serial_no: 1, ctime: now, mtime: now, tags: [], name, primary_node: primary, secondary_nodes: secondaries,
        os: 'noop+default', hypervisor: 'fake', disk_template: template, disks: [], nics: [], beparams: {}, hvparams: {}, osparams: {},
        osparams_private: {}, admin_state: 'down', admin_state_source: 'admin', network_port: null, oper_state: false, oper_ram: null, oper_vcpus: null,
      }) as Instance;
    await server.container.get<ConfigStore>(ConfigStore).commit({
      put: [
        { kind: 'instance', object: instance('inst1.example.com', 'drbd', n2.uuid, [n3.uuid]) },
        { kind: 'instance', object: instance('inst2.example.com', 'diskless', n2.uuid, []) },
        { kind: 'instance', object: instance('inst3.example.com', 'file', n2.uuid, []) },
        { kind: 'instance', object: instance('inst4.example.com', 'drbd', n3.uuid, [n2.uuid]) },
      ],
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  describe('when a node is evacuated through the iallocator', () => {
    it('submits one job per movable instance: non-DRBD primaries go to the first other usable node of the group', async () => {
      const master = (await server.container.get<ConfigStore>(ConfigStore).snapshot()).list('node').find((n) => n.name !== N2 && n.name !== N3)!.name;
      const target = [master, N3].sort()[0];
      const job = await rapi.job('POST', `/2/nodes/${N2}/evacuate`, { mode: 'all', early_release: true });
      const [result] = job.opresult as { jobs: [boolean, number][] }[];
      expect(result!.jobs.map(([ok]) => ok)).toEqual([true, true, true, true]);
      const ops = await Promise.all(result!.jobs.map(([, id]) => opsOf(id)));
      expect(ops).toEqual([
        [{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: 'inst1.example.com', mode: null, target_node: null, iallocator: null, allow_failover: true, allow_runtime_changes: null, ignore_ipolicy: null }],
        [{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: 'inst2.example.com', mode: null, target_node: target, iallocator: null, allow_failover: true, allow_runtime_changes: null, ignore_ipolicy: null }],
        [{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: 'inst3.example.com', mode: null, target_node: target, iallocator: null, allow_failover: true, allow_runtime_changes: null, ignore_ipolicy: null }],
        [{ OP_ID: 'OP_INSTANCE_REPLACE_DISKS', instance_name: 'inst4.example.com', mode: 'replace_new_secondary', disks: [], remote_node: null, iallocator: 'builtin', early_release: true }],
      ]);
    });

    it('evacuates only secondaries to a given remote node', async () => {
      const job = await rapi.job('POST', `/2/nodes/${N2}/evacuate`, { mode: 'secondary-only', remote_node: 'node3.example.com' });
      const [result] = job.opresult as { jobs: [boolean, number][] }[];
      expect(await opsOf(result!.jobs[0]![1])).toEqual([
        { OP_ID: 'OP_INSTANCE_REPLACE_DISKS', instance_name: 'inst4.example.com', mode: 'replace_new_secondary', disks: [], remote_node: N3, iallocator: null, early_release: false },
      ]);
      expect(result!.jobs.length).toBe(1);
    });
  });

  describe('when a node is migrated', () => {
    it('submits one OP_INSTANCE_MIGRATE job per primary instance with the options given', async () => {
      const job = await rapi.job('POST', `/2/nodes/${N2}/migrate`, { mode: 'non-live', target_node: N3 });
      const [result] = job.opresult as { jobs: [boolean, number][] }[];
      const ops = await Promise.all(result!.jobs.map(([, id]) => opsOf(id)));
      expect(ops.map((o) => [o[0]!.instance_name, o[0]!.mode, o[0]!.target_node])).toEqual([
        ['inst1.example.com', 'non-live', N3],
        ['inst2.example.com', 'non-live', N3],
        ['inst3.example.com', 'non-live', N3],
      ]);
    });
  });
});
