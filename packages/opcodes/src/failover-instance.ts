import type { OpContext } from './op-context';
import type { OpOutcome } from './op-outcome';
import type { InstanceNodeState } from './instance-node-state';
import type { MoveParties } from './instance-move';

/**
 * Ganeti's failover: shut the instance down on its primary, move its disks
 * to the target, make the target the primary, and start it there when it
 * is marked up.
 */
export async function failoverInstance(ctx: OpContext, state: InstanceNodeState, parties: MoveParties, shutdownTimeout: number): Promise<OpOutcome> {
  const { instance, source, target } = parties;
  ctx.feedback(`* shutting down instance on source node ${source.name}`);
  await state.stop(instance, source, shutdownTimeout);
  const disks = await state.copyDisks(instance, source, target);
  const moved = { ...instance, primary_node: target.uuid, disks: disks.disks };
  if (instance.admin_state === 'up') {
    ctx.feedback(`* starting the instance on the target node ${target.name}`);
    try {
      await state.start(moved, target);
    } catch (error) {
      await disks.undo();
      throw error;
    }
  }
  await disks.commit();
  return { result: null, changes: { put: [{ kind: 'instance', object: moved }] } };
}
