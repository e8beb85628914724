import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import type { OpcodeDefinition } from './opcode-definition';
import { relocationAllocator } from './relocation-allocator';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { checkMoveMemory, moveLocks, resolveMove } from './instance-move';
import { nodeRunnerOf } from './node-runner-of';
import { failoverInstance } from './failover-instance';

const maybeString = ht.maybe(ht.nonEmptyString);

/**
 * OP_INSTANCE_FAILOVER: stop on the primary, move the disks, start on the
 * target (given, or chosen by the iallocator of the registry).
 */
export function instanceFailoverOpcode(deps: Pick<InstanceOpcodeDeps, 'plugins'>): OpcodeDefinition {
  const allocate = relocationAllocator(deps.plugins);
  return {
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
      await checkMoveMemory(op, ctx, await resolveMove(op, ctx, true, allocate), true);
    },
    async exec(op, ctx) {
      const parties = await resolveMove(op, ctx, true, allocate);
      const state = new InstanceNodeState(nodeRunnerOf(ctx), ctx.snapshot.list('cluster')[0]!);
      return failoverInstance(ctx, state, parties, op.shutdown_timeout as number);
    },
  };
}
