import type { NodeRunner } from '@corral/contracts';
import type { Node } from '@corral/model';

/** A node's dynamic figures for the allocator (MiB, CPU counts), from its hypervisor and storage. */
export interface NodeFigures {
  readonly total_memory: number;
  readonly reserved_memory: number;
  readonly free_memory: number;
  readonly total_disk: number;
  readonly free_disk: number;
  readonly total_cpus: number;
  readonly reserved_cpus: number;
}

/**
 * Asks each usable node (online, not drained, vm_capable) once for its
 * hypervisor figures and the free space of `storageType` (when given); a
 * node that fails is left out, so the allocator sees it without dynamic data.
 */
export async function gatherNodeFigures(runner: NodeRunner, nodes: readonly Node[], hypervisor: string, storageType: string | null): Promise<Map<string, NodeFigures>> {
  const figures = new Map<string, NodeFigures>();
  await Promise.all(
    nodes
      .filter((n) => !n.offline && !n.drained && n.vm_capable)
      .map(async (node) => {
        try {
          const services = runner.on(node);
          const info = await services.hypervisor(hypervisor).getNodeInfo();
          let totalDisk = 0;
          let freeDisk = 0;
          if (storageType !== null) {
            for (const unit of await services.storage(storageType).listUnits()) {
              totalDisk += unit.size;
              freeDisk += unit.free;
            }
          }
          figures.set(node.name, {
            total_memory: info.memory_total,
            reserved_memory: info.memory_dom0,
            free_memory: info.memory_free,
            total_disk: totalDisk,
            free_disk: freeDisk,
            total_cpus: info.cpu_total,
            reserved_cpus: info.cpu_dom0,
          });
        } catch {
          // Left without dynamic figures: the allocator will not place on it.
        }
      }),
  );
  return figures;
}
