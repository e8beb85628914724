import type { IallocatorInput } from '@corral/contracts';

/** What a node can still take, in MiB, vcpus and spindles; changed as the allocator places instances. */
export interface NodeCapacity {
  readonly name: string;
  readonly group: string;
  freeMemory: number;
  freeDisk: number;
  freeVcpus: number;
  freeSpindles: number;
  /** Memory the node must keep to take over each primary's mirrored instances (N+1), by primary node. */
  readonly failoverMemory: Map<string, number>;
}

/** The instance figures the capacity checks need. */
export interface PlacementNeed {
  readonly memory: number;
  readonly vcpus: number;
  readonly disk: number;
  readonly spindles: number;
}

/**
 * Capacity of every node that may receive instances (online, not drained,
 * vm_capable, dynamic figures present), from the protocol document.
 */
export function nodeCapacities(input: IallocatorInput): Map<string, NodeCapacity> {
  const result = new Map<string, NodeCapacity>();
  for (const [name, node] of Object.entries(input.nodes)) {
    if (node.offline || node.drained || !node.vm_capable || node.free_memory === undefined) continue;
    const group = input.nodegroups[node.group];
    const ipolicy = group?.ipolicy ?? input.ipolicy;
    result.set(name, {
      name,
      group: node.group,
      freeMemory: node.free_memory,
      freeDisk: node.free_disk ?? 0,
      // As htools: the node's reserved CPUs count as used vcpus against total_cpus * vcpu-ratio.
      freeVcpus: Math.floor((node.total_cpus ?? 0) * (ipolicy['vcpu-ratio'] ?? 1) - (node.reserved_cpus ?? 0)),
      freeSpindles: Math.floor((node.total_spindles ?? 0) * (ipolicy['spindle-ratio'] ?? 1)),
      failoverMemory: new Map(),
    });
  }
  for (const instance of Object.values(input.instances)) {
    const [primary, secondary] = instance.nodes;
    const p = result.get(primary);
    if (p) {
      p.freeVcpus -= instance.vcpus;
      p.freeSpindles -= instance.spindle_use;
    }
    const s = secondary === undefined ? undefined : result.get(secondary);
    if (s && instance.admin_state === 'up') s.failoverMemory.set(primary, (s.failoverMemory.get(primary) ?? 0) + instance.memory);
  }
  return result;
}

/** Why `node` cannot be the primary for `need`, or null when it can. */
export function primaryProblem(node: NodeCapacity, need: PlacementNeed): string | null {
  if (node.freeMemory < need.memory) return `not enough memory on ${node.name} (${node.freeMemory} MiB free, ${need.memory} needed)`;
  if (node.freeDisk < need.disk) return `not enough disk on ${node.name} (${node.freeDisk} MiB free, ${need.disk} needed)`;
  if (node.freeVcpus < need.vcpus) return `not enough vcpus on ${node.name} (${node.freeVcpus} free, ${need.vcpus} needed)`;
  if (node.freeSpindles < need.spindles) return `not enough spindles on ${node.name} (${node.freeSpindles} free, ${need.spindles} needed)`;
  return null;
}

/** Why `node` cannot be the secondary (N+1: it must be able to run everything `primary` mirrors on it). */
export function secondaryProblem(node: NodeCapacity, primary: string, need: PlacementNeed): string | null {
  if (node.freeDisk < need.disk) return `not enough disk on ${node.name} (${node.freeDisk} MiB free, ${need.disk} needed)`;
  const failover = (node.failoverMemory.get(primary) ?? 0) + need.memory;
  if (node.freeMemory < failover) return `N+1 failure on ${node.name}: ${failover} MiB needed to fail over from ${primary}, ${node.freeMemory} free`;
  return null;
}

/** Records a placement so that later requests (multi-allocate) see it. */
export function place(nodes: Map<string, NodeCapacity>, primary: string, secondary: string | undefined, need: PlacementNeed): void {
  const p = nodes.get(primary)!;
  p.freeMemory -= need.memory;
  p.freeDisk -= need.disk;
  p.freeVcpus -= need.vcpus;
  p.freeSpindles -= need.spindles;
  if (secondary !== undefined) {
    const s = nodes.get(secondary)!;
    s.freeDisk -= need.disk;
    s.failoverMemory.set(primary, (s.failoverMemory.get(primary) ?? 0) + need.memory);
  }
}

/** Higher is better: the share of memory, then disk, left on the primary after placing. */
export function placementScore(node: NodeCapacity, need: PlacementNeed): number {
  return (node.freeMemory - need.memory) * 1_000_000 + (node.freeDisk - need.disk);
}
