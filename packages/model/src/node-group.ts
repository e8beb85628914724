import type { ConfigObject } from './config-object';
import type { InstancePolicy, ParamDict } from './cluster';

/** Allocation policies of a node group, in Ganeti's words. */
export type AllocPolicy = 'preferred' | 'last_resort' | 'unallocable';

/**
 * A node group: the unit of placement. Its own parameters override the
 * cluster's (the `custom_*` values); empty means inherited.
 */
export interface NodeGroup extends ConfigObject {
  readonly name: string;
  readonly alloc_policy: AllocPolicy;
  readonly ndparams: ParamDict;
  readonly diskparams: Record<string, ParamDict>;
  /** Only the keys the group overrides; the effective policy merges the cluster's. */
  readonly ipolicy: Partial<InstancePolicy>;
  /** Network uuid -> connection parameters. */
  readonly networks: Record<string, ParamDict>;
}
