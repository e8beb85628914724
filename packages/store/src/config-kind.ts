import type { Cluster, Node, NodeGroup } from '@corral/model';

/**
 * The kinds of configuration object the store keeps, and the type of each.
 * Later kinds (instances, networks, ...) are added here.
 */
export interface ConfigKinds {
  cluster: Cluster;
  nodegroup: NodeGroup;
  node: Node;
}

export type ConfigKind = keyof ConfigKinds;

export const configKinds: readonly ConfigKind[] = ['cluster', 'nodegroup', 'node'];
