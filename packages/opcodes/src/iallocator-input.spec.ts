import { buildIallocatorInput } from './iallocator-input';
import type { NodeFigures } from './node-figures';
import { fixtureInstance, fixtureNode, fixtureSnapshot } from './testing/instance-fixtures';

const FIGURES: NodeFigures = { total_memory: 4096, reserved_memory: 512, free_memory: 3500, total_disk: 10000, free_disk: 8000, total_cpus: 4, reserved_cpus: 1 };

describe('buildIallocatorInput', () => {
  const snapshot = fixtureSnapshot([fixtureNode('node1'), fixtureNode('node2', { drained: true })], [fixtureInstance('inst1', 'node1')]);
  const request = { type: 'change-group', instances: ['inst1'], target_groups: [] } as const;
  const input = buildIallocatorInput(snapshot, new Map([['node1', FIGURES], ['node2', FIGURES]]), request);

  describe('when built from a snapshot and node figures', () => {
    it('has the protocol-v2 top-level keys in order', () => {
      expect(Object.keys(input)).toEqual(['version', 'cluster_name', 'cluster_tags', 'enabled_hypervisors', 'ipolicy', 'nodegroups', 'nodes', 'instances', 'request']);
      expect([input.version, input.cluster_name, input.enabled_hypervisors, input.request]).toEqual([2, 'cluster.example.com', ['fake'], request]);
    });

    it('gives usable nodes dynamic figures, memory reserved for running instances subtracted', () => {
      expect(input.nodes.node1).toMatchObject({ total_memory: 4096, reserved_memory: 512, free_memory: 3328, free_disk: 8000, total_cpus: 4, reserved_cpus: 1, i_pri_memory: 256, i_pri_up_memory: 256 });
    });

    it('leaves drained nodes with static fields only', () => {
      expect(Object.keys(input.nodes.node2!)).toEqual(['tags', 'primary_ip', 'secondary_ip', 'offline', 'drained', 'master_candidate', 'group', 'master_capable', 'vm_capable', 'ndparams']);
    });

    it('describes instances with effective memory, nodes by name and NICs with bridge', () => {
      expect(input.instances.inst1).toEqual({
        tags: [], admin_state: 'up', vcpus: 1, memory: 256, spindle_use: 1, os: 'noop+default', nodes: ['node1'], disk_template: 'diskless',
        disks_active: true, hypervisor: 'fake', disk_space_total: 0,
        nics: [{ mac: 'aa:00:00:00:00:01', ip: null, mode: 'bridged', link: 'xen-br0', bridge: 'xen-br0' }], disks: [],
      });
      expect(input.nodegroups.g1).toMatchObject({ name: 'default', alloc_policy: 'preferred', networks: [], tags: [] });
    });
  });
});
