import type { ConfigSnapshot } from '@corral/store';
import type { LockRequest } from './lock-request';
import type { OpInput } from './opcode-definition';

/** The instance (exclusive) and its nodes (exclusive), from `op.instance_name`. */
export function instanceLocks(op: OpInput, snapshot: ConfigSnapshot): LockRequest[] {
  const locks: LockRequest[] = [{ level: 'instance', name: op.instance_name as string, mode: 'exclusive' }];
  const instance = snapshot.findByName('instance', op.instance_name as string);
  if (instance) {
    for (const uuid of [instance.primary_node, ...instance.secondary_nodes]) {
      locks.push({ level: 'node', name: snapshot.get('node', uuid)?.name ?? uuid, mode: 'exclusive' });
    }
  }
  return locks;
}
