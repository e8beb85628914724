import type { InstanceRuntimeInfo, NodeRunner } from '@corral/contracts';
import type { Node } from '@corral/model';

/** What one node's hypervisors said: `answered` false when it was offline or failed to answer. */
export interface NodeObservation {
  readonly answered: boolean;
  /** Running instances by name. */
  readonly instances: ReadonlyMap<string, InstanceRuntimeInfo>;
}

/** Observations by node uuid. */
export type NodeObservations = ReadonlyMap<string, NodeObservation>;

const SILENT: NodeObservation = { answered: false, instances: new Map() };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('node did not answer in time')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Asks every given node ONCE per hypervisor for all its running instances
 * (Ganeti's all_instances_info), in parallel. A node that is offline, fails
 * or does not answer in time is recorded as silent, never an error.
 */
export async function observeNodes(runner: NodeRunner, nodes: readonly Node[], hypervisors: readonly string[], timeoutMs = 5000): Promise<Map<string, NodeObservation>> {
  const result = new Map<string, NodeObservation>();
  await Promise.all(
    nodes.map(async (node) => {
      if (node.offline) {
        result.set(node.uuid, SILENT);
        return;
      }
      try {
        const services = runner.on(node);
        const lists = await withTimeout(Promise.all(hypervisors.map((hv) => services.hypervisor(hv).getAllInstancesInfo())), timeoutMs);
        const instances = new Map<string, InstanceRuntimeInfo>();
        for (const info of lists.flat()) instances.set(info.name, info);
        result.set(node.uuid, { answered: true, instances });
      } catch {
        result.set(node.uuid, SILENT);
      }
    }),
  );
  return result;
}
