import { GanetiError, type Network, type NodeGroup } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';

/** The named network; an unknown one is Ganeti's `unknown_entity` error. */
export function findNetwork(snapshot: ConfigSnapshot, name: string): Network {
  const network = snapshot.findByName('network', name);
  if (!network) throw GanetiError.prereq(`Network '${name}' not found`, 'unknown_entity');
  return network;
}

/** The named node group; an unknown one is Ganeti's `unknown_entity` error. */
export function findGroup(snapshot: ConfigSnapshot, name: string): NodeGroup {
  const group = snapshot.findByName('nodegroup', name);
  if (!group) throw GanetiError.prereq(`Node group '${name}' not found`, 'unknown_entity');
  return group;
}
