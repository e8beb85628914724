import { GanetiError } from '@corral/model';
import { findInstance, primaryNodeOf } from './find-instance';
import { instanceHypervisorSpec } from './instance-hypervisor-spec';
import { instanceLock } from './instance-lock';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { pluginFailure } from './plugin-failure';

/**
 * OP_INSTANCE_REBOOT: a running instance gets a soft or hard reboot from its
 * hypervisor; `full` (or a stopped instance) is a shutdown and a start.
 * Afterwards the instance runs and is marked up, as in Ganeti.
 */
export function instanceRebootOpcode(deps: InstanceOpcodeDeps): OpcodeDefinition {
  return {
    id: 'OP_INSTANCE_REBOOT',
    summaryField: 'instance_name',
    touchesNodes: true,
    params: [
      { name: 'instance_name', check: ht.nonEmptyString },
      { name: 'shutdown_timeout', check: ht.nonNegative, default: 120 },
      { name: 'ignore_secondaries', check: ht.bool, default: false },
      { name: 'reboot_type', check: ht.oneOf('soft', 'hard', 'full') },
    ],
    locks: (op) => instanceLock(op.instance_name),
    checkPrereq(op, ctx) {
      const instance = findInstance(ctx.snapshot, op.instance_name);
      if (instance.admin_state === 'offline') throw GanetiError.prereq(`Instance '${instance.name}' is marked to be offline`, 'wrong_state');
      const node = primaryNodeOf(ctx.snapshot, instance);
      if (node.offline) throw GanetiError.prereq(`Cannot use offline primary node '${node.name}'`, 'wrong_state');
    },
    async exec(op, ctx) {
      const instance = findInstance(ctx.snapshot, op.instance_name);
      const cluster = ctx.snapshot.list('cluster')[0]!;
      const hv = deps.runner.on(primaryNodeOf(ctx.snapshot, instance)).hypervisor(instance.hypervisor);
      const spec = instanceHypervisorSpec(cluster, instance);
      try {
        const running = (await hv.getInstanceInfo(instance.name)) !== null;
        if (running && op.reboot_type !== 'full') {
          await hv.rebootInstance(spec);
        } else {
          if (running) await hv.stopInstance(instance.name, { timeout: Number(op.shutdown_timeout) });
          await hv.startInstance(spec);
        }
      } catch (error) {
        throw pluginFailure(error, `Could not reboot instance '${instance.name}'`);
      }
      if (instance.admin_state === 'up' && instance.admin_state_source === 'admin') return { result: null };
      return { result: null, changes: { put: [{ kind: 'instance', object: { ...instance, admin_state: 'up', admin_state_source: 'admin' } }] } };
    },
  };
}
