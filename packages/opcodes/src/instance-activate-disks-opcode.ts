import { GanetiError } from '@corral/model';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { lookupInstance, primaryNodeOf } from './lookup-instance';
import { nodeRunnerOf } from './node-runner-of';
import { instanceLocks } from './instance-locks';

/** OP_INSTANCE_ACTIVATE_DISKS: result `[[node, "disk/<i>", path], ...]` with the real disk paths. */
export const instanceActivateDisksOpcode: OpcodeDefinition = {
  id: 'OP_INSTANCE_ACTIVATE_DISKS',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'ignore_size', check: ht.bool, default: false },
    { name: 'wait_for_sync', check: ht.bool, default: false },
  ],
  locks: instanceLocks,
  checkPrereq(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const node = primaryNodeOf(ctx.snapshot, instance);
    if (node.offline) throw GanetiError.prereq(`Can't use offline node: ${node.name}`, 'wrong_state');
  },
  async exec(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const node = primaryNodeOf(ctx.snapshot, instance);
    const paths = await new InstanceNodeState(nodeRunnerOf(ctx), ctx.snapshot.list('cluster')[0]!).diskPaths(instance, node);
    return { result: paths.map((path, i) => [node.name, `disk/${i}`, path]) };
  },
};
