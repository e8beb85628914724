import { GanetiError } from '@corral/model';
import { promoteCandidates } from './candidate-pool';
import { instancesOnNode, requireCluster, requireNode } from './config-lookup';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/**
 * OP_NODE_REMOVE (`gnt-node remove`): takes a node out of the configuration.
 * The master cannot be removed, nor a node that still holds instances; the
 * candidate pool is refilled from the remaining nodes, as Ganeti does. The
 * node's directory is left on disk.
 */
export const nodeRemoveOpcode: OpcodeDefinition = {
  id: 'OP_NODE_REMOVE',
  touchesNodes: false,
  summaryField: 'node_name',
  params: [{ name: 'node_name', check: ht.nonEmptyString }],
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'exclusive' }],
  checkPrereq(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    const node = requireNode(ctx.snapshot, op.node_name as string);
    if (node.name === cluster.master) {
      throw GanetiError.prereq('Node is the master node, failover to another node is required', 'wrong_input');
    }
    const { primary, secondary } = instancesOnNode(ctx.snapshot, node.uuid);
    const first = [...primary, ...secondary][0];
    if (first !== undefined) throw GanetiError.prereq(`Instance ${first} is still running on the node, please remove first`, 'wrong_input');
  },
  async exec(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    const node = requireNode(ctx.snapshot, op.node_name as string);
    const promoted = promoteCandidates(ctx.snapshot.list('node'), cluster.candidate_pool_size, [node.uuid]);
    for (const p of promoted) ctx.feedback(`Promoted node ${p.name} to master candidate`);
    ctx.feedback(`Removed node ${node.name}`);
    return {
      result: null,
      changes: { put: promoted.map((p) => ({ kind: 'node' as const, object: p })), remove: [{ kind: 'node', uuid: node.uuid }] },
    };
  },
};
