import { effectiveBeparams, GanetiError } from '@corral/model';
import { checkNodeFreeMemory } from './check-node-free-memory';
import { findInstance, primaryNodeOf } from './find-instance';
import { instanceHypervisorSpec } from './instance-hypervisor-spec';
import { instanceLock } from './instance-lock';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { pluginFailure } from './plugin-failure';

const dict = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * OP_INSTANCE_STARTUP: marks the instance up (unless `no_remember`) and
 * starts it on its primary node when it is not running already.
 */
export function instanceStartupOpcode(deps: InstanceOpcodeDeps): OpcodeDefinition {
  return {
    id: 'OP_INSTANCE_STARTUP',
    summaryField: 'instance_name',
    touchesNodes: true,
    params: [
      { name: 'instance_name', check: ht.nonEmptyString },
      { name: 'force', check: ht.bool, default: false },
      { name: 'ignore_offline_nodes', check: ht.bool, default: false },
      { name: 'hvparams', check: dict, default: () => ({}) },
      { name: 'beparams', check: dict, default: () => ({}) },
      { name: 'no_remember', check: ht.bool, default: false },
      { name: 'startup_paused', check: ht.bool, default: false },
      { name: 'shutdown_timeout', check: ht.nonNegative, default: 120 },
    ],
    locks: (op) => instanceLock(op.instance_name),
    async checkPrereq(op, ctx) {
      const instance = findInstance(ctx.snapshot, op.instance_name);
      if (instance.admin_state === 'offline') throw GanetiError.prereq(`Instance '${instance.name}' is marked to be offline`, 'wrong_state');
      const node = primaryNodeOf(ctx.snapshot, instance);
      if (node.offline) throw GanetiError.prereq(`Cannot use offline primary node '${node.name}'`, 'wrong_state');
      const hv = deps.runner.on(node).hypervisor(instance.hypervisor);
      if ((await hv.getInstanceInfo(instance.name).catch(() => null)) === null) {
        const cluster = ctx.snapshot.list('cluster')[0]!;
        const memory = Number(effectiveBeparams(cluster, instance).minmem);
        await checkNodeFreeMemory(deps, node, instance.hypervisor, memory, `starting instance ${instance.name}`);
      }
    },
    async exec(op, ctx) {
      const instance = findInstance(ctx.snapshot, op.instance_name);
      const cluster = ctx.snapshot.list('cluster')[0]!;
      const hv = deps.runner.on(primaryNodeOf(ctx.snapshot, instance)).hypervisor(instance.hypervisor);
      try {
        if ((await hv.getInstanceInfo(instance.name)) === null) await hv.startInstance(instanceHypervisorSpec(cluster, instance), { startupPaused: op.startup_paused === true });
      } catch (error) {
        throw pluginFailure(error, `Could not start instance '${instance.name}'`);
      }
      if (op.no_remember === true || (instance.admin_state === 'up' && instance.admin_state_source === 'admin')) return { result: null };
      return { result: null, changes: { put: [{ kind: 'instance', object: { ...instance, admin_state: 'up', admin_state_source: 'admin' } }] } };
    },
  };
}
