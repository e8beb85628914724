import type { IallocatorAllocateSpec, IallocatorInput, IallocatorInstance, IallocatorIpolicy, IallocatorNode, IallocatorRequest } from '@corral/contracts';
import { BuiltinIallocator } from './builtin-iallocator';

const POLICY: IallocatorIpolicy = {
  minmax: [
    {
      min: { 'memory-size': 128, 'cpu-count': 1, 'disk-count': 0, 'disk-size': 512, 'nic-count': 0, 'spindle-use': 1 },
      max: { 'memory-size': 32768, 'cpu-count': 8, 'disk-count': 16, 'disk-size': 1048576, 'nic-count': 8, 'spindle-use': 12 },
    },
  ],
  std: { 'memory-size': 128, 'cpu-count': 1, 'disk-count': 1, 'disk-size': 1024, 'nic-count': 1, 'spindle-use': 1 },
  'disk-templates': ['file', 'drbd', 'plain', 'diskless'],
  'vcpu-ratio': 1,
  'spindle-ratio': 32,
};

function node(group: string, free: number, extra: Partial<IallocatorNode> = {}): IallocatorNode {
  return {
    tags: [], primary_ip: '192.0.2.1', secondary_ip: '192.0.2.1', offline: false, drained: false, master_candidate: true, group,
    master_capable: true, vm_capable: true, ndparams: {}, total_memory: 8192, reserved_memory: 0, free_memory: free,
    total_disk: 100000, free_disk: 100000, total_spindles: 1, free_spindles: 1, total_cpus: 4, reserved_cpus: 0,
    i_pri_memory: 0, i_pri_up_memory: 0, ...extra,
  };
}

function instance(nodes: string[], template: string, memory = 1024): IallocatorInstance {
  return {
    tags: [], admin_state: 'up', vcpus: 1, memory, spindle_use: 1, os: 'noop+default', nodes, disk_template: template, hypervisor: 'fake',
    disk_space_total: 1024, nics: [], disks: [{ size: 1024, mode: 'rw' }],
  };
}

const SPEC: IallocatorAllocateSpec = {
  name: 'new.example.com', disk_template: 'file', group_name: null, tags: [], os: 'noop+default', vcpus: 1, memory: 1024,
  spindle_use: 1, disks: [{ size: 1024, mode: 'rw' }], disk_space_total: 1024, nics: [], required_nodes: 1, hypervisor: 'fake',
};

/** Group A (preferred): n1 2 GiB free, n2 6 GiB free, n3 4 GiB free; group B (last_resort): b1; group C (unallocable): c1. */
function doc(request: IallocatorRequest, changes: { nodes?: Record<string, IallocatorNode>; instances?: Record<string, IallocatorInstance> } = {}): IallocatorInput {
  return {
    version: 2, cluster_name: 'c', cluster_tags: [], enabled_hypervisors: ['fake'], ipolicy: POLICY,
    nodegroups: {
      A: { name: 'group-a', alloc_policy: 'preferred', networks: [], ipolicy: POLICY, tags: [] },
      B: { name: 'group-b', alloc_policy: 'last_resort', networks: [], ipolicy: POLICY, tags: [] },
      C: { name: 'group-c', alloc_policy: 'unallocable', networks: [], ipolicy: POLICY, tags: [] },
    },
    nodes: { n1: node('A', 2048), n2: node('A', 6144), n3: node('A', 4096), b1: node('B', 8192), c1: node('C', 8192), ...changes.nodes },
    instances: changes.instances ?? {},
    request,
  };
}

const allocator = new BuiltinIallocator();

