import { findInstance, primaryNodeOf } from './find-instance';
import { instanceLock } from './instance-lock';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import type { OpcodeDefinition } from './opcode-definition';
import { ht } from './param-spec';
import { pluginFailure } from './plugin-failure';

/**
 * OP_INSTANCE_SHUTDOWN: stops the instance on its primary node (soft, within
 * `timeout` seconds) and marks it down unless `no_remember`.
 */
export function instanceShutdownOpcode(deps: InstanceOpcodeDeps): OpcodeDefinition {
  return {
    id: 'OP_INSTANCE_SHUTDOWN',
    summaryField: 'instance_name',
    touchesNodes: true,
    params: [
      { name: 'instance_name', check: ht.nonEmptyString },
      { name: 'force', check: ht.bool, default: false },
      { name: 'ignore_offline_nodes', check: ht.bool, default: false },
      { name: 'timeout', check: ht.nonNegative, default: 120 },
      { name: 'no_remember', check: ht.bool, default: false },
      { name: 'admin_state_source', check: ht.oneOf('admin', 'user'), default: 'admin' },
    ],
    locks: (op) => instanceLock(op.instance_name),
    checkPrereq(op, ctx) {
      findInstance(ctx.snapshot, op.instance_name);
    },
    async exec(op, ctx) {
      const instance = findInstance(ctx.snapshot, op.instance_name);
      const node = primaryNodeOf(ctx.snapshot, instance);
      if (!(node.offline && op.ignore_offline_nodes === true)) {
        const hv = deps.runner.on(node).hypervisor(instance.hypervisor);
        try {
          if ((await hv.getInstanceInfo(instance.name)) !== null) await hv.stopInstance(instance.name, { timeout: Number(op.timeout) });
        } catch (error) {
          throw pluginFailure(error, `Could not shutdown instance '${instance.name}'`);
        }
      }
      if (op.no_remember === true) return { result: null };
      const source = op.admin_state_source as 'admin' | 'user';
      if (instance.admin_state === 'down' && instance.admin_state_source === source) return { result: null };
      return { result: null, changes: { put: [{ kind: 'instance', object: { ...instance, admin_state: 'down', admin_state_source: source } }] } };
    },
  };
}
