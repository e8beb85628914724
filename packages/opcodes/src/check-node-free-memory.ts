import { GanetiError, type Node } from '@corral/model';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';

/**
 * Ganeti's CheckNodeFreeMemory: the node's hypervisor must report at least
 * `needed` MiB free (insufficient_resources otherwise); a node that cannot
 * answer is environment_error.
 */
export async function checkNodeFreeMemory(deps: InstanceOpcodeDeps, node: Node, hypervisor: string, needed: number, reason: string): Promise<void> {
  let free: number;
  try {
    free = (await deps.runner.on(node).hypervisor(hypervisor).getNodeInfo()).memory_free;
  } catch (error) {
    throw GanetiError.prereq(`Can't compute free memory on node ${node.name}: ${error instanceof Error ? error.message : String(error)}`, 'environment_error');
  }
  if (needed > free) {
    throw GanetiError.prereq(`Not enough memory on node ${node.name} for ${reason}: needed ${needed} MiB, available ${free} MiB`, 'insufficient_resources');
  }
}
