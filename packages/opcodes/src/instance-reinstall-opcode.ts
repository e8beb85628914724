import { GanetiError, type ParamDict } from '@corral/model';
import { updatedParams } from './updated-params';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { lookupInstance, primaryNodeOf } from './lookup-instance';
import { nodeRunnerOf } from './node-runner-of';
import { instanceLocks } from './instance-locks';
import { runtimeOsSpec } from './runtime-os-spec';
import { pluginCall } from './plugin-call';

const dictOrNull = ht.maybe((v) => typeof v === 'object' && v !== null && !Array.isArray(v));

/**
 * OP_INSTANCE_REINSTALL: runs the OS create script again on the stopped
 * instance's disks, optionally with another OS (`os_type`) and OS parameters.
 */
export const instanceReinstallOpcode: OpcodeDefinition = {
  id: 'OP_INSTANCE_REINSTALL',
  touchesNodes: true,
  summaryField: 'instance_name',
  params: [
    { name: 'instance_name', check: ht.nonEmptyString },
    { name: 'instance_uuid', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'force_variant', check: ht.bool, default: false },
    { name: 'os_type', check: ht.maybe(ht.nonEmptyString), default: null },
    { name: 'osparams', check: dictOrNull, default: null },
    { name: 'osparams_private', check: dictOrNull, default: null },
    { name: 'osparams_secret', check: dictOrNull, default: null },
  ],
  locks: instanceLocks,
  async checkPrereq(op, ctx) {
    const instance = lookupInstance(ctx.snapshot, op.instance_name as string);
    const node = primaryNodeOf(ctx.snapshot, instance);
    if (node.offline) throw GanetiError.prereq(`Instance primary node offline, cannot reinstall: ${node.name}`, 'wrong_state');
    if (instance.disks.length === 0) throw GanetiError.prereq(`Instance '${instance.name}' has no disks`, 'wrong_input');
    if (instance.admin_state !== 'down') throw GanetiError.prereq(`Instance '${instance.name}' is marked to be ${instance.admin_state}, cannot reinstall`, 'wrong_state');
    await new InstanceNodeState(nodeRunnerOf(ctx), ctx.snapshot.list('cluster')[0]!).checkNotRunning(instance, node, 'cannot reinstall');
    if (op.os_type !== null) {
      try {
        await nodeRunnerOf(ctx).on(node).os(op.os_type as string);
      } catch {
        throw GanetiError.prereq(`OS '${op.os_type as string}' not in supported OS list for node ${node.name}`, 'wrong_input');
      }
    }
  },
  async exec(op, ctx) {
    const cluster = ctx.snapshot.list('cluster')[0]!;
    const current = lookupInstance(ctx.snapshot, op.instance_name as string);
    const node = primaryNodeOf(ctx.snapshot, current);
    const instance = {
      ...current,
      os: (op.os_type as string | null) ?? current.os,
      osparams: updatedParams(current.osparams, (op.osparams as ParamDict | null) ?? {}),
    };
    const runner = nodeRunnerOf(ctx);
    const paths = await new InstanceNodeState(runner, cluster).diskPaths(instance, node);
    ctx.feedback(`Running the instance OS create scripts...`);
    const os = await pluginCall(`OS '${instance.os}' not available on node ${node.name}`, () => runner.on(node).os(instance.os));
    await pluginCall(`Could not install OS for instance ${instance.name} on node ${node.name}`, () => os.create(runtimeOsSpec(cluster, instance, paths, node.name)));
    return { result: null, changes: { put: [{ kind: 'instance', object: instance }] } };
  },
};
