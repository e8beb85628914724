import type { ConfigObject } from './config-object';
import type { ParamDict } from './cluster';

/**
 * A cluster node. Besides Ganeti's fields it records where its plugins run:
 * a local node keeps its hypervisor state and storage under `node_dir` on
 * this host, so one machine can hold several nodes.
 */
export interface Node extends ConfigObject {
  readonly name: string;
  readonly primary_ip: string;
  readonly secondary_ip: string;
  readonly master_candidate: boolean;
  readonly offline: boolean;
  readonly drained: boolean;
  readonly master_capable: boolean;
  readonly vm_capable: boolean;
  /** uuid of the node's group. */
  readonly group: string;
  readonly ndparams: ParamDict;
  readonly powered: boolean;
  /** Directory of a local node's own state and storage on this host. */
  readonly node_dir: string;
}

/** The role letters Ganeti reports in node listings. */
export type NodeRoleLetter = 'M' | 'C' | 'R' | 'D' | 'O';

/** Ganeti's role derivation: master, then offline, drained, candidate, regular. */
export function nodeRoleLetter(node: Node, masterName: string): NodeRoleLetter {
  if (node.name === masterName) return 'M';
  if (node.offline) return 'O';
  if (node.drained) return 'D';
  if (node.master_candidate) return 'C';
  return 'R';
}
