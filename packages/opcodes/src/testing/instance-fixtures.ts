import { createCluster, type Instance, type Node, type NodeGroup } from '@corral/model';
import { ConfigSnapshot } from '@corral/store';

/** A node of the test fixtures, in group `g1`. */
export function fixtureNode(name: string, extra: Partial<Node> = {}): Node {
  return {
    uuid: `uuid-${name}`, serial_no: 1, ctime: 1, mtime: 1, tags: [], name, primary_ip: '192.0.2.1', secondary_ip: '192.0.2.1',
    master_candidate: true, offline: false, drained: false, master_capable: true, vm_capable: true, group: 'g1', ndparams: {}, powered: true,
    node_dir: `/nodes/${name}`, ...extra,
  };
}

/** A diskless fake instance with one bridged NIC. */
export function fixtureInstance(name: string, node: string, extra: Partial<Instance> = {}): Instance {
  return {
    uuid: `uuid-${name}`, serial_no: 2, ctime: 10.5, mtime: 11.5, tags: [], name, primary_node: `uuid-${node}`, secondary_nodes: [],
    os: 'noop+default', hypervisor: 'fake', disk_template: 'diskless', disks: [],
    nics: [{ uuid: `nic-${name}`, name: null, mac: 'aa:00:00:00:00:01', ip: null, network: null, nicparams: {} }],
    beparams: { maxmem: 256, minmem: 256 }, hvparams: {}, osparams: {}, osparams_private: {}, admin_state: 'up', admin_state_source: 'admin',
    network_port: null, oper_state: false, oper_ram: null, oper_vcpus: null, ...extra,
  };
}

/** A configuration of one cluster (fake hypervisor, default iallocator builtin), group `g1` and the given objects. */
export function fixtureSnapshot(nodes: readonly Node[], instances: readonly Instance[] = []): ConfigSnapshot {
  const cluster = createCluster({
    name: 'cluster.example.com', masterNode: nodes[0]!.name, uuid: 'cluster-uuid', now: 1, enabledHypervisors: ['fake'],
    enabledDiskTemplates: ['file', 'diskless'], fileStorageDir: '/srv/ganeti/file-storage', sharedFileStorageDir: '/srv/ganeti/shared-file-storage',
    volumeGroupName: null, masterNetdev: 'eth0', defaultIallocator: 'builtin',
  });
  const group: NodeGroup = { uuid: 'g1', serial_no: 1, ctime: 1, mtime: 1, tags: [], name: 'default', alloc_policy: 'preferred', ndparams: {}, diskparams: {}, ipolicy: {}, networks: {} };
  return new ConfigSnapshot([
    { kind: 'cluster', object: cluster },
    { kind: 'nodegroup', object: group },
    ...nodes.map((object) => ({ kind: 'node' as const, object })),
    ...instances.map((object) => ({ kind: 'instance' as const, object })),
  ]);
}
