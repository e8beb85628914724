import { GanetiError } from '@corral/model';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { lookupInstance, primaryNodeOf } from './lookup-instance';
import { nodeRunnerOf } from './node-runner-of';
import { instanceLocks } from './instance-locks';

/** OP_INSTANCE_STARTUP (minimal: start on the primary unless running, mark up unless no_remember). */
export const instanceStartupOpcode: OpcodeDefinition = {
  id: 'OP_INSTANCE_STARTUP',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'force', check: ht.bool, default: false },
    { name: 'ignore_offline_nodes', check: ht.bool, default: false },
    { name: 'hvparams', check: (v) => typeof v === 'object' && v !== null && !Array.isArray(v), default: () => ({}) },
    { name: 'beparams', check: (v) => typeof v === 'object' && v !== null && !Array.isArray(v), default: () => ({}) },
    { name: 'no_remember', check: ht.bool, default: false },
    { name: 'startup_paused', check: ht.bool, default: false },
    { name: 'shutdown_timeout', check: (v) => ht.int(v) && (v as number) >= 0, default: 120 },
  ],
  locks: instanceLocks,
  checkPrereq(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    if (instance.admin_state === 'offline') throw GanetiError.prereq(`Instance '${instance.name}' is marked to be offline, can't start`, 'wrong_state');
  },
  async exec(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const node = primaryNodeOf(ctx.snapshot, instance);
    const state = new InstanceNodeState(nodeRunnerOf(ctx), ctx.snapshot.list('cluster')[0]!);
    if (!(await state.isRunning(instance, node))) await state.start(instance, node);
    if (op.no_remember || instance.admin_state === 'up') return { result: null };
    return { result: null, changes: { put: [{ kind: 'instance', object: { ...instance, admin_state: 'up', admin_state_source: 'admin' } }] } };
  },
};
