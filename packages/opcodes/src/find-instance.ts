import { GanetiError, type Instance, type Node } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';

/** The instance an opcode names; unknown is Ganeti's `Instance 'x' not known` (unknown_entity). */
export function findInstance(snapshot: ConfigSnapshot, name: unknown): Instance {
  const instance = typeof name === 'string' ? snapshot.findByName('instance', name) : undefined;
  if (!instance) throw GanetiError.prereq(`Instance '${String(name)}' not known`, 'unknown_entity');
  return instance;
}

/** The primary node of an instance (a configuration inconsistency otherwise). */
export function primaryNodeOf(snapshot: ConfigSnapshot, instance: Instance): Node {
  const node = snapshot.get('node', instance.primary_node);
  if (!node) throw GanetiError.prereq(`Primary node of instance '${instance.name}' is not in the configuration`, 'wrong_state');
  return node;
}
