import { GanetiError } from '@corral/model';
import { instancesOnNode, requireCluster, requireNode } from './config-lookup';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';

/** Ganeti's node evacuation modes. */
export const nodeEvacModes = ['all', 'primary-only', 'secondary-only'] as const;

/**
 * OP_NODE_EVACUATE: moves instances off a node. Its result is Ganeti's
 * `node-evac-res1` document, `{"jobs": [[true, job_id] | [false, message]...]}`,
 * one entry per submitted per-instance job. Moving instances needs the
 * instance migrate/failover/replace-disks opcodes and job submission from a
 * job; until those exist an evacuation that has instances to move fails
 * with a clear message, and an empty node evacuates to `{"jobs": []}`.
 */
export const nodeEvacuateOpcode: OpcodeDefinition = {
  id: 'OP_NODE_EVACUATE',
  touchesNodes: false,
  summaryField: 'node_name',
  params: [
    { name: 'early_release', check: ht.bool, default: false },
    { name: 'node_name', check: ht.nonEmptyString },
    { name: 'remote_node', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'iallocator', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'mode', check: ht.oneOf(...nodeEvacModes) },
    { name: 'ignore_soft_errors', check: ht.maybe(ht.bool), default: null },
  ],
  locks: () => [{ level: 'cluster', name: 'cluster', mode: 'shared' }],
  checkPrereq(op, ctx) {
    const cluster = requireCluster(ctx.snapshot);
    const node = requireNode(ctx.snapshot, op.node_name as string);
    if (op.remote_node !== null && op.iallocator !== null) {
      throw GanetiError.prereq('Give either the iallocator or the new secondary, not both', 'wrong_input');
    }
    if (op.remote_node !== null) {
      const remote = requireNode(ctx.snapshot, op.remote_node as string);
      if (remote.uuid === node.uuid) throw GanetiError.prereq('Can not use evacuated node as a new secondary node', 'wrong_input');
      if (op.mode !== 'secondary-only') {
        throw GanetiError.prereq(`Without the use of an iallocator only secondary instances can be evacuated`, 'wrong_input');
      }
    } else if (op.iallocator === null && !cluster.default_iallocator) {
      throw GanetiError.prereq('No iallocator or node given and no cluster-wide default iallocator found; please specify either an iallocator or a node, or set a cluster-wide default iallocator', 'wrong_input');
    }
  },
  async exec(op, ctx) {
    const node = requireNode(ctx.snapshot, op.node_name as string);
    const { primary, secondary } = instancesOnNode(ctx.snapshot, node.uuid);
    const moving = [...(op.mode === 'secondary-only' ? [] : primary), ...(op.mode === 'primary-only' ? [] : secondary)];
    if (moving.length > 0) {
      throw new GanetiError('OpExecError', `Evacuating instances (${moving.join(', ')}) from node ${node.name} is not supported yet`);
    }
    ctx.feedback(`Node ${node.name} has no instances to evacuate`);
    return { result: { jobs: [] } };
  },
};
