import { performance } from 'node:perf_hooks';
import type { InstanceRuntimeInfo } from '@corral/contracts';
import { createCluster, type Instance, type Node } from '@corral/model';
import { SILENT_NODE, type NodeObservation } from '@corral/opcodes';
import { instanceBulkRows } from '@corral/rapi';
import { ConfigSnapshot } from '@corral/store';
import type { BenchRow } from './bench-row';

/**
 * The pure bulk projection alone (config + per-node observations -> rows):
 * 10,000 instances on 200 nodes, no I/O. Shows the cost of the listing
 * itself apart from the TLS, JSON encoding and node calls.
 */
export function runBulkProjectionBench(options: { quick?: boolean } = {}): BenchRow[] {
  const nodeCount = 200;
  const count = 10_000;
  const cluster = createCluster({
    name: 'bench.example.com', masterNode: 'node000', uuid: 'c', now: 1, enabledHypervisors: ['fake'], enabledDiskTemplates: ['diskless'],
    fileStorageDir: '/f', sharedFileStorageDir: '/s', volumeGroupName: null, masterNetdev: 'eth0', defaultIallocator: 'builtin',
  });
  const nodes: Node[] = Array.from({ length: nodeCount }, (_, i) => ({
    uuid: `n${i}`, serial_no: 1, ctime: 1, mtime: 1, tags: [], name: `node${String(i).padStart(3, '0')}`, primary_ip: '192.0.2.1', secondary_ip: '192.0.2.1',
    master_candidate: true, offline: false, drained: false, master_capable: true, vm_capable: true, group: 'g', ndparams: {}, powered: true, node_dir: '/n',
  }));
  const instances: Instance[] = Array.from({ length: count }, (_, i) => ({
    uuid: `i${i}`, serial_no: 1, ctime: 1, mtime: 1, tags: [], name: `inst${String(i).padStart(5, '0')}`, primary_node: `n${i % nodeCount}`, secondary_nodes: [],
    os: 'noop+default', hypervisor: 'fake', disk_template: 'diskless', disks: [],
    nics: [{ uuid: `nic${i}`, name: null, mac: 'aa:00:00:00:00:00', ip: null, network: null, nicparams: {} }],
    beparams: {}, hvparams: {}, osparams: {}, osparams_private: {}, admin_state: 'up', admin_state_source: 'admin', network_port: null, oper_state: false, oper_ram: null, oper_vcpus: null,
  }));
  const snapshot = new ConfigSnapshot([
    { kind: 'cluster', object: cluster },
    ...nodes.map((object) => ({ kind: 'node' as const, object })),
    ...instances.map((object) => ({ kind: 'instance' as const, object })),
  ]);
  const observations = new Map<string, NodeObservation>(
    nodes.map((n) => [n.uuid, { ...SILENT_NODE, answered: true, instances: new Map<string, InstanceRuntimeInfo>() }]),
  );
  for (const i of instances) (observations.get(i.primary_node)!.instances as Map<string, InstanceRuntimeInfo>).set(i.name, { name: i.name, id: 0, memory: 128, vcpus: 1, state: 'running', times: 0 });
  const runs = options.quick ? 3 : 20;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const rows = instanceBulkRows(snapshot, observations);
    times.push(performance.now() - start);
    if (rows.length !== count) throw new Error(`projection gave ${rows.length} rows`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return [{ benchmark: 'instance bulk projection, pure (10,000 instances, 200 nodes)', target: 'corral', p50: at(0.5), p90: at(0.9), p99: at(0.99), note: `${runs} runs, no I/O` }];
}
