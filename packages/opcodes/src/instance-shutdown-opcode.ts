import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { lookupInstance, primaryNodeOf } from './lookup-instance';
import { nodeRunnerOf } from './node-runner-of';
import { instanceLocks } from './instance-locks';

/** OP_INSTANCE_SHUTDOWN (minimal: stop on the primary, mark down unless no_remember). */
export const instanceShutdownOpcode: OpcodeDefinition = {
  id: 'OP_INSTANCE_SHUTDOWN',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'force', check: ht.bool, default: false },
    { name: 'ignore_offline_nodes', check: ht.bool, default: false },
    { name: 'timeout', check: (v) => ht.int(v) && (v as number) >= 0, default: 120 },
    { name: 'no_remember', check: ht.bool, default: false },
  ],
  locks: instanceLocks,
  checkPrereq(op, ctx) {
    lookupInstance(ctx.snapshot, op.instance_name as string);
  },
  async exec(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const node = primaryNodeOf(ctx.snapshot, instance);
    await new InstanceNodeState(nodeRunnerOf(ctx), ctx.snapshot.list('cluster')[0]!).stop(instance, node, op.timeout as number);
    if (op.no_remember || instance.admin_state === 'down') return { result: null };
    return { result: null, changes: { put: [{ kind: 'instance', object: { ...instance, admin_state: 'down', admin_state_source: 'admin' } }] } };
  },
};
