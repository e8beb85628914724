import { PluginError, type PluginRegistry } from '@corral/contracts';
import { GanetiError, type Instance, type Node } from '@corral/model';
import { diskTemplateStorage } from './disk-template-storage';
import { buildIallocatorInput } from './iallocator-input';
import { lookupNode } from './lookup-instance';
import { gatherNodeFigures } from './node-figures';
import { nodeRunnerOf } from './node-runner-of';
import type { OpContext } from './op-context';
import type { OpInput } from './opcode-definition';

/** Chooses the target node of a migrate/failover given without `target_node`, through the named iallocator. */
export type MoveAllocator = (op: OpInput, ctx: OpContext, instance: Instance, source: Node, iallocator: string) => Promise<Node>;

/**
 * Ganeti's TLMigrateInstance._RunAllocator: a `relocate` request (the
 * instance, `relocate_from` its primary) to the iallocator of the registry;
 * the first node of the answer is the target. The choice is made once per
 * opcode (checkPrereq) and reused by exec. An unknown allocator is
 * wrong_input, a failed request insufficient_resources, as in Ganeti.
 */
export function relocationAllocator(plugins: PluginRegistry): MoveAllocator {
  const chosen = new WeakMap<OpInput, string>();
  return async (op, ctx, instance, source, name) => {
    const known = chosen.get(op);
    if (known !== undefined) return lookupNode(ctx.snapshot, known);
    let allocator;
    try {
      allocator = plugins.iallocator(name);
    } catch (error) {
      throw GanetiError.prereq(PluginError.is(error) ? error.message : String(error), 'wrong_input');
    }
    const figures = await gatherNodeFigures(nodeRunnerOf(ctx), ctx.snapshot.list('node'), instance.hypervisor, diskTemplateStorage(instance.disk_template));
    const input = buildIallocatorInput(ctx.snapshot, figures, {
      type: 'relocate',
      name: instance.name,
      required_nodes: 1,
      disk_space_total: instance.disks.reduce((sum, d) => sum + d.size, 0),
      relocate_from: [source.name],
    });
    let response;
    try {
      response = await allocator.run(input);
    } catch (error) {
      throw GanetiError.prereq(`Can't compute nodes using iallocator '${name}': ${error instanceof Error ? error.message : String(error)}`, 'insufficient_resources');
    }
    if (!response.success) throw GanetiError.prereq(`Can't compute nodes using iallocator '${name}': ${response.info}`, 'insufficient_resources');
    const nodes = response.result;
    if (!Array.isArray(nodes) || nodes.length !== 1 || typeof nodes[0] !== 'string') {
      throw GanetiError.prereq(`iallocator '${name}' returned invalid number of nodes (${Array.isArray(nodes) ? nodes.length : 0}), required 1`, 'internal_error');
    }
    const target = lookupNode(ctx.snapshot, nodes[0]);
    chosen.set(op, target.name);
    ctx.feedback(` - INFO: Selected nodes for instance ${instance.name} via iallocator ${name}: ${target.name}`);
    return target;
  };
}
