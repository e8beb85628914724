import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { lookupInstance, primaryNodeOf } from './lookup-instance';
import { nodeRunnerOf } from './node-runner-of';
import { instanceLocks } from './instance-locks';

/**
 * OP_INSTANCE_DEACTIVATE_DISKS: refused while the instance runs unless
 * `force`; file disks need no deactivation, so the result is null.
 */
export const instanceDeactivateDisksOpcode: OpcodeDefinition = {
  id: 'OP_INSTANCE_DEACTIVATE_DISKS',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'force', check: ht.bool, default: false },
  ],
  locks: instanceLocks,
  async checkPrereq(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const node = primaryNodeOf(ctx.snapshot, instance);
    if (!op.force) await new InstanceNodeState(nodeRunnerOf(ctx), ctx.snapshot.list('cluster')[0]!).checkNotRunning(instance, node, 'cannot shutdown disks');
  },
  async exec() {
    return { result: null };
  },
};
