import { GanetiError, effectiveBeparams, effectiveHvparams, type Instance, type Node } from '@corral/model';
import type { OpContext } from './op-context';
import type { InstanceOpcodeDeps } from './instance-opcode-deps';
import type { OpcodeDefinition, OpInput } from './opcode-definition';
import { relocationAllocator } from './relocation-allocator';
import { ht } from './param-spec';
import { InstanceNodeState } from './instance-node-state';
import { checkMoveMemory, moveLocks, resolveMove } from './instance-move';
import { nodeRunnerOf } from './node-runner-of';
import { pluginCall } from './plugin-call';
import { failoverInstance } from './failover-instance';

const maybeString = ht.maybe(ht.nonEmptyString);

/**
 * TLMigrateInstance's choice between migration and failover: an instance
 * marked down or offline fails over when `allow_failover`; one configured
 * to always fail over does; one not running on its primary fails over with
 * `allow_failover` and is refused otherwise (`Can't migrate, please use failover`).
 */
async function migrationKind(op: OpInput, ctx: OpContext, instance: Instance, source: Node, state: InstanceNodeState): Promise<'migrate' | 'failover'> {
  const fallback = op.allow_failover === true;
  if (instance.admin_state !== 'up' && fallback) {
    ctx.feedback('Instance is marked down or offline, fallback allowed, switching to failover');
    return 'failover';
  }
  if (effectiveBeparams(ctx.snapshot.list('cluster')[0]!, instance).always_failover === true) {
    ctx.feedback('Instance configured to always failover; fallback to failover');
    return 'failover';
  }
  if (!(await state.isRunning(instance, source))) {
    if (fallback) {
      ctx.feedback("Can't migrate, instance offline, fallback to failover");
      return 'failover';
    }
    throw GanetiError.prereq(`Can't migrate, please use failover: Instance ${instance.name} is not running`, 'wrong_state');
  }
  return 'migrate';
}

/**
 * OP_INSTANCE_MIGRATE: live or non-live migration to another node through
 * the hypervisor's migration steps (accept on the target, migrate on the
 * source, finalize both); disk files of `file` instances follow. `cleanup`
 * reconciles the configuration with where the instance really runs. Without
 * `target_node`, the iallocator of the registry (the named or the cluster's
 * default one) chooses the target through a `relocate` request.
 */
export function instanceMigrateOpcode(deps: Pick<InstanceOpcodeDeps, 'plugins'>): OpcodeDefinition {
  const allocate = relocationAllocator(deps.plugins);
  return {
    id: 'OP_INSTANCE_MIGRATE',
    touchesNodes: true,
    summaryField: 'instance_name',
    params: [
      { name: 'instance_name', check: ht.nonEmptyString },
      { name: 'instance_uuid', check: maybeString, default: null },
      { name: 'mode', check: ht.maybe(ht.oneOf('live', 'non-live')), default: null },
      { name: 'live', check: ht.maybe(ht.bool), default: null },
      { name: 'target_node', check: maybeString, default: null },
      { name: 'target_node_uuid', check: maybeString, default: null },
      { name: 'allow_runtime_changes', check: ht.bool, default: true },
      { name: 'ignore_ipolicy', check: ht.bool, default: false },
      { name: 'cleanup', check: ht.bool, default: false },
      { name: 'iallocator', check: maybeString, default: null },
      { name: 'allow_failover', check: ht.bool, default: false },
      { name: 'ignore_hvversions', check: ht.bool, default: false },
    ],
    locks: moveLocks,
    async checkPrereq(op, ctx) {
      const parties = await resolveMove(op, ctx, false, allocate);
      await checkMoveMemory(op, ctx, parties, op.allow_failover === true && parties.instance.admin_state !== 'up');
      if (!op.cleanup) {
        const state = new InstanceNodeState(nodeRunnerOf(ctx), ctx.snapshot.list('cluster')[0]!);
        await migrationKind(op, { ...ctx, feedback: () => undefined }, parties.instance, parties.source, state);
      }
      if (op.live !== null && op.mode !== null) throw GanetiError.prereq("Only one of the 'live' and 'mode' parameters are accepted", 'wrong_input');
    },
    async exec(op, ctx) {
      const { instance, source, target } = await resolveMove(op, ctx, false, allocate);
      const cluster = ctx.snapshot.list('cluster')[0]!;
      const runner = nodeRunnerOf(ctx);
      const state = new InstanceNodeState(runner, cluster);

      if (op.cleanup) {
        const onSource = await state.isRunning(instance, source);
        const onTarget = await state.isRunning(instance, target);
        if (onSource && onTarget) {
          throw new GanetiError('OpExecError', 'Instance seems to be running on two nodes, or the hypervisor is confused; you will have to ensure manually that it runs only on one and restart this operation');
        }
        if (!onSource && !onTarget) {
          throw new GanetiError('OpExecError', "Instance does not seem to be running at all; in this case it's safer to repair by running 'gnt-instance stop' to ensure disk shutdown, and then restarting it");
        }
        if (onSource) {
          ctx.feedback(`* instance confirmed to be running on its primary node (${source.name})`);
          return { result: null };
        }
        ctx.feedback(`* instance running on secondary node (${target.name}), updating config`);
        const disks = await state.copyDisks(instance, source, target);
        await disks.commit();
        return { result: null, changes: { put: [{ kind: 'instance', object: { ...instance, primary_node: target.uuid, disks: disks.disks } }] } };
      }

      if ((await migrationKind(op, ctx, instance, source, state)) === 'failover') {
        return failoverInstance(ctx, state, { instance, source, target }, 120);
      }
      const mode = (op.live === null ? null : op.live ? 'live' : 'non-live') ?? (op.mode as string | null) ?? String(effectiveHvparams(cluster, instance).migration_mode);
      const live = mode === 'live';
      ctx.feedback(`Migrating instance ${instance.name}`);
      const srcHv = runner.on(source).hypervisor(instance.hypervisor);
      const dstHv = runner.on(target).hypervisor(instance.hypervisor);
      if (!srcHv.canMigrate) throw GanetiError.prereq(`Hypervisor '${instance.hypervisor}' does not support migration`, 'wrong_state');
      const disks = await state.copyDisks(instance, source, target);
      const spec = await state.spec(instance, target);
      try {
        const info = await pluginCall('Can\'t collect migration info', () => srcHv.migrationInfo(spec));
        await pluginCall(`Target node ${target.name} failed to prepare for migration`, () => dstHv.acceptInstance(spec, info, target.name));
        try {
          ctx.feedback(`* migrating instance to ${target.name} (${mode})`);
          await pluginCall('Could not migrate instance', () => srcHv.migrateInstance(cluster.name, spec, target, live));
          const status = await pluginCall('Could not get migration status', () => srcHv.getMigrationStatus(spec));
          if (status !== 'completed') throw new GanetiError('OpExecError', `Could not migrate instance ${instance.name}: migration status ${status}`);
        } catch (error) {
          await dstHv.finalizeMigrationDst(spec, info, false).catch(() => undefined);
          await srcHv.finalizeMigrationSource(spec, false, live).catch(() => undefined);
          throw error;
        }
        await pluginCall('Could not finalize migration on the target', () => dstHv.finalizeMigrationDst(spec, info, true));
        await pluginCall('Could not finalize migration on the source', () => srcHv.finalizeMigrationSource(spec, true, live));
      } catch (error) {
        await disks.undo();
        throw error;
      }
      await disks.commit();
      ctx.feedback('* done');
      return { result: null, changes: { put: [{ kind: 'instance', object: { ...instance, primary_node: target.uuid, disks: disks.disks } }] } };
    },
  };
}
