import { GanetiError, type Instance, type Node } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';

/** The instance by name, or Ganeti's `Instance 'x' not known` (unknown_entity). */
export function lookupInstance(snapshot: ConfigSnapshot, name: string): Instance {
  const instance = snapshot.findByName('instance', name);
  if (!instance) throw GanetiError.prereq(`Instance '${name}' not known`, 'unknown_entity');
  return instance;
}

/** The node by name, or Ganeti's `Node 'x' not known` (unknown_entity). */
export function lookupNode(snapshot: ConfigSnapshot, name: string): Node {
  const node = snapshot.findByName('node', name);
  if (!node) throw GanetiError.prereq(`Node '${name}' not known`, 'unknown_entity');
  return node;
}

/** The instance's primary node (a config inconsistency is a ProgrammerError). */
export function primaryNodeOf(snapshot: ConfigSnapshot, instance: Instance): Node {
  const node = snapshot.get('node', instance.primary_node);
  if (!node) throw new GanetiError('ProgrammerError', `Primary node of instance '${instance.name}' is not in the configuration`);
  return node;
}
