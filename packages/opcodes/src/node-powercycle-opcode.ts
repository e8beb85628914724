import { GanetiError } from '@corral/model';
import { requireCluster, requireNode } from './config-lookup';
import { nodeServicesOf } from './node-services-of';
import { pluginFailure } from './plugin-failure';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/**
 * OP_NODE_POWERCYCLE: hard power-cycle through the node's hypervisor (the
 * cluster's default one). The master needs `force`. A hypervisor that cannot
 * do it (the fake one) fails the job with its message.
 */
export const nodePowercycleOpcode: OpcodeDefinition = {
  id: 'OP_NODE_POWERCYCLE',
  touchesNodes: true,
  summaryField: 'node_name',
  params: [
    { name: 'node_name', check: ht.nonEmptyString },
    { name: 'force', check: ht.bool, default: false },
  ],
  locks: () => [],
  checkPrereq(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    const node = requireNode(ctx.snapshot, op.node_name as string);
    if (node.name === cluster.master && op.force !== true) {
      throw GanetiError.prereq('The node is the master and the force parameter was not set', 'wrong_input');
    }
  },
  async exec(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    const node = requireNode(ctx.snapshot, op.node_name as string);
    try {
      await nodeServicesOf(ctx, node).hypervisor(cluster.default_hypervisor).powercycleNode(cluster.hvparams[cluster.default_hypervisor] ?? {});
    } catch (error) {
      throw pluginFailure(error);
    }
    return { result: `Reboot scheduled in 5 seconds` };
  },
};
