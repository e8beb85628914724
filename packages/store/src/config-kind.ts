import type { Cluster, FilterRule, Instance, Network, Node, NodeGroup, OsDefinition } from '@corral/model';

/**
 * The kinds of configuration object the store keeps, and the type of each.
 * Later kinds (instances, networks, ...) are added here.
 */
export interface ConfigKinds {
  cluster: Cluster;
  nodegroup: NodeGroup;
  node: Node;
  instance: Instance;
  network: Network;
  os: OsDefinition;
  filter: FilterRule;
}

export type ConfigKind = keyof ConfigKinds;

export const configKinds: readonly ConfigKind[] = ['cluster', 'nodegroup', 'node', 'instance', 'network', 'os', 'filter'];
