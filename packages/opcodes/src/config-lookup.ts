import { GanetiError, type Cluster, type Node, type NodeGroup } from '@corral/model';
import type { ConfigSnapshot } from '@corral/store';

/** The cluster object; an uninitialised store is a `wrong_state` error. */
export function requireCluster(snapshot: ConfigSnapshot): Cluster {
  const cluster = snapshot.list('cluster')[0];
  if (!cluster) throw GanetiError.prereq('The cluster is not initialised', 'wrong_state');
  return cluster;
}

/** A node by name, or Ganeti's `Node 'x' not known` (`unknown_entity`). */
export function requireNode(snapshot: ConfigSnapshot, name: string): Node {
  const node = snapshot.findByName('node', name);
  if (!node) throw GanetiError.prereq(`Node '${name}' not known`, 'unknown_entity');
  return node;
}

/** A node group by name (or uuid, as Ganeti's LookupNodeGroup), or `unknown_entity`. */
export function requireGroup(snapshot: ConfigSnapshot, name: string): NodeGroup {
  const group = snapshot.findByName('nodegroup', name) ?? snapshot.get('nodegroup', name);
  if (!group) throw GanetiError.prereq(`Node group '${name}' not found`, 'unknown_entity');
  return group;
}

/** Names of the instances using the node, as primary or secondary. */
export function instancesOnNode(snapshot: ConfigSnapshot, nodeUuid: string): { primary: string[]; secondary: string[] } {
  const primary: string[] = [];
  const secondary: string[] = [];
  for (const instance of snapshot.list('instance')) {
    if (instance.primary_node === nodeUuid) primary.push(instance.name);
    if (instance.secondary_nodes.includes(nodeUuid)) secondary.push(instance.name);
  }
  return { primary, secondary };
}
