import { GanetiError, effectiveBeparams, type Instance, type Node } from '@corral/model';
import type { OpContext } from './op-context';
import { InstanceNodeState } from './instance-node-state';
import { nodeRunnerOf } from './node-runner-of';
import type { ConfigSnapshot } from '@corral/store';
import type { LockRequest } from './lock-request';
import type { OpInput } from './opcode-definition';
import { lookupInstance, lookupNode, primaryNodeOf } from './lookup-instance';
import type { MoveAllocator } from './relocation-allocator';

/** Templates Ganeti fails over and migrates (DTS_MIRRORED), plus `file` whose disks Corral copies. */
const MOVABLE = new Set(['diskless', 'sharedfile', 'file', 'blockdev', 'ext', 'gluster', 'rbd', 'drbd']);
/** Templates that need a target node or an iallocator (DTS_EXT_MIRROR, plus `file`). */
const NEED_TARGET = new Set(['diskless', 'sharedfile', 'file', 'blockdev', 'ext', 'gluster', 'rbd']);

/** Instance and node locks of a migrate/failover: the instance, its nodes and the target. */
export function moveLocks(op: OpInput, snapshot: ConfigSnapshot): LockRequest[] {
  const locks: LockRequest[] = [{ level: 'instance', name: op.instance_name as string, mode: 'exclusive' }];
  const instance = snapshot.findByName('instance', op.instance_name as string);
  const names = new Set<string>();
  if (instance) for (const uuid of [instance.primary_node, ...instance.secondary_nodes]) names.add(snapshot.get('node', uuid)?.name ?? uuid);
  if (typeof op.target_node === 'string') names.add(op.target_node);
  else if (instance) for (const node of snapshot.list('node')) names.add(node.name); // the allocator may choose any
  for (const name of names) locks.push({ level: 'node', name, mode: 'exclusive' });
  return locks;
}

/**
 * The target's memory check of TLMigrateInstance: unless cleaning up, a
 * migration or the failover of an instance marked up needs `minmem` free.
 */
export async function checkMoveMemory(op: OpInput, ctx: OpContext, parties: MoveParties, failover: boolean): Promise<void> {
  const { instance, target } = parties;
  if (op.cleanup || (failover && instance.admin_state !== 'up')) return;
  const cluster = ctx.snapshot.list('cluster')[0]!;
  const needed = Number(effectiveBeparams(cluster, instance).minmem);
  await new InstanceNodeState(nodeRunnerOf(ctx), cluster).checkFreeMemory(instance, target, needed, `migrating instance ${instance.name}`);
}

/** The resolved parties of a migrate/failover. */
export interface MoveParties {
  readonly instance: Instance;
  readonly source: Node;
  readonly target: Node;
}

/**
 * Ganeti's TLMigrateInstance target checks: the template must allow the
 * move, external-mirror templates need a target node or an iallocator
 * (the cluster default when neither is given), never the primary itself.
 * With an iallocator, `allocate` runs its relocation request.
 */
export async function resolveMove(op: OpInput, ctx: OpContext, failover: boolean, allocate: MoveAllocator): Promise<MoveParties> {
  const snapshot = ctx.snapshot;
  const instance = lookupInstance(snapshot, op.instance_name as string);
  const source = primaryNodeOf(snapshot, instance);
  const template = instance.disk_template;
  if (!MOVABLE.has(template)) {
    throw GanetiError.prereq(`Instance's disk layout '${template}' does not allow ${failover ? 'failovers' : 'migrations'}`, 'wrong_state');
  }
  if (!NEED_TARGET.has(template)) {
    throw GanetiError.prereq(`Disk template '${template}' is modelled but its storage is not available in Corral`, 'wrong_input');
  }
  const targetName = op.target_node as string | null;
  let iallocator = op.iallocator as string | null;
  if (targetName !== null && iallocator !== null) throw GanetiError.prereq('Do not specify both, iallocator and node', 'wrong_input');
  let target: Node;
  if (targetName !== null && iallocator !== '.') {
    target = lookupNode(snapshot, targetName);
  } else {
    if (iallocator === null || iallocator === '.') {
      iallocator = snapshot.list('cluster')[0]?.default_iallocator || null;
      if (!iallocator) {
        throw GanetiError.prereq(
          'No iallocator or node given and no cluster-wide default iallocator found; please specify either an iallocator or a node, or set a cluster-wide default iallocator',
          'wrong_input',
        );
      }
    }
    target = await allocate(op, ctx, instance, source, iallocator);
  }
  if (target.uuid === source.uuid) {
    throw GanetiError.prereq(`Cannot migrate instance ${instance.name} to its primary (${source.name})`, 'wrong_state');
  }
  if (target.offline) throw GanetiError.prereq(`Can't use offline node: ${target.name}`, 'wrong_state');
  if (target.drained && !op.cleanup) throw GanetiError.prereq(`Can't use drained node ${target.name}`, 'wrong_state');
  return { instance, source, target };
}
