import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { checkMoveMemory, moveLocks, resolveMove } from './instance-move';
import { nodeRunnerOf } from './node-runner-of';
import { failoverInstance } from './failover-instance';

const maybeString = ht.maybe(ht.nonEmptyString);

/** OP_INSTANCE_FAILOVER: stop on the primary, move the disks, start on the target. */
export const instanceFailoverOpcode: OpcodeDefinition = {
  id: 'OP_INSTANCE_FAILOVER',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: maybeString, default: null },
    { name: 'shutdown_timeout', check: (v) => ht.int(v) && (v as number) >= 0, default: 120 },
    { name: 'ignore_consistency', check: ht.bool, default: false },
    { name: 'target_node', check: maybeString, default: null },
    { name: 'target_node_uuid', check: maybeString, default: null },
    { name: 'ignore_ipolicy', check: ht.bool, default: false },
    { name: 'cleanup', check: ht.bool, default: false },
    { name: 'iallocator', check: maybeString, default: null },
  ],
  locks: moveLocks,
  async checkPrereq(op, ctx) {
    await checkMoveMemory(op, ctx, resolveMove(op, ctx.snapshot, true), true);
  },
  async exec(op, ctx) {
    const parties = resolveMove(op, ctx.snapshot, true);
    const state = new InstanceNodeState(nodeRunnerOf(ctx), ctx.snapshot.list('cluster')[0]!);
    return failoverInstance(ctx, state, parties, op.shutdown_timeout as number);
  },
};