describe('BuiltinIallocator', () => {
  describe('when allocating a file instance', () => {
    it('picks the preferred group node with the most free memory', async () => {
      expect(await allocator.run(doc({ type: 'allocate', ...SPEC }))).toEqual({
        success: true, info: 'Request successful: allocated new.example.com on n2', result: ['n2'],
      });
    });

    it('skips drained nodes and keeps to restrict-to-nodes', async () => {
      const input = doc({ type: 'allocate', ...SPEC, 'restrict-to-nodes': ['n1', 'n2', 'n3'] }, { nodes: { n2: node('A', 6144, { drained: true }) } });
      expect((await allocator.run(input)).result).toEqual(['n3']);
    });

    it('skips nodes without enough vcpus', async () => {
      const input = doc({ type: 'allocate', ...SPEC, vcpus: 4 }, { nodes: { n2: node('A', 6144, { reserved_cpus: 1 }) } });
      expect((await allocator.run(input)).result).toEqual(['n3']);
    });

    it('falls back to a last_resort group, never to an unallocable one', async () => {
      expect((await allocator.run(doc({ type: 'allocate', ...SPEC, memory: 7000 }))).result).toEqual(['b1']);
      expect(await allocator.run(doc({ type: 'allocate', ...SPEC, memory: 8192 + 1 }))).toEqual({
        success: false,
        info:
          'Request failed: group group-a: not enough memory on n2 (6144 MiB free, 8193 needed); not enough memory on n3 (4096 MiB free, 8193 needed); ' +
          'not enough memory on n1 (2048 MiB free, 8193 needed) | group group-b: not enough memory on b1 (8192 MiB free, 8193 needed)',
        result: [],
      });
    });

    it('refuses an instance outside the instance policy', async () => {
      const answer = await allocator.run(doc({ type: 'allocate', ...SPEC, group_name: 'group-a', vcpus: 9 }));
      expect(answer).toEqual({ success: false, info: 'Request failed: group group-a: cpu-count value 9 is not in range [1, 8]', result: [] });
    });
  });

  describe('when allocating a mirrored (drbd) instance', () => {
    it('returns primary and secondary', async () => {
      expect((await allocator.run(doc({ type: 'allocate', ...SPEC, disk_template: 'drbd', required_nodes: 2 }))).result).toEqual(['n2', 'n3']);
    });

    it('keeps N+1: a secondary must be able to take over all it mirrors for that primary', async () => {
      // n3 already mirrors 3.5 GiB of n2's instances: one more GiB from n2 exceeds its 4 GiB free, so n1 becomes the secondary;
      // 2100 MiB fits on neither secondary of n2, so n3 becomes the primary with n2 as secondary.
      const instances = { old: instance(['n2', 'n3'], 'drbd', 3584) };
      const answer = await allocator.run(doc({ type: 'allocate', ...SPEC, disk_template: 'drbd', required_nodes: 2, memory: 1024 }, { instances }));
      expect(answer.result).toEqual(['n2', 'n1']);
      const big = await allocator.run(doc({ type: 'allocate', ...SPEC, disk_template: 'drbd', required_nodes: 2, memory: 2100, group_name: 'group-a' }, { instances }));
      expect(big.result).toEqual(['n3', 'n2']);
    });
  });

  describe('when allocating several instances', () => {
    it('accounts for the earlier placements', async () => {
      const spec = SPEC;
      const answer = await allocator.run(
        doc({ type: 'multi-allocate', instances: [{ ...spec, name: 'a', memory: 4096 }, { ...spec, name: 'b', memory: 4096 }, { ...spec, name: 'c', memory: 9000 }] }),
      );
      expect(answer).toEqual({ success: true, info: 'Request successful: 2 allocated, 1 failed', result: [[['a', ['n2']], ['b', ['n3']]], ['c']] });
    });
  });

  describe('when relocating and adding secondaries', () => {
    it('relocates a drbd secondary within the group', async () => {
      const instances = { d1: instance(['n2', 'n3'], 'drbd') };
      const answer = await allocator.run(doc({ type: 'relocate', name: 'd1', required_nodes: 1, disk_space_total: 1024, relocate_from: ['n3'] }, { instances }));
      expect(answer).toEqual({ success: true, info: 'Request successful: new secondary n1', result: ['n1'] });
    });

    it('relocates the primary of a shared-storage or file instance within its group, away from relocate_from', async () => {
      for (const template of ['sharedfile', 'diskless', 'file']) {
        const instances = { s1: instance(['n2'], template) };
        const answer = await allocator.run(doc({ type: 'relocate', name: 's1', required_nodes: 1, disk_space_total: 1024, relocate_from: ['n2'] }, { instances }));
        expect(answer).toEqual({ success: true, info: 'Request successful: new primary n3', result: ['n3'] });
      }
    });

    it('refuses to relocate a plain instance', async () => {
      const instances = { p1: instance(['n2'], 'plain') };
      const answer = await allocator.run(doc({ type: 'relocate', name: 'p1', required_nodes: 1, disk_space_total: 1024, relocate_from: ['n2'] }, { instances }));
      expect(answer).toEqual({ success: false, info: 'Request failed: instances of type plain cannot be relocated', result: [] });
    });

    it('finds a secondary for a plain instance', async () => {
      const instances = { p1: instance(['n2'], 'plain') };
      expect((await allocator.run(doc({ type: 'allocate-secondary', name: 'p1' }, { instances }))).result).toBe('n3');
    });
  });

  describe('when evacuating a node', () => {
    const instances = { d1: instance(['n2', 'n3'], 'drbd'), f1: instance(['n2'], 'file'), x1: instance(['n2'], 'diskless') };

    it('moves secondaries, migrates shared-storage instances and reports file ones', async () => {
      const answer = await allocator.run(doc({ type: 'node-evacuate', instances: ['d1', 'f1', 'x1'], evac_mode: 'all' }, { instances }));
      expect(answer).toEqual({
        success: true,
        info: 'Request successful: 1 instances failed to move and 2 were moved successfully',
        result: [
          [
            ['d1', 'group-a', ['n1', 'n3']],
            ['x1', 'group-a', ['n3']],
          ],
          [['f1', 'Instances of type file cannot be relocated']],
          [
            [
              { OP_ID: 'OP_INSTANCE_REPLACE_DISKS', instance_name: 'd1', mode: 'replace_new_secondary', remote_node: 'n1', disks: [] },
              { OP_ID: 'OP_INSTANCE_FAILOVER', instance_name: 'd1', target_node: null },
            ],
            [{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: 'x1', target_node: 'n3', allow_failover: true }],
          ],
        ],
      });
    });

    it('fails over drbd primaries to their secondary in primary-only mode', async () => {
      const answer = await allocator.run(doc({ type: 'node-evacuate', instances: ['d1'], evac_mode: 'primary-only' }, { instances }));
      expect(answer.result).toEqual([[['d1', 'group-a', ['n3', 'n2']]], [], [[{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: 'd1', target_node: null }]]]);
    });
  });

  describe('when changing group', () => {
    it('moves a diskless instance to the target group', async () => {
      const instances = { x1: instance(['n2'], 'diskless') };
      const answer = await allocator.run(doc({ type: 'change-group', instances: ['x1'], target_groups: ['B'] }, { instances }));
      expect(answer.result).toEqual([[['x1', 'group-b', ['b1']]], [], [[{ OP_ID: 'OP_INSTANCE_MIGRATE', instance_name: 'x1', target_node: 'b1', allow_failover: true }]]]);
    });

    it('reports when no target group can take it', async () => {
      const instances = { x1: instance(['n2'], 'diskless') };
      const answer = await allocator.run(doc({ type: 'change-group', instances: ['x1'], target_groups: ['C'] }, { instances }));
      expect(answer.result).toEqual([[], [['x1', 'no target group']], []]);
    });
  });
});
