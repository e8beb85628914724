import type { HypervisorNodeInfo, InstanceRuntimeInfo, NodeRunner } from '@corral/contracts';
import { diskTemplateStorageType, type Cluster, type Node } from '@corral/model';

/** A node's disk space (MiB) in the storage of the cluster's first enabled disk template. */
export interface NodeDiskSpace {
  readonly total: number;
  readonly free: number;
}

/**
 * What one node said when asked once for a request. `answered` is false
 * when it is offline, failed to list its instances or did not answer in
 * time; `hypervisor` and `disk` are null where that part could not be had.
 */
export interface NodeObservation {
  readonly answered: boolean;
  /** Running instances by name (asked with `instances`). */
  readonly instances: ReadonlyMap<string, InstanceRuntimeInfo>;
  /** The default hypervisor's memory and CPU figures (asked with `figures`). */
  readonly hypervisor: HypervisorNodeInfo | null;
  /** Disk space (asked with `figures`). */
  readonly disk: NodeDiskSpace | null;
}

/** Observations by node uuid. */
export type NodeObservations = ReadonlyMap<string, NodeObservation>;

/** What to ask each node: its running instances (every enabled hypervisor), its figures (memory, CPUs, disk). */
export interface ObserveWhat {
  readonly instances?: boolean;
  readonly figures?: boolean;
}

const NO_INSTANCES: ReadonlyMap<string, InstanceRuntimeInfo> = new Map();

/** A node that said nothing (offline, failed or too slow). */
export const SILENT_NODE: NodeObservation = Object.freeze({ answered: false, instances: NO_INSTANCES, hypervisor: null, disk: null });

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('node did not answer in time')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function diskSpace(runner: NodeRunner, cluster: Cluster, node: Node): Promise<NodeDiskSpace | null> {
  const type = cluster.enabled_disk_templates.map(diskTemplateStorageType).find((t) => t !== null);
  if (!type) return null;
  try {
    let units = await runner.on(node).storage(type).listUnits();
    if (type === 'lvm-vg' && cluster.volume_group_name) units = units.filter((u) => u.name === cluster.volume_group_name);
    if (units.length === 0) return null;
    return { total: units.reduce((s, u) => s + u.size, 0), free: units.reduce((s, u) => s + u.free, 0) };
  } catch {
    return null;
  }
}

async function observeOne(runner: NodeRunner, cluster: Cluster, node: Node, what: ObserveWhat): Promise<NodeObservation> {
  const services = runner.on(node);
  const [instances, hypervisor, disk] = await Promise.all([
    what.instances
      ? Promise.all(cluster.enabled_hypervisors.map((hv) => services.hypervisor(hv).getAllInstancesInfo())).then(
          (lists) => new Map(lists.flat().map((info) => [info.name, info] as const)),
          () => null,
        )
      : NO_INSTANCES,
    what.figures ? services.hypervisor(cluster.default_hypervisor).getNodeInfo(cluster.hvparams[cluster.default_hypervisor]).catch(() => null) : null,
    what.figures ? diskSpace(runner, cluster, node) : null,
  ]);
  return { answered: instances !== null, instances: instances ?? NO_INSTANCES, hypervisor, disk };
}

/**
 * THE way to ask nodes for live data: every given node ONCE, in parallel,
 * through the node runner (Ganeti's all_instances_info and node info). A
 * node that is offline, fails or does not answer within `timeoutMs` is
 * recorded as silent (or with the parts it could not give as null), never
 * an error: listings show nulls, ERROR_nodedown or ERROR_nodeoffline.
 */
export async function observeNodes(
  runner: NodeRunner | undefined,
  cluster: Cluster,
  nodes: readonly Node[],
  what: ObserveWhat,
  timeoutMs = 5000,
): Promise<Map<string, NodeObservation>> {
  const result = new Map<string, NodeObservation>();
  await Promise.all(
    nodes.map(async (node) => {
      if (node.offline || !runner) {
        result.set(node.uuid, SILENT_NODE);
        return;
      }
      try {
        result.set(node.uuid, await withTimeout(observeOne(runner, cluster, node, what), timeoutMs));
      } catch {
        result.set(node.uuid, SILENT_NODE);
      }
    }),
  );
  return result;
}
