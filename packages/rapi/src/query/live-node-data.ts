import type { HypervisorNodeInfo, InstanceRuntimeInfo, NodeRunner, StorageUnit } from '@corral/contracts';
import type { Cluster, Node } from '@corral/model';

/** What one node said when asked once for a query; `failed` when it did not answer. */
export interface LiveNodeData {
  readonly offline: boolean;
  readonly failed: boolean;
  readonly info: HypervisorNodeInfo | null;
  readonly storage: StorageUnit | null;
  /** Instances running on the node, by name. */
  readonly instances: ReadonlyMap<string, InstanceRuntimeInfo>;
}

/**
 * Asks every node once (in parallel) for its hypervisor figures, its file
 * storage and its running instances, through the node runner. Offline nodes
 * are not asked; a node whose plugins fail is marked `failed`.
 */
export async function gatherLiveNodeData(runner: NodeRunner | undefined, cluster: Cluster, nodes: readonly Node[]): Promise<Map<string, LiveNodeData>> {
  const result = new Map<string, LiveNodeData>();
  await Promise.all(
    nodes.map(async (node) => {
      if (node.offline || !runner) {
        result.set(node.uuid, { offline: node.offline, failed: !node.offline, info: null, storage: null, instances: new Map() });
        return;
      }
      try {
        const services = runner.on(node);
        const instances = new Map<string, InstanceRuntimeInfo>();
        let info: HypervisorNodeInfo | null = null;
        for (const name of cluster.enabled_hypervisors) {
          const hv = services.hypervisor(name);
          if (name === cluster.default_hypervisor) info = await hv.getNodeInfo();
          for (const i of await hv.getAllInstancesInfo()) instances.set(i.name, i);
        }
        const storage = await services
          .storage('file')
          .listUnits()
          .then((units) => units[0] ?? null)
          .catch(() => null);
        result.set(node.uuid, { offline: false, failed: false, info, storage, instances });
      } catch {
        result.set(node.uuid, { offline: false, failed: true, info: null, storage: null, instances: new Map() });
      }
    }),
  );
  return result;
}
